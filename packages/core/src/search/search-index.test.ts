import { describe, expect, it } from 'vitest';
import { nameExclusions } from './index-tables.js';
import { inOrderWithin } from './phrase-boost.js';
import { fixtureCatalog as catalog, procedure } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';
import { expandSynonyms } from './synonyms.js';
import { editDistance, normalizeText, tokenize } from './text.js';

const index = buildSearchIndex(catalog);
const codes = (q: string, opts = {}) => index.search(q, opts).items.map((i) => i.record.code);

describe('text', () => {
  it('folds every Vietnamese mark, đ and case; keeps procedure codes whole', () => {
    expect(normalizeText('Đăng KÝ  khai-sinh, QSDĐ!')).toBe('dang ky khai sinh qsdd');
    expect(normalizeText('mỹ ỷ ỹ ỵ')).toBe('my y y y');
    expect(tokenize('mã 1.001193 và L-YT-001')).toEqual(['ma', '1.001193', 'va', 'l-yt-001']);
  });

  it('counts edits with transpositions and stops above the bound', () => {
    expect(editDistance('khia', 'khai')).toBe(1);
    expect(editDistance('sinhf', 'sinh')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('rewrites abbreviations and everyday words to catalog wording', () => {
    expect(expandSynonyms(tokenize('ĐKKD hộ cá thể')).tokens.join(' ')).toBe('dang ky kinh doanh ho ca the');
    expect(expandSynonyms(tokenize('cấp GCN QSDĐ')).tokens.join(' ')).toBe('cap giay chung nhan quyen su dung dat');
    expect(expandSynonyms(tokenize('làm sổ đỏ')).tokens.join(' ')).toBe('lam giay chung nhan quyen su dung dat');
    expect(expandSynonyms(tokenize('lam cccd')).tokens.join(' ')).toBe('lam the can cuoc');
  });
});

describe('search', () => {
  it('finds the same procedure with and without accents', () => {
    expect(codes('đăng ký kết hôn')[0]).toBe('1.000894');
    expect(codes('dang ky ket hon')[0]).toBe('1.000894');
    expect(codes('DANG KY THUONG TRU')[0]).toBe('1.004222');
  });

  it('corrects typos against the catalog vocabulary and reports them', () => {
    const r = index.search('dang ky khia sinh');
    expect(r.items[0]?.record.code).toBe('1.001193');
    expect(r.corrections).toContainEqual({ from: 'khia', to: 'khai' });
    expect(codes('dang ky tam truu')[0]).toBe('1.004194');
    expect(codes('khaisinh')[0]).toBe('1.001193');
  });

  it('understands abbreviations and everyday phrases', () => {
    expect(codes('ĐKKD')[0]).toBe('1.001612');
    expect(codes('dang ky hkd')[0]).toBe('1.001612');
    expect(codes('lam cccd')[0]).toBe('1.014061');
    expect(codes('mở quán cà phê cần đăng ký gì')[0]).toBe('1.001612');
    expect(codes('con tôi mới sinh cần làm giấy tờ gì')[0]).toBe('1.001193');
    expect(codes('lam giay khai sinh')[0]).toBe('1.001193');
    expect(codes('khai sinh cho con')[0]).toBe('1.001193');
    expect(codes('làm sổ đỏ lần đầu')[0]).toBe('1.013978');
  });

  it('finds by exact code and by code prefix', () => {
    const exact = index.search('1.004222');
    expect(exact.items[0]).toMatchObject({ matchedBy: 'code', confidence: 1 });
    expect(exact.items[0]?.record.code).toBe('1.004222');
    expect(codes('1.0041')).toEqual(['1.004194']);
  });

  it('filters by level, field and a set of enabled codes', () => {
    const province = index.search('giay chung nhan', { level: 'province' }).items;
    expect(province[0]?.record.code).toBe('1.012786');
    expect(province.every((i) => i.record.levels.includes('province'))).toBe(true);
    expect(codes('dang ky', { field: 'Đăng ký, quản lý cư trú' }).sort()).toEqual(['1.004194', '1.004222']);
    expect(codes('dang ky khai sinh', { codes: new Set(['1.004884', '2.000528']) })).toEqual(['1.004884', '2.000528']);
  });

  it('ranks the general procedure before its foreign and re-registration variants', () => {
    // the variants may follow the copy of a birth certificate (18h: a variant whose added words are not asked weighs less)
    const found = codes('dang ky khai sinh');
    expect(found[0]).toBe('1.001193');
    expect(found.slice(1, 4)).toEqual(expect.arrayContaining(['1.004884', '2.000528']));
    expect(codes('khai sinh co yeu to nuoc ngoai')[0]).toBe('2.000528');
  });

  it('puts a commune procedure before a province one with equally good words', () => {
    const pair = [
      procedure({ code: '9.000001', name: 'Cấp giấy phép chăn thả', field: 'X', levels: ['province'] }),
      procedure({ code: '9.000002', name: 'Cấp giấy phép chăn nuôi', field: 'X', levels: ['commune'] }),
    ];
    const r = buildSearchIndex(pair).search('cap giay phep chan');
    expect(r.items.map((i) => i.record.code)).toEqual(['9.000002', '9.000001']);
    const flat = buildSearchIndex(pair.map((p) => ({ ...p, levels: ['province' as const] }))).search(
      'cap giay phep chan',
    );
    expect(flat.items[0]?.score).toBe(flat.items[1]?.score);
  });

  it("prefers the level the question names, else lightly the asking unit's level", () => {
    const pair = [
      procedure({ code: '9.000011', name: 'Cấp giấy phép khai thác cát', field: 'X', levels: ['province'] }),
      procedure({ code: '9.000012', name: 'Cấp giấy phép khai thác đá', field: 'X', levels: ['commune'] }),
    ];
    const idx = buildSearchIndex(pair);
    const first = (q: string, o = {}) => idx.search(q, o).items[0]?.record.code;
    expect(first('cap giay phep khai thac')).toBe('9.000012');
    expect(first('nộp lên UBND tỉnh cấp giấy phép khai thác')).toBe('9.000011');
    expect(first('cap giay phep khai thac', { askerLevel: 'province' })).toBe('9.000011');
    // the question's own words outweigh the unit it is asked through
    expect(first('ra UBND xã cấp giấy phép khai thác', { askerLevel: 'province' })).toBe('9.000012');
  });

  it('scales a text match by how much of the question it holds', () => {
    // Without the scaling the land registration (repeating "đăng ký đất đai", 0.41 of the question) comes first.
    const secured = procedure({
      code: '9.000022',
      name: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất',
      field: 'X',
      levels: ['province'],
    });
    const repeated = procedure({
      code: '9.000021',
      name: 'Đăng ký đất đai, đăng ký đất đai bổ sung, đăng ký đất đai lại',
      field: 'X',
      levels: ['province'],
    });
    const r = buildSearchIndex([...catalog, repeated, secured]).search('đăng ký đất đai bảo đảm');
    expect(r.items[0]?.record.code).toBe('9.000022');
    expect(r.items[0]!.coverage).toBeGreaterThan(r.items[1]!.coverage);
  });

  it('everyday commune procedures come first on a broad query', () => {
    expect(codes('dang ky thanh lap')[0]).toBe('1.001612');
    expect(codes('cap giay chung nhan')[0]).toBe('1.013978');
  });

  it('gives nothing or only low confidence for nonsense', () => {
    expect(index.search('asdfgh qwerty').items).toEqual([]);
    expect(index.search('tôi cần gì').termCount).toBe(0);
    for (const q of ['thời tiết hôm nay thế nào', 'giá vàng hôm nay', 'cách nấu phở bò']) {
      const top = index.search(q).items[0];
      expect(top?.confidence ?? 0, q).toBeLessThan(0.55);
    }
  });

  it('lets a curated phrase yield to a procedure that holds nearly all of the question', () => {
    const land = (code: string, name: string) => procedure({ code, name, field: 'Đất đai', levels: ['province'] });
    const household = land(
      '1.013831',
      'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất',
    );
    const project = land(
      '1.012787',
      'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất cho người nhận chuyển nhượng quyền sử dụng đất, quyền sở hữu nhà ở trong dự án bất động sản',
    );
    const organisation = land(
      '9.000030',
      'Tổ chức kinh tế nhận chuyển nhượng, thuê quyền sử dụng đất, nhận góp vốn bằng quyền sử dụng đất để thực hiện dự án đầu tư',
    );
    const idx = buildSearchIndex([...catalog, household, project, organisation]);
    const first = (q: string) => idx.search(q).items[0]?.record.code;
    // the phrase "nhận chuyển nhượng đất" (household transfer) explains half of this question, 9.000030 nearly all
    expect(first('công ty nhận chuyển nhượng đất để làm dự án đầu tư')).toBe('9.000030');
    // the phrase still decides when its procedures explain the question
    expect(['1.013831', '1.012787']).toContain(first('nhận chuyển nhượng đất của hàng xóm'));
  });

  it('holds a phrase apart only in its order and within a few words', () => {
    const name = tokenize('Tổ chức kinh tế nhận chuyển nhượng, thuê quyền sử dụng đất');
    expect(inOrderWithin(name, ['nhan', 'chuyen', 'nhuong', 'dat'], 9)).toBe(true);
    expect(inOrderWithin(name, ['nhan', 'chuyen', 'nhuong', 'dat'], 5)).toBe(false);
    const scattered = tokenize('Cấp Giấy xác nhận đăng ký nuôi trồng thủy sản, đối tượng nuôi chủ lực');
    expect(inOrderWithin(scattered, ['xac', 'nhan', 'chu', 'ky'], 9)).toBe(false);
  });

  it('does not count "công" of "công ty" as a cue word that a curated phrase may leave unexplained', () => {
    const publicHousing = procedure({
      code: '9.000031',
      name: 'Thủ tục chuyển đổi công năng nhà ở thuộc tài sản công',
      field: 'Nhà ở',
      levels: ['province'],
    });
    const idx = buildSearchIndex([...catalog, publicHousing]);
    expect(idx.search('chuyển đổi công năng nhà ở công').items[0]?.record.code).toBe('9.000031');
  });

  it('pages results deterministically', () => {
    const all = codes('dang ky', { limit: 50 });
    expect(codes('dang ky', { limit: 3, offset: 2 })).toEqual(all.slice(2, 5));
    expect(index.search('dang ky', { limit: 3 }).total).toBe(all.length);
  });
});

describe('a name that excludes what the question asks (session 7, task 18g)', () => {
  it('reads the pair after "không (phải)" in a name', () => {
    expect(nameExclusions(tokenize('Đăng ký biến động chuyển mục đích sử dụng đất không phải xin phép'))).toEqual([
      'xin phep',
    ]);
    expect(nameExclusions(tokenize('Giao đất không thông qua đấu giá quyền sử dụng đất'))).toEqual(['dau gia']);
  });

  it('puts the procedure that excludes "xin phép" after the one that does not, unless the question excludes it too', () => {
    const field = 'Đất đai';
    const idx = buildSearchIndex([
      procedure({ code: 'N1', name: 'Chuyển mục đích sử dụng đất không phải xin phép', field, levels: ['commune'] }),
      procedure({ code: 'P1', name: 'Cho phép chuyển mục đích sử dụng đất', field, levels: ['commune'] }),
    ]);
    const first = (s: string) => idx.search(s).items[0]?.record.code;
    expect(first('xin phép chuyển mục đích sử dụng đất')).toBe('P1');
    expect(first('chuyển mục đích sử dụng đất không phải xin phép')).toBe('N1');
  });
});

describe('spoken fillers are not corrected into catalog words (session 7, task 18g)', () => {
  it('leaves "luôn" and "cuốn" alone', () => {
    expect(index.search('mất luôn cuốn sổ').corrections).toEqual([]);
  });

  it('reads Southern spoken forms: particles are framing, "lãnh" before a payment is "lĩnh"', () => {
    expect(index.search('tui muốn hỏi nhen').corrections).toEqual([]);
    expect(index.search('tui muốn hỏi nhen').understood).toBe('');
    expect(expandSynonyms(tokenize('lãnh lương hưu dùm')).tokens.join(' ')).toBe('linh luong huu dum');
    expect(expandSynonyms(tokenize('lãnh đạo xã, lãnh sự quán')).tokens.join(' ')).toBe('lanh dao xa lanh su quan');
    expect(expandSynonyms(tokenize('có được hok')).tokens.join(' ')).toBe('co duoc khong');
  });
});

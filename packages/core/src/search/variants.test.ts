import { describe, expect, it } from 'vitest';
import { asksConversion, conversionFactor, conversionSource, namesConversion } from './conversion.js';
import { buildIndexTables } from './index-tables.js';
import { queryCues, recordCues } from './query-cues.js';
import { procedure } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';
import { tokenize } from './text.js';

const source = (s: string, withSang = true) => {
  const found = conversionSource(tokenize(s), withSang);
  return found ? [...found].sort() : null;
};

describe('conversions', () => {
  it('reads what a conversion converts, in a question ("thành" or "sang") and in a name ("thành" only)', () => {
    expect(source('chuyển công ty cổ phần sang công ty hai thành viên')).toEqual(['cong', 'phan', 'ty']); // "có" folds to a stopword
    expect(source('Chuyển đổi doanh nghiệp tư nhân thành công ty hợp danh')).toEqual(['doanh', 'nghiep', 'nhan']);
    // "sang tên", "thành lập", "thành viên" are no conversion; names say "sang" for other moves
    expect(source('sang tên sổ đỏ cho con')).toBeNull();
    expect(source('chuyển hộ khẩu về thành phố')).toBeNull();
    expect(source('chuyển nhượng để thành lập công ty')).toBeNull();
    expect(source('Chuyển mục đích sử dụng rừng sang mục đích khác', false)).toBeNull();
  });

  it('tells a conversion of kind from "chuyển đổi mục đích" and the household transfer name', () => {
    expect(asksConversion(tokenize('chuyển đổi chứng chỉ hành nghề xây dựng'))).toBe(true);
    expect(asksConversion(tokenize('chuyển hộ kinh doanh thành công ty'))).toBe(true);
    expect(asksConversion(tokenize('chuyển đổi mục đích sử dụng đất'))).toBe(false);
    expect(asksConversion(tokenize('sang tên sổ đỏ'))).toBe(false);
    expect(namesConversion(tokenize('Cấp chuyển đổi chứng chỉ hành nghề hoạt động xây dựng'))).toBe(true);
    expect(
      namesConversion(
        tokenize('Đăng ký biến động quyền sử dụng đất trong các trường hợp chuyển đổi quyền sử dụng đất nông nghiệp'),
      ),
    ).toBe(false);
    expect(recordCues(tokenize('Cấp chuyển đổi chứng chỉ hành nghề')).intents.has('conversion')).toBe(true);
    expect(queryCues(tokenize('xin chứng chỉ hành nghề xây dựng')).intents.has('conversion')).toBe(false);
  });

  it('weighs a name by the source it shares with the question', () => {
    const w = { match: 1.1, mismatch: 0.8 };
    const q = new Set(['cong', 'ty', 'trach', 'nhiem', 'huu', 'han']);
    expect(conversionFactor(q, new Set(['doanh', 'nghiep', 'nhan']), w)).toBe(0.8);
    expect(conversionFactor(q, new Set([...q, 'mot', 'vien']), w)).toBe(1.1);
    expect(conversionFactor(q, new Set(['cong', 'ty', 'luat']), w)).toBe(1);
    expect(conversionFactor(null, new Set(['cong']), w)).toBe(1);
    expect(conversionFactor(q, null, w)).toBe(1);
  });

  it('ranks the conversion of the kind asked first, and the new certificate over its conversion', () => {
    const field = 'Thành lập và hoạt động doanh nghiệp';
    const index = buildSearchIndex([
      procedure({
        code: 'C1',
        name: 'Chuyển đổi doanh nghiệp tư nhân thành công ty hợp danh, công ty trách nhiệm hữu hạn, công ty cổ phần',
        field,
        levels: ['province'],
      }),
      procedure({
        code: 'C2',
        name: 'Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần và ngược lại',
        field,
        levels: ['province'],
      }),
      procedure({
        code: 'X1',
        name: 'Cấp chuyển đổi chứng chỉ hành nghề hoạt động xây dựng',
        field: 'Xây dựng',
        levels: ['province'],
      }),
      procedure({
        code: 'X2',
        name: 'Cấp mới chứng chỉ hành nghề hoạt động xây dựng',
        field: 'Xây dựng',
        levels: ['province'],
      }),
    ]);
    const first = (q: string) => index.search(q).items[0]?.record.code;
    expect(first('chuyển công ty TNHH thành công ty cổ phần')).toBe('C2');
    expect(first('chuyển doanh nghiệp tư nhân thành công ty cổ phần')).toBe('C1');
    expect(first('kỹ sư xin chứng chỉ hành nghề xây dựng')).toBe('X2');
    expect(first('chuyển đổi chứng chỉ hành nghề xây dựng')).toBe('X1');
  });
});

describe('variants whose added words are not asked', () => {
  const field = 'Tư vấn pháp luật';
  const index = buildSearchIndex([
    procedure({ code: 'B', name: 'Đăng ký hoạt động của Trung tâm tư vấn pháp luật', field, levels: ['province'] }),
    procedure({
      code: 'V',
      name: 'Đăng ký hoạt động cho chi nhánh của Trung tâm tư vấn pháp luật',
      field,
      levels: ['province'],
    }),
    procedure({
      code: 'V2',
      name: 'Đăng ký hoạt động cho chi nhánh của Trung tâm tư vấn pháp luật tại khu vực biên giới',
      field,
      levels: ['province'],
    }),
  ]);
  const first = (q: string) => index.search(q).items[0]?.record.code;

  it('lists the words a variant adds to its base (none for a difference of stopwords only)', () => {
    const tables = buildIndexTables([
      procedure({ code: 'B', name: 'Đăng ký hoạt động Trung tâm tư vấn pháp luật', field, levels: ['province'] }),
      procedure({ code: 'S', name: 'Đăng ký hoạt động của Trung tâm tư vấn pháp luật', field, levels: ['province'] }),
      procedure({
        code: 'V',
        name: 'Đăng ký hoạt động cho chi nhánh Trung tâm tư vấn pháp luật',
        field,
        levels: ['province'],
      }),
    ]);
    expect(tables.variantExtras[1]).toEqual([]);
    expect(tables.variantExtras[2]!.map((x) => [...x].sort())).toEqual([['chi', 'cho', 'nhanh']]);
  });

  it('prefers the base procedure unless the question asks what the variant adds', () => {
    expect(first('đăng ký hoạt động trung tâm tư vấn pháp luật')).toBe('B');
    expect(first('đăng ký hoạt động chi nhánh trung tâm tư vấn pháp luật')).toBe('V');
  });
});

describe('a level the question names', () => {
  const field = 'Đất đai';
  const index = buildSearchIndex([
    procedure({ code: '1.012812', name: 'Hòa giải tranh chấp đất đai', field, levels: ['commune'] }),
    procedure({
      code: '1.013967',
      name: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã',
      field,
      levels: ['commune'],
    }),
    procedure({
      code: '1.012805',
      name: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân cấp tỉnh',
      field,
      levels: ['province'],
    }),
  ]);
  const first = (q: string) => index.search(q).items[0]?.record.code;

  it('outweighs a curated phrase whose procedures are of another level', () => {
    expect(first('tranh chấp đất với hàng xóm')).toBe('1.012812');
    expect(first('tranh chấp đất với công ty thì lên tỉnh giải quyết')).toBe('1.012805');
  });
});

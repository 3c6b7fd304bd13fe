import { beforeAll, describe, expect, it } from 'vitest';
import { AddressConverter, type ConversionResult, parseAddress } from './address-conversion.js';
import { loadShippedIndex } from './master-data.fixture.js';

type Labelled = { items: Array<{ address: string; oldCode: string; expected: string[]; share: 'full' | 'partial' }> };

let converter: AddressConverter;
let labelled: Labelled;
beforeAll(async () => {
  converter = new AddressConverter(await loadShippedIndex());
  const path = '../../../../data/admin-units/address-conversion-labelled.json';
  labelled = (await import(/* @vite-ignore */ path, { with: { type: 'json' } })).default as Labelled;
});

const codes = (r: ConversionResult) => r.candidates.map((c) => c.newUnit.code);

describe('parseAddress', () => {
  it('splits on commas and type words, expanding abbreviations', () => {
    expect(parseAddress('12 Lê Lợi, P.Bến Thành, Q1, TP.HCM')).toEqual([
      { hint: undefined, name: '12 le loi' },
      { hint: 'commune', name: 'ben thanh', word: 'phuong' },
      { hint: 'district', name: '1', word: 'quan' },
      { hint: 'province_or_district', name: 'ho chi minh', word: 'thanh pho' },
    ]);
    expect(parseAddress('xa xa phien huyen long my tinh hau giang').map((s) => s.name)).toEqual([
      'xa phien',
      'long my',
      'hau giang',
    ]);
    expect(parseAddress('Xã Cao Xá, Tỉnh Hà Tĩnh').map((s) => s.name)).toEqual(['cao xa', 'ha tinh']);
  });
});

describe('AddressConverter', () => {
  it('converts a full old address, with or without accents and abbreviations', () => {
    for (const a of [
      'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội',
      'p. truc bach, q. ba dinh, ha noi',
      'PHUONG TRUC BACH QUAN BA DINH HN',
    ]) {
      const r = converter.convert(a, '2026-01-01');
      expect(r.status, a).toBe('converted');
      expect(r.candidates[0]).toMatchObject({
        oldCommune: { code: '00004', fullName: 'Phường Trúc Bạch' },
        newUnit: { code: '00004', fullName: 'Phường Ba Đình' },
        newProvince: { code: '01' },
      });
    }
  });

  it('says the district does not match when the named district has no such commune (no Tân Phú in Thạnh Phú)', () => {
    const r = converter.convert('Xã Tân Phú, Huyện Thạnh Phú, Tỉnh Bến Tre', '2026-01-01');
    expect(r.status).toBe('ambiguous');
    expect(r.warnings).toEqual([
      {
        code: 'district_mismatch',
        district: { code: '837', fullName: 'Huyện Thạnh Phú' },
        province: { code: '83', fullName: 'Tỉnh Bến Tre' },
        communeName: 'Tân Phú',
      },
    ]);
    // Candidates come from other districts of the province: the Tân Phú of Châu Thành, ranked first.
    expect(r.candidates[0]).toMatchObject({
      oldCommune: { code: '28840' },
      oldDistrict: { code: '831', fullName: 'Huyện Châu Thành' },
      newUnit: { code: '28840', fullName: 'Xã Tân Phú' },
      newProvince: { code: '86', fullName: 'Tỉnh Vĩnh Long' },
    });
    // All from the province; a near name inside Thạnh Phú (Thị trấn Thạnh Phú) may follow, never lead.
    expect(r.candidates.every((c) => c.oldProvince?.code === '83')).toBe(true);
    const firstInNamed = r.candidates.findIndex((c) => c.oldDistrict?.code === '837');
    expect(firstInNamed === -1 || firstInNamed > 0).toBe(true);
    expect(r.confidence).toBeLessThan(0.5);
  });

  it('converts a real old commune of Thạnh Phú district without a warning', () => {
    for (const a of ['Xã Mỹ Hưng, Huyện Thạnh Phú, Tỉnh Bến Tre', 'xa my hung, h. thanh phu, ben tre']) {
      const r = converter.convert(a, '2026-01-01');
      expect(r.status, a).toBe('converted');
      expect(r.warnings).toEqual([]);
      expect(r.candidates[0]).toMatchObject({
        oldCommune: { code: '29197', fullName: 'Xã Mỹ Hưng' },
        oldDistrict: { code: '837' },
        newUnit: { code: '29191', fullName: 'Xã Quới Điền' },
        newProvince: { code: '86', fullName: 'Tỉnh Vĩnh Long' },
      });
      expect(r.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('a commune missing from a misspelt district is not a mismatch when the district is not named', () => {
    const r = converter.convert('Xã Tân Phú, Tỉnh Bến Tre', '2026-01-01');
    expect(r.warnings).toEqual([]);
    expect(r.candidates[0]?.oldCommune?.code).toBe('28840');
  });

  it('lists every candidate of a split commune and asks for detail', () => {
    const r = converter.convert('Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội', '2026-01-01');
    expect(r.status).toBe('needs_detail');
    expect(codes(r).sort()).toEqual(['00004', '00008']);
    expect(r.detail).toBe('Số 5 phố Đội Cấn');
  });

  it('keeps the street or village as the user wrote it, accents and case, with or without commas', () => {
    const at = (a: string) => converter.convert(a, '2026-01-01');
    expect(at('Số 5 phố Đội Cấn Phường Ngọc Hà Quận Ba Đình Hà Nội').detail).toBe('Số 5 phố Đội Cấn');
    expect(at('Ấp Phú Thạnh,  Xã Mỹ Hưng, Huyện Thạnh Phú, Tỉnh Bến Tre').detail).toBe('Ấp Phú Thạnh');
    expect(at('so 5 doi can, p. ngoc ha, q. ba dinh, ha noi').detail).toBe('so 5 doi can');
    expect(at('Phường Ngọc Hà, Quận Ba Đình, Hà Nội').detail).toBe('');
  });

  it('resolves a district name that repeats across provinces through the commune', () => {
    const r = converter.convert('Xã Tân Phú, Huyện Châu Thành', '2026-01-01');
    expect(r.candidates[0]?.oldDistrict?.fullName).toBe('Huyện Châu Thành');
    expect(r.candidates.map((c) => c.oldProvince?.code)).toContain('83');
  });

  it('ranks candidates and reports ambiguity when the text fits several old communes', () => {
    const r = converter.convert('Phường 3, TP Hồ Chí Minh', '2026-01-01');
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.length).toBeGreaterThan(2);
    expect(r.confidence).toBeLessThan(0.5);
  });

  it('recognises an address that is already current', () => {
    const r = converter.convert('Phường Bến Thành, TP Hồ Chí Minh', '2026-01-01');
    expect(r.status).toBe('already_current');
    expect(codes(r)).toEqual(['26743']);
  });

  it('follows later changes to the date asked: Long Thành is a ward of the city of Đồng Nai from 2026-04-30', () => {
    const a = 'Thị trấn Long Thành, Huyện Long Thành, Tỉnh Đồng Nai';
    expect(converter.convert(a, '2026-01-01').candidates[0]?.newUnit.fullName).toBe('Xã Long Thành');
    const later = converter.convert(a, '2026-05-01').candidates[0]!;
    expect(later.newUnit).toMatchObject({ code: '26368', fullName: 'Phường Long Thành' });
    expect(later.newProvince.fullName).toBe('Thành phố Đồng Nai');
  });

  it('reads addresses in any order and style: province first, ">" or " - ", capitals, roads, hamlets', () => {
    const top = (a: string) => converter.convert(a, '2025-07-01');
    const reversed = top('Long An, TX. Kiến Tường, Xã Thạnh Hưng');
    expect(reversed.candidates[0]?.oldCommune?.fullName).toBe('Xã Thạnh Hưng');
    expect(reversed.candidates[0]?.oldDistrict?.fullName).toBe('Thị xã Kiến Tường');
    expect(top('Tổ 3 - P Hoa Nghia - q. Duong Kinh - TP Hai Phong').candidates[0]?.oldCommune?.fullName).toBe(
      'Phường Hoà Nghĩa',
    );
    const road = top('SỐ 5 TỈNH LỘ 10 - XÃ GIA CANH - HUYỆN ĐỊNH QUÁN - ĐỒNG NAI');
    expect(road.status).toBe('converted');
    expect(road.candidates[0]?.oldCommune?.fullName).toBe('Xã Gia Canh');
    expect(road.detail).toBe('SỐ 5 TỈNH LỘ 10');
    expect(top('Thon 8 Van Tien H. Yen Lac T. Vinh Phuc').candidates[0]?.newUnit.code).toBe('09052');
  });

  it('finds a name the data stores abbreviated, written in full ("NT Lệ Ninh" = Nông trường Lệ Ninh)', () => {
    const r = converter.convert('Thị trấn Nông trường Lệ Ninh, Huyện Lệ Thủy, Quảng Bình', '2025-07-01');
    expect(r.candidates[0]?.oldCommune).toEqual({ code: '19246', fullName: 'Thị trấn NT Lệ Ninh' });
  });

  it('asks for detail for every split commune it finds, even when another old commune fits as well', () => {
    let split = 0;
    for (const item of labelled.items) {
      if (item.share !== 'partial') continue;
      const r = converter.convert(item.address, '2025-07-01');
      if (r.candidates[0]?.oldCommune?.code === item.oldCode) {
        split++;
        expect(r.status, item.address).toBe('needs_detail');
      }
    }
    expect(split).toBeGreaterThan(150);
  });

  it('converts by old code, and says not_found for nonsense', () => {
    expect(codes(converter.convertCode('00013', '2026-01-01'))).toEqual(['00004']);
    expect(converter.convertCode('06970', '2026-01-01').candidates[0]?.newUnit.code).toBe('06978');
    expect(converter.convert('qwerty asdf', '2026-01-01').status).toBe('not_found');
    expect(converter.convert('', '2026-01-01').status).toBe('not_found');
  });

  it('reaches the measured accuracy on the labelled set of noisy addresses', () => {
    let top1 = 0;
    let inCandidates = 0;
    for (const item of labelled.items) {
      const r = converter.convert(item.address, '2025-07-01');
      const best = r.candidates[0];
      if (item.share === 'full') {
        if ((r.status === 'converted' || r.status === 'already_current') && best?.newUnit.code === item.expected[0]) {
          top1++;
        }
      } else {
        const same = r.candidates.filter((c) => c.oldCommune?.code === best?.oldCommune?.code);
        const got = [...new Set(same.map((c) => c.newUnit.code))].sort();
        if (r.status === 'needs_detail' && got.join() === item.expected.join()) top1++;
      }
      if (item.expected.every((e) => codes(r).includes(e))) inCandidates++;
    }
    const n = labelled.items.length;
    expect(n).toBeGreaterThanOrEqual(500);
    // Measured 97.7% and 99.1% on the shipped set (docs/notes/issue-3.md); thresholds leave a small margin.
    expect(top1 / n).toBeGreaterThanOrEqual(0.97);
    expect(inCandidates / n).toBeGreaterThanOrEqual(0.985);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { AddressConverter, type ConversionResult, parseAddress } from './address-conversion.js';
import { loadShippedIndex } from './master-data.fixture.js';

type Labelled = { items: Array<{ address: string; expected: string[]; share: 'full' | 'partial' }> };

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

  it('finds the commune when the district is wrong (the old Xã Tân Phú of Bến Tre was in Châu Thành)', () => {
    const r = converter.convert('Xã Tân Phú, Huyện Thạnh Phú, Tỉnh Bến Tre', '2026-01-01');
    expect(r.candidates[0]).toMatchObject({
      oldCommune: { code: '28840' },
      newUnit: { code: '28840', fullName: 'Xã Tân Phú' },
      newProvince: { code: '86', fullName: 'Tỉnh Vĩnh Long' },
    });
    expect(r.confidence).toBeLessThan(0.9);
  });

  it('lists every candidate of a split commune and asks for detail', () => {
    const r = converter.convert('Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội', '2026-01-01');
    expect(r.status).toBe('needs_detail');
    expect(codes(r).sort()).toEqual(['00004', '00008']);
    expect(r.detail).toBe('so 5 pho doi can');
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

import { describe, expect, it } from 'vitest';
import { filterUnitOptions, foldVietnamese, pickUnitOption } from './unit-name-match.js';

const HCM = [
  { value: '26743', label: 'Phường Bến Thành (26743)' },
  { value: '26734', label: 'Phường Sài Gòn (26734)' },
  { value: '26740', label: 'Phường Tân Định (26740)' },
  { value: '27004', label: 'Phường Bàn Cờ (27004)' },
  { value: '27010', label: 'Xã Bình Chánh (27010)' },
  { value: '27011', label: 'Phường Bình Tân (27011)' },
];
const PROVINCES = [
  { value: '79', label: 'Thành phố Hồ Chí Minh (79)' },
  { value: '01', label: 'Thành phố Hà Nội (01)' },
  { value: '48', label: 'Thành phố Đà Nẵng (48)' },
];

describe('unit names typed by an official', () => {
  it('folds accents, đ, case and spacing', () => {
    expect(foldVietnamese('  Thành phố  ĐÀ Nẵng ')).toBe('thanh pho da nang');
  });

  it('filters a short list by the typed words, accents optional, word starts only', () => {
    expect(filterUnitOptions(HCM, 'ben thanh').map((o) => o.value)).toEqual(['26743']);
    expect(filterUnitOptions(HCM, 'binh').map((o) => o.value)).toEqual(['27010', '27011']);
    expect(filterUnitOptions(HCM, 'han')).toEqual([]); // "Thành" holds "han" but no word starts with it
    expect(filterUnitOptions(HCM, '')).toHaveLength(HCM.length);
  });

  it('picks the unit the typed text names, with or without its kind, or its code', () => {
    expect(pickUnitOption(HCM, 'ben thanh')?.value).toBe('26743');
    expect(pickUnitOption(HCM, 'Phường Tân Định')?.value).toBe('26740');
    expect(pickUnitOption(HCM, 'tan dinh')?.value).toBe('26740');
    expect(pickUnitOption(PROVINCES, 'ho chi minh')?.value).toBe('79');
    expect(pickUnitOption(PROVINCES, 'da nang')?.value).toBe('48');
    expect(pickUnitOption(PROVINCES, '01')?.value).toBe('01');
  });

  it('does not pick when the text names several units or none', () => {
    expect(pickUnitOption(HCM, 'binh')).toBeNull();
    expect(pickUnitOption(HCM, 'phuong')).toBeNull();
    expect(pickUnitOption(HCM, 'vung tau')).toBeNull();
    expect(pickUnitOption(HCM, '  ')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isoOfDayNumber } from './civil-date.js';
import { hungKingsDayNumber, lunarToDayNumber, tetDayNumber } from './lunar.js';

describe('lunar dates (Vietnamese calendar, UTC+7)', () => {
  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
  ])('%i: Tết %s, Hùng Kings %s', (year, tet, hung) => {
    expect(isoOfDayNumber(tetDayNumber(year))).toBe(tet);
    expect(isoOfDayNumber(hungKingsDayNumber(year))).toBe(hung);
  });

  it('gives the last day of the lunar year as the day before Tết', () => {
    // 2026: 29 tháng Chạp Ất Tỵ is 16 February (the twelfth month has 29 days).
    expect(isoOfDayNumber(lunarToDayNumber(2025, 12, 29))).toBe('2026-02-16');
  });

  it('does not depend on the process time zone', () => {
    // The test runner's TZ is whatever the machine has; the library works on Julian days, and the
    // results above are asserted as civil dates. Re-run the computation under a far-away zone offset
    // by checking a year not cached above.
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(isoOfDayNumber(tetDayNumber(2031))).toBe('2031-01-23');
    } finally {
      process.env.TZ = before;
    }
  });
});

import { CalendarVietnamese } from 'date-chinese';
import { dayNumberFromParts } from './civil-date.js';

/**
 * Lunar (âm lịch) dates of the Vietnamese calendar, computed astronomically for UTC+7 by `date-chinese`.
 * The library works on Julian ephemeris days, so the result does not depend on the server's time zone.
 */
const cache = new Map<string, number>();

/** Day number of lunar month/day (non-leap month) in the lunar year that starts in Gregorian `year`. */
export function lunarToDayNumber(year: number, month: number, day: number): number {
  const key = `${year}-${month}-${day}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const cal = new CalendarVietnamese();
  cal.set(1, 1, month, 0, day);
  const g = cal.toGregorian(year);
  const n = dayNumberFromParts(g.year, g.month, g.day);
  cache.set(key, n);
  return n;
}

/** Tết Nguyên đán: lunar 1/1 of the lunar year starting in Gregorian `year`. */
export function tetDayNumber(year: number): number {
  return lunarToDayNumber(year, 1, 1);
}

/** Giỗ Tổ Hùng Vương: lunar 10/3. */
export function hungKingsDayNumber(year: number): number {
  return lunarToDayNumber(year, 3, 10);
}

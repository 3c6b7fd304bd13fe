import { dayNumberFromParts, type IsoDate, isoOfDayNumber, weekdayOfDayNumber } from './civil-date.js';
import { hungKingsDayNumber, tetDayNumber } from './lunar.js';

/**
 * What a dated entry of the working calendar says about a day:
 * - `holiday`: a public holiday of Labour Code 2019 Art. 112;
 * - `compensatory`: the day off given when a holiday falls on a weekly rest day (Art. 111(3));
 * - `day_off`: a working day swapped to a day off by the annual schedule (bridge days);
 * - `make_up_working`: a Saturday (or Sunday) worked back: it counts as a working day;
 * - `local_day_off`: a day off added by a province or commune for its own scope;
 * - `reception_day`: a weekend day on which a scope opens for reception; time limits are not counted on it.
 */
export const DAY_KINDS = [
  'holiday',
  'compensatory',
  'day_off',
  'make_up_working',
  'local_day_off',
  'reception_day',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Which kinds make a day a day off for counting time limits. */
export const OFF_KINDS: ReadonlySet<DayKind> = new Set(['holiday', 'compensatory', 'day_off', 'local_day_off']);

export type CalendarEntry = Readonly<{
  date: IsoDate;
  kind: DayKind;
  /** Short Vietnamese name shown in the calendar, e.g. "Tết Nguyên đán (mùng 1)". */
  name: string;
}>;

/** The official schedule of one year (national), as announced; it replaces the rule-derived days. */
export type YearSchedule = Readonly<{
  year: number;
  entries: ReadonlyArray<CalendarEntry>;
  /** Where the schedule comes from (decision or notice number, URL). */
  source?: string | undefined;
}>;

/** Saturday and Sunday: civil servants do not work them (QĐ 188/1999/QĐ-TTg). */
export const WEEKLY_REST_DAYS: ReadonlySet<number> = new Set([0, 6]);

const TET_NAMES = ['ngày cuối năm âm lịch', 'mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

/**
 * Holidays of Labour Code 2019 Art. 112 for a year, before compensation:
 * 1/1; Tết (the last day of the old lunar year and mùng 1–4: the Prime Minister fixes the exact range
 * each year, the announced schedule replaces this default); Hùng Kings 10/3 lunar; 30/4; 1/5;
 * 2/9 plus one adjacent day (the day after when 2/9 is a Monday or Thursday, else the day before,
 * so that the break joins a weekend as in 2023–2026).
 */
export function statutoryHolidays(year: number): CalendarEntry[] {
  const out: Array<{ day: number; name: string }> = [];
  out.push({ day: dayNumberFromParts(year, 1, 1), name: 'Tết Dương lịch' });
  const tet = tetDayNumber(year);
  for (let i = -1; i <= 3; i++) {
    out.push({ day: tet + i, name: `Tết Nguyên đán (${TET_NAMES[i + 1]})` });
  }
  out.push({ day: hungKingsDayNumber(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  out.push({ day: dayNumberFromParts(year, 4, 30), name: 'Ngày Chiến thắng (30/4)' });
  out.push({ day: dayNumberFromParts(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)' });
  const national = dayNumberFromParts(year, 9, 2);
  out.push({ day: national, name: 'Quốc khánh (2/9)' });
  const wd = weekdayOfDayNumber(national);
  const adjacent = wd === 1 || wd === 4 ? national + 1 : national - 1;
  out.push({ day: adjacent, name: 'Quốc khánh (ngày liền kề)' });
  return out
    .sort((a, b) => a.day - b.day)
    .map((h) => ({ date: isoOfDayNumber(h.day), kind: 'holiday' as const, name: h.name }));
}

/**
 * The default schedule of a year from the rules: the statutory holidays plus, for each one that falls on
 * a weekly rest day, a compensatory day on the next working day (Art. 111(3)).
 */
export function defaultSchedule(year: number): YearSchedule {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const entries: CalendarEntry[] = [...holidays];
  for (const h of holidays) {
    let day = dayNumberFromParts(Number(h.date.slice(0, 4)), Number(h.date.slice(5, 7)), Number(h.date.slice(8, 10)));
    if (!WEEKLY_REST_DAYS.has(weekdayOfDayNumber(day))) continue;
    do day++;
    while (WEEKLY_REST_DAYS.has(weekdayOfDayNumber(day)) || taken.has(isoOfDayNumber(day)));
    const iso = isoOfDayNumber(day);
    taken.add(iso);
    entries.push({ date: iso, kind: 'compensatory', name: `Nghỉ bù ${h.name}` });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, entries, source: 'Bộ luật Lao động 2019, Điều 111–112 (lịch mặc định theo quy tắc)' };
}

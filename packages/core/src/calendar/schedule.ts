import { dayNumberOf, isIsoDate, weekdayOfDayNumber } from './civil-date.js';
import { type CalendarEntry, DAY_KINDS, WEEKLY_REST_DAYS, type YearSchedule } from './holidays.js';

export type ScheduleProblem = Readonly<{ index: number | null; message: string }>;

/** National schedules hold holidays, compensatory days, swapped days off and worked-back days. */
const NATIONAL_KINDS = new Set(['holiday', 'compensatory', 'day_off', 'make_up_working']);
/** Scoped (province/commune) additions are local days off and reception days only. */
const LOCAL_KINDS = new Set(['local_day_off', 'reception_day']);

/**
 * Check a year's schedule before it is stored: valid dates inside the year (a compensatory day may spill
 * into early next year), known kinds for the scope, one entry per date, worked-back days on weekly rest
 * days, reception days on weekly rest days or days off.
 */
export function checkYearSchedule(schedule: YearSchedule, scope: 'national' | 'local'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const allowed = scope === 'national' ? NATIONAL_KINDS : LOCAL_KINDS;
  const seen = new Set<string>();
  schedule.entries.forEach((e: CalendarEntry, i) => {
    if (!isIsoDate(e.date)) {
      problems.push({ index: i, message: `${e.date} is not a date` });
      return;
    }
    const y = Number(e.date.slice(0, 4));
    const spill = y === schedule.year + 1 && e.date.slice(5) <= '01-31' && e.kind === 'compensatory';
    if (y !== schedule.year && !spill) problems.push({ index: i, message: `${e.date} is not in ${schedule.year}` });
    if (!(DAY_KINDS as readonly string[]).includes(e.kind) || !allowed.has(e.kind)) {
      problems.push({ index: i, message: `${e.kind} is not allowed in a ${scope} schedule` });
    }
    if (seen.has(e.date)) problems.push({ index: i, message: `${e.date} appears twice` });
    seen.add(e.date);
    const weekend = WEEKLY_REST_DAYS.has(weekdayOfDayNumber(dayNumberOf(e.date)));
    if (e.kind === 'make_up_working' && !weekend) {
      problems.push({ index: i, message: `${e.date} is already a working day` });
    }
    if ((e.kind === 'day_off' || e.kind === 'compensatory') && weekend) {
      problems.push({ index: i, message: `${e.date} is already a weekly rest day` });
    }
    if (!e.name.trim()) problems.push({ index: i, message: 'every entry needs a name' });
  });
  if (!Number.isInteger(schedule.year)) problems.push({ index: null, message: 'year must be an integer' });
  return problems;
}

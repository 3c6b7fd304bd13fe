import { vnDayNumber } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { assertDuration, type Duration, workingMsOf } from './duration.js';

/** Finished dossiers (OpenCPS betimes / ontime / overtime). */
export type FinishedClass = 'early' | 'on_time' | 'late';
/** Dossiers in progress (OpenCPS undue / overdue, plus "due soon" at a threshold). */
export type InProgressClass = 'undue' | 'due_soon' | 'overdue';

/**
 * A finished dossier (or step) is late when it finished after its due instant, early when it finished on a
 * civil day before the due day, and on time otherwise (on the due day, by the due time). Without a due
 * date (no time limit) it is on time.
 */
export function classifyFinished(finishedAt: Date, dueAt: Date | null): FinishedClass {
  if (!dueAt) return 'on_time';
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return vnDayNumber(finishedAt) < vnDayNumber(dueAt) ? 'early' : 'on_time';
}

export const DEFAULT_DUE_SOON: Duration = { value: 1, unit: 'working_days' };

/**
 * A dossier in progress is overdue once `now` is past its due instant, due soon when the time left is at
 * most `dueSoonWithin` (working time for working units, elapsed time for calendar days), undue otherwise.
 * A paused clock (no due date) is undue.
 */
export function classifyInProgress(
  now: Date,
  dueAt: Date | null,
  calendar: WorkingCalendar,
  dueSoonWithin: Duration = DEFAULT_DUE_SOON,
): InProgressClass {
  if (!dueAt) return 'undue';
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  assertDuration(dueSoonWithin);
  const left =
    dueSoonWithin.unit === 'calendar_days'
      ? (dueAt.getTime() - now.getTime()) / 86_400_000
      : calendar.workingMsBetween(now, dueAt);
  const threshold =
    dueSoonWithin.unit === 'calendar_days'
      ? dueSoonWithin.value
      : dueSoonWithin.unit === 'none'
        ? 0
        : workingMsOf(dueSoonWithin, calendar);
  return left <= threshold ? 'due_soon' : 'undue';
}

/** Working time left until the due date (negative when overdue), for "còn N giờ làm việc" displays. */
export function workingMsLeft(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingMsBetween(now, dueAt);
}

import { DAY_MS, HOUR_MS } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';

/**
 * A time limit as the law states it: working days ("ngày làm việc"), working hours (half a day = 4 h)
 * or calendar days ("ngày"). `none`: the procedure has no time limit.
 */
export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'none';
export type Duration = Readonly<{ value: number; unit: DurationUnit }>;

export const DURATION_UNITS: ReadonlyArray<DurationUnit> = ['working_days', 'working_hours', 'calendar_days', 'none'];

export function assertDuration(d: Duration): void {
  if (!DURATION_UNITS.includes(d.unit) || !Number.isFinite(d.value) || d.value < 0 || d.value > 10_000) {
    throw new AppError('CALENDAR_INVALID_DURATION', { details: { duration: d } });
  }
}

export function isWorkingDuration(d: Duration): boolean {
  return d.unit === 'working_days' || d.unit === 'working_hours';
}

/** Working time of a working-day or working-hour duration, in ms (a working day is one day of office hours). */
export function workingMsOf(d: Duration, calendar: WorkingCalendar): number {
  switch (d.unit) {
    case 'working_days':
      return Math.round(d.value * calendar.dayWorkMs);
    case 'working_hours':
      return Math.round(d.value * HOUR_MS);
    default:
      throw new AppError('CALENDAR_INVALID_DURATION', { details: { duration: d, reason: 'not a working duration' } });
  }
}

/** Sum durations of one kind (working days and hours add up as working time, in hours). */
export function totalDuration(parts: ReadonlyArray<Duration>, calendar: WorkingCalendar): Duration {
  if (parts.length === 0) return { value: 0, unit: 'working_days' };
  if (parts.every((p) => p.unit === 'calendar_days')) {
    return { value: parts.reduce((t, p) => t + p.value, 0), unit: 'calendar_days' };
  }
  if (parts.every(isWorkingDuration)) {
    const ms = parts.reduce((t, p) => t + workingMsOf(p, calendar), 0);
    return parts.every((p) => p.unit === 'working_days')
      ? { value: round6(ms / calendar.dayWorkMs), unit: 'working_days' }
      : { value: round6(ms / HOUR_MS), unit: 'working_hours' };
  }
  throw new AppError('CALENDAR_INVALID_DURATION', { details: { reason: 'cannot add durations of different kinds' } });
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export const CALENDAR_DAY_MS = DAY_MS;

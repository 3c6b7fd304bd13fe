import { DAY_MS, fromLocalMs, toLocalMs } from './civil-date.js';

/** A guard against a calendar with no working day at all: scans stop after about 100 years. */
export const MAX_SCAN_DAYS = 36_600;

/**
 * What the working-time arithmetic needs of a calendar: which civil days count, and the office sessions as
 * milliseconds since midnight (Vietnam time), ordered, with the opening and the working time of one day.
 */
export type SessionClock = Readonly<{
  isWorkingDay(day: number): boolean;
  starts: ReadonlyArray<number>;
  ends: ReadonlyArray<number>;
  openMs: number;
  dayWorkMs: number;
}>;

/**
 * Add working time. Landing exactly on the end of a session stays there (a 1-day limit started at 07:00
 * is due at 17:00 the same day, not 07:00 the next day), so adding n then m equals adding n + m.
 */
export function addWorkingMs(clock: SessionClock, from: Date, workMs: number): Date {
  if (!(workMs >= 0) || !Number.isFinite(workMs)) throw new RangeError(`Invalid working time ${workMs}`);
  const starts = clock.starts;
  const ends = clock.ends;
  let remaining = workMs;
  let local = toLocalMs(from);
  let day = Math.floor(local / DAY_MS);
  let tod = local - day * DAY_MS;
  const limit = day + MAX_SCAN_DAYS;
  for (;;) {
    if (day > limit) throw new RangeError('No working time within 100 years');
    if (clock.isWorkingDay(day)) {
      // Skip whole working days quickly when starting at or before opening.
      if (tod <= clock.openMs && remaining > clock.dayWorkMs) {
        remaining -= clock.dayWorkMs;
        day++;
        tod = 0;
        continue;
      }
      for (let i = 0; i < starts.length; i++) {
        const e = ends[i]!;
        if (tod > e) continue;
        const begin = tod > starts[i]! ? tod : starts[i]!;
        const avail = e - begin;
        if (remaining <= avail) {
          local = day * DAY_MS + begin + remaining;
          return fromLocalMs(local);
        }
        remaining -= avail;
        tod = e;
      }
    }
    day++;
    tod = 0;
  }
}

/**
 * Subtract working time: the latest instant from which `workMs` of working time reaches `to`.
 * Landing exactly on the start of a session stays there, unless `preferEnd` asks for the equivalent end
 * of the previous session (Tuesday 17:00 rather than Wednesday 07:00, for display).
 */
export function subtractWorkingMs(clock: SessionClock, to: Date, workMs: number, preferEnd = false): Date {
  if (!(workMs >= 0) || !Number.isFinite(workMs)) throw new RangeError(`Invalid working time ${workMs}`);
  const starts = clock.starts;
  const ends = clock.ends;
  let remaining = workMs;
  const local = toLocalMs(to);
  let day = Math.floor(local / DAY_MS);
  let tod = local - day * DAY_MS;
  const limit = day - MAX_SCAN_DAYS;
  for (;;) {
    if (day < limit) throw new RangeError('No working time within 100 years');
    if (clock.isWorkingDay(day)) {
      for (let i = starts.length - 1; i >= 0; i--) {
        const s = starts[i]!;
        if (tod < s) continue;
        const end = tod < ends[i]! ? tod : ends[i]!;
        const avail = end - s;
        if (remaining < avail || (remaining === avail && !preferEnd)) {
          return fromLocalMs(day * DAY_MS + end - remaining);
        }
        remaining -= avail;
        tod = s;
      }
    }
    day--;
    tod = DAY_MS;
  }
}

/** Working time between two instants (negative when `to` is before `from`). */
export function workingMsBetween(clock: SessionClock, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return 0 - workingMsBetween(clock, to, from); // never -0
  const a = toLocalMs(from);
  const b = toLocalMs(to);
  const dayA = Math.floor(a / DAY_MS);
  const dayB = Math.floor(b / DAY_MS);
  let total = 0;
  for (let day = dayA; day <= dayB; day++) {
    if (!clock.isWorkingDay(day)) continue;
    const lo = day === dayA ? a - day * DAY_MS : 0;
    const hi = day === dayB ? b - day * DAY_MS : DAY_MS;
    for (let i = 0; i < clock.starts.length; i++) {
      const s = Math.max(lo, clock.starts[i]!);
      const e = Math.min(hi, clock.ends[i]!);
      if (e > s) total += e - s;
    }
  }
  return total;
}

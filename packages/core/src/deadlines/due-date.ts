import { DAY_MS, fromLocalMs, toLocalMs } from '../calendar/civil-date.js';
import type { Cutoff, WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';
import { assertDuration, type Duration, workingMsOf } from './duration.js';

/** A time the clock stood still: a supplement request outstanding from startedAt until endedAt (null: still). */
export type Pause = Readonly<{ startedAt: Date; endedAt: Date | null; reason?: string | undefined }>;

/**
 * How the clock resumes after a pause:
 * - `restart` (the rule of the domain reference, Decree 297/2025): after a complete supplement the whole
 *   time limit runs again from the supplement's receipt (cut-off and office hours apply again);
 * - `extend`: the due date moves by the working time the clock stood still (provincial calculators, and the
 *   766 index's "pending-supplement time is subtracted").
 */
export type PauseRule = 'restart' | 'extend';

export type DueDateInput = Readonly<{
  receivedAt: Date;
  duration: Duration;
  calendar: WorkingCalendar;
  pauses?: ReadonlyArray<Pause> | undefined;
  /**
   * Intake cut-off. Undefined: the calendar's cut-off for day-based limits and none for working hours;
   * `{ kind: 'none' }` disables it; `{ kind: 'before_close', minutes: 60 }` for some online procedures.
   */
  cutoff?: Cutoff | undefined;
  pauseRule?: PauseRule | undefined;
}>;

export type PauseRecord = Readonly<{
  startedAt: Date;
  endedAt: Date | null;
  reason?: string | undefined;
  /** Working time the clock stood still (up to `asOf` for an open pause; null when open and no asOf). */
  workingMs: number | null;
}>;

export type DueDateResult = Readonly<{
  /** When the clock first started, from the receipt (after the cut-off rule). */
  clockStartsAt: Date;
  /** When the current run of the clock started: the last restart after a supplement, else clockStartsAt. */
  runStartsAt: Date | null;
  /** The due date; null when the procedure has no time limit or the clock is paused. */
  dueAt: Date | null;
  paused: boolean;
  /** Every pause, in order, with the working time it stopped the clock for. */
  pauses: ReadonlyArray<PauseRecord>;
}>;

export function validatePauses(receivedAt: Date, pauses: ReadonlyArray<Pause>): void {
  let last = receivedAt.getTime();
  pauses.forEach((p, i) => {
    const s = p.startedAt.getTime();
    const e = p.endedAt?.getTime();
    const bad =
      Number.isNaN(s) ||
      s < last ||
      (e !== undefined && (Number.isNaN(e) || e < s)) ||
      (p.endedAt === null && i !== pauses.length - 1);
    if (bad) throw new AppError('CALENDAR_INVALID_PAUSES', { details: { index: i } });
    last = e ?? s;
  });
}

/** The cut-off that applies to a duration when the caller did not name one. */
export function cutoffFor(duration: Duration, calendar: WorkingCalendar, cutoff?: Cutoff): Cutoff {
  if (cutoff) return cutoff;
  return duration.unit === 'working_hours' ? { kind: 'none' } : calendar.cutoff;
}

/** Add a duration to a clock start (which must already be a working instant). */
export function addDuration(start: Date, duration: Duration, calendar: WorkingCalendar): Date | null {
  switch (duration.unit) {
    case 'none':
      return null;
    case 'working_days':
    case 'working_hours':
      return calendar.addWorkingMs(start, workingMsOf(duration, calendar));
    case 'calendar_days': {
      // n calendar days later at the same time of day. A due day that is a day off moves to the start of the
      // next working day (not the same clock time: that keeps "a later receipt never gives an earlier due
      // date" true when two receipts land on the same day off).
      const landing = fromLocalMs(toLocalMs(start) + Math.round(duration.value * DAY_MS));
      const day = Math.floor(toLocalMs(landing) / DAY_MS);
      if (calendar.isWorkingDay(day)) return calendar.nextWorkingInstant(landing);
      return fromLocalMs(calendar.nextWorkingDay(day) * DAY_MS + calendar.openMs);
    }
  }
}

/**
 * The due date of a dossier: the clock starts at receipt of a complete dossier (cut-off, lunch break and
 * closing rules), runs for the duration on the working calendar, and stops while a supplement is outstanding.
 */
export function computeDueDate(input: DueDateInput): DueDateResult {
  const { receivedAt, duration, calendar } = input;
  assertDuration(duration);
  if (Number.isNaN(receivedAt.getTime())) throw new AppError('CALENDAR_INVALID_PAUSES', { details: { receivedAt } });
  const pauses = input.pauses ?? [];
  validatePauses(receivedAt, pauses);
  const rule = input.pauseRule ?? 'restart';
  const cutoff = cutoffFor(duration, calendar, input.cutoff);
  const clockStartsAt = calendar.startClock(receivedAt, cutoff);
  const records: PauseRecord[] = pauses.map((p) => ({
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    workingMs: p.endedAt ? calendar.workingMsBetween(p.startedAt, p.endedAt) : null,
  }));
  const open = pauses.length > 0 && pauses[pauses.length - 1]!.endedAt === null;
  if (open) return { clockStartsAt, runStartsAt: null, dueAt: null, paused: true, pauses: records };

  if (rule === 'restart' && pauses.length > 0) {
    const resumedAt = pauses[pauses.length - 1]!.endedAt!;
    const restart = calendar.startClock(resumedAt, cutoff);
    const runStartsAt = restart.getTime() > clockStartsAt.getTime() ? restart : clockStartsAt;
    return {
      clockStartsAt,
      runStartsAt,
      dueAt: addDuration(runStartsAt, duration, calendar),
      paused: false,
      pauses: records,
    };
  }
  let dueAt = addDuration(clockStartsAt, duration, calendar);
  if (dueAt && pauses.length > 0) {
    // Extend: working time stopped after the clock started moves the due date by as much.
    const stopped = pauses.reduce((t, p) => {
      const s = p.startedAt.getTime() > clockStartsAt.getTime() ? p.startedAt : clockStartsAt;
      return t + Math.max(0, calendar.workingMsBetween(s, p.endedAt!));
    }, 0);
    dueAt = calendar.addWorkingMs(dueAt, stopped);
  }
  return { clockStartsAt, runStartsAt: clockStartsAt, dueAt, paused: false, pauses: records };
}

import { dayNumberOf, isoOfDayNumber, vnInstant } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { latestApologyAt } from '../deadlines/apology.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { DossierProgress, DossierStatus } from './dossier-state.js';

/**
 * Aggregates of dossiers for supervisors. The counting itself is SQL (the dossiers repository); this
 * module holds the rules it must follow, so that the aggregates and the per-dossier badge agree:
 * which bucket a dossier falls in (the same as classifyProgress), the due-soon mark of a calendar as
 * one instant, the default period and the rates.
 */

/** Statuses in which the result is issued: finished, classified early / on time / late. */
export const finishedStatuses: ReadonlySet<DossierStatus> = new Set(['result_ready', 'returned']);
/** Statuses in which the clock is paused: never due soon or overdue. */
export const pausedStatuses: ReadonlySet<DossierStatus> = new Set(['supplement_requested', 'awaiting_payment']);
/** Closed without a result. */
export const closedWithoutResult = ['refused', 'withdrawn', 'stopped'] as const satisfies readonly DossierStatus[];

/**
 * The due-soon mark as one instant: a dossier whose due date is at or before it is due soon now, i.e.
 * `due <= dueSoonBefore(now)` exactly when `now >= latestApologyAt(due)` (one working day before the
 * due date), which is what classifyProgress uses. One instant per calendar lets SQL classify without
 * calling the calendar per row.
 */
export function dueSoonBefore(now: Date, calendar: WorkingCalendar): Date {
  const reach = calendar.addWorkingMs(now, calendar.dayWorkMs);
  // Landing on the end of a session: the non-working time up to the next opening is one working day
  // away too (a due date of Tuesday 07:00 is as close as Monday 17:00).
  const next = calendar.addWorkingMs(new Date(reach.getTime() + 1), 0);
  if (next.getTime() > reach.getTime() + 1 && latestApologyAt(next, calendar).getTime() <= now.getTime()) return next;
  return reach;
}

/** A dossier's status projection, enough to place it in a bucket. */
export type StatsProjection = { status: DossierStatus; dueAt: Date | null; finishedAt: Date | null };

/**
 * The bucket of one dossier from its projection, with the due-soon mark of its handling unit's
 * calendar: the rule the SQL aggregation implements. For open and finished dossiers it equals
 * classifyProgress on the derived state; closed-without-result dossiers are counted by status.
 */
export function statsBucket(
  p: StatsProjection,
  now: Date,
  dueSoonMark: Date,
): DossierProgress | (typeof closedWithoutResult)[number] {
  if ((closedWithoutResult as readonly string[]).includes(p.status)) {
    return p.status as (typeof closedWithoutResult)[number];
  }
  const due = p.dueAt;
  if (finishedStatuses.has(p.status)) {
    const end = p.finishedAt;
    if (!due || !end) return 'no_deadline';
    if (end.getTime() > due.getTime()) return 'late';
    return due.getTime() - end.getTime() >= 24 * 3_600_000 ? 'early' : 'on_time';
  }
  if (!due) return 'no_deadline';
  if (pausedStatuses.has(p.status)) return 'undue';
  if (now.getTime() > due.getTime()) return 'overdue';
  if (due.getTime() <= dueSoonMark.getTime()) return 'due_soon';
  return 'undue';
}

export type StatsPeriod = { from: string; to: string; fromAt: Date; toAt: Date };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The default period's length: the last 30 days up to today (a supervisor on the 1st still sees a month). */
export const DEFAULT_STATS_DAYS = 30;

/**
 * The period of a report, as Vietnamese civil dates (both included): by default the last 30 days up to today
 * (not "this month", which is empty on the first morning of every month). `fromAt`/`toAt` bound the entry
 * instants (`toAt` is the next midnight, excluded).
 */
export function statsPeriod(now: Date, from?: string | null, to?: string | null): StatsPeriod {
  const today = vnDate(now);
  const t = to ?? today;
  const f = from ?? (ISO_DATE.test(t) ? isoOfDayNumber(dayNumberOf(t) - (DEFAULT_STATS_DAYS - 1)) : today);
  if (
    !ISO_DATE.test(f) ||
    !ISO_DATE.test(t) ||
    isoOfDayNumber(dayNumberOf(f)) !== f ||
    isoOfDayNumber(dayNumberOf(t)) !== t
  ) {
    throw new AppError('VALIDATION_FAILED', { details: { from: f, to: t } });
  }
  if (f > t) throw new AppError('VALIDATION_FAILED', { details: { from: f, to: t, reason: 'from after to' } });
  // The end is excluded at the next midnight: 9999-12-31 has none in four-digit years (a 500 before).
  const next = isoOfDayNumber(dayNumberOf(t) + 1);
  if (!ISO_DATE.test(next)) throw new AppError('VALIDATION_FAILED', { details: { to: t, reason: 'out of range' } });
  return { from: f, to: t, fromAt: vnInstant(f), toAt: vnInstant(next) };
}

/** Counts of one unit (or province, or the total) in a period. */
export type StatsCounts = {
  received: number;
  online: number;
  inProgress: { total: number; undue: number; dueSoon: number; overdue: number; noDeadline: number };
  finished: { total: number; early: number; onTime: number; late: number; noDeadline: number };
  refused: number;
  withdrawn: number;
  stopped: number;
};

export const emptyStatsCounts = (): StatsCounts => ({
  received: 0,
  online: 0,
  inProgress: { total: 0, undue: 0, dueSoon: 0, overdue: 0, noDeadline: 0 },
  finished: { total: 0, early: 0, onTime: 0, late: 0, noDeadline: 0 },
  refused: 0,
  withdrawn: 0,
  stopped: 0,
});

/** Sum of several rows (the totals line). */
export function sumStatsCounts(rows: readonly StatsCounts[]): StatsCounts {
  const t = emptyStatsCounts();
  for (const r of rows) {
    t.received += r.received;
    t.online += r.online;
    for (const k of Object.keys(t.inProgress) as Array<keyof StatsCounts['inProgress']>)
      t.inProgress[k] += r.inProgress[k];
    for (const k of Object.keys(t.finished) as Array<keyof StatsCounts['finished']>) t.finished[k] += r.finished[k];
    t.refused += r.refused;
    t.withdrawn += r.withdrawn;
    t.stopped += r.stopped;
  }
  return t;
}

/**
 * Online share (online / received) and the on-time rate of the 766 index (indicator 2.1, domain.md §2): dossiers
 * finished early or on time plus those in progress within the deadline (not overdue; a paused clock is within),
 * over every finished or in-progress dossier with a deadline. An overdue dossier in progress lowers the rate at
 * once, not only when it is finished late.
 */
export function statsRates(c: StatsCounts): { onlineShare: number | null; onTimeRate: number | null } {
  const inTime = c.finished.early + c.finished.onTime + c.inProgress.undue + c.inProgress.dueSoon;
  const judged = inTime + c.finished.late + c.inProgress.overdue;
  return {
    onlineShare: c.received > 0 ? c.online / c.received : null,
    onTimeRate: judged > 0 ? inTime / judged : null,
  };
}

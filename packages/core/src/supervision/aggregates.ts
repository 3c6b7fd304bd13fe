import { dayNumberOf, isoOfDayNumber } from '../calendar/civil-date.js';
import type { DossierAction } from '../dossiers/dossier-actions.js';
import { deriveDossierState } from '../dossiers/dossier-state.js';
import { closedWithoutResult, finishedStatuses, type StatsProjection, statsBucket } from '../dossiers/dossier-stats.js';

/**
 * Dossier aggregates of the supervision dashboards (issue 15). The database keeps them incrementally
 * (migration 0160: triggers add a dossier's new contribution and take away its old one in the writing
 * transaction); this module holds the same rule as a pure function of a dossier, so a recount from the
 * action log (core's fold) can be compared with what the database maintained, and the figures a dashboard
 * derives from the totals (rates, averages, the previous period).
 */

/** The counters kept per unit and day (and per province and day). */
export type AggregateCounts = {
  received: number;
  inProgress: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  finishedNoDeadline: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  supplementRequests: number;
  supplementedDossiers: number;
  ratingSum: number;
  ratingCount: number;
  processingHoursSum: number;
  processedCount: number;
};

export const aggregateCountKeys = [
  'received',
  'inProgress',
  'finishedEarly',
  'finishedOnTime',
  'finishedLate',
  'finishedNoDeadline',
  'refused',
  'withdrawn',
  'stopped',
  'supplementRequests',
  'supplementedDossiers',
  'ratingSum',
  'ratingCount',
  'processingHoursSum',
  'processedCount',
] as const satisfies ReadonlyArray<keyof AggregateCounts>;

export const emptyAggregateCounts = (): AggregateCounts =>
  Object.fromEntries(aggregateCountKeys.map((k) => [k, 0])) as AggregateCounts;

/** What a dossier's contribution depends on: its status projection plus the facts the log adds. */
export type AggregateDossier = StatsProjection & {
  entryAt: Date;
  supplementCount: number;
  ratingLevel: number | null;
};

/** One dossier's contribution (statsBucket decides early / on time / late, as for the per-dossier badge). */
export function dossierContribution(d: AggregateDossier): AggregateCounts {
  const c = emptyAggregateCounts();
  c.received = 1;
  const finished = finishedStatuses.has(d.status);
  const closed = (closedWithoutResult as readonly string[]).includes(d.status);
  if (finished) {
    // now and the due-soon mark play no part for a finished dossier
    const bucket = statsBucket(d, d.entryAt, d.entryAt);
    if (bucket === 'early') c.finishedEarly = 1;
    else if (bucket === 'on_time') c.finishedOnTime = 1;
    else if (bucket === 'late') c.finishedLate = 1;
    else c.finishedNoDeadline = 1;
    if (d.finishedAt) {
      c.processedCount = 1;
      c.processingHoursSum = (d.finishedAt.getTime() - d.entryAt.getTime()) / 3_600_000;
    }
  } else if (d.status === 'refused') c.refused = 1;
  else if (d.status === 'withdrawn') c.withdrawn = 1;
  else if (d.status === 'stopped') c.stopped = 1;
  if (!finished && !closed) c.inProgress = 1;
  c.supplementRequests = d.supplementCount;
  c.supplementedDossiers = d.supplementCount > 0 ? 1 : 0;
  if (d.ratingLevel !== null) {
    c.ratingSum = d.ratingLevel;
    c.ratingCount = 1;
  }
  return c;
}

/** A dossier's aggregate facts folded from its action log alone (the recount's rule). */
export function aggregateDossierFromLog(log: readonly DossierAction[]): AggregateDossier & { entryUnitCode: string } {
  const first = log[0];
  if (!first) throw new Error('a dossier log has at least one action');
  const s = deriveDossierState(log);
  const rated = log.filter((a) => a.type === 'rated').at(-1);
  return {
    status: s.status,
    dueAt: s.dueAt,
    finishedAt: s.finishedAt,
    entryAt: first.at,
    entryUnitCode: first.unitCode,
    supplementCount: log.filter((a) => a.type === 'supplement_requested').length,
    ratingLevel: rated && rated.type === 'rated' ? rated.level : null,
  };
}

export function addAggregateCounts(into: AggregateCounts, c: AggregateCounts): AggregateCounts {
  for (const k of aggregateCountKeys) into[k] += c[k];
  return into;
}

/** Figures derived from totals: online share, on-time share of the finished, rates and averages (null without a base). */
export type AggregateRates = {
  onlineShare: number | null;
  finishedOnTimeShare: number | null;
  supplementRate: number | null;
  refusalRate: number | null;
  averageRating: number | null;
  averageProcessingDays: number | null;
};

export function aggregateRates(c: AggregateCounts & { online: number }): AggregateRates {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const judged = c.finishedEarly + c.finishedOnTime + c.finishedLate;
  return {
    onlineShare: ratio(c.online, c.received),
    finishedOnTimeShare: ratio(c.finishedEarly + c.finishedOnTime, judged),
    supplementRate: ratio(c.supplementedDossiers, c.received),
    refusalRate: ratio(c.refused, c.received),
    averageRating: ratio(c.ratingSum, c.ratingCount),
    averageProcessingDays: c.processedCount > 0 ? c.processingHoursSum / c.processedCount / 24 : null,
  };
}

/** The period of the same length just before [from, to] (civil dates, both included). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const f = dayNumberOf(from);
  const days = dayNumberOf(to) - f + 1;
  return { from: isoOfDayNumber(f - days), to: isoOfDayNumber(f - 1) };
}

/** Open dossiers with a deadline split by their due time against now: overdue, due soon, undue, clock paused. */
export type OpenDueSplit = { overdue: number; dueSoon: number; undue: number; paused: number };

import { type StatsCounts, statsRates } from '../dossiers/dossier-stats.js';
import type { AggregateCounts } from './aggregates.js';

/**
 * The on-time rate of the dashboards is the 766 index's indicator 2.1 (`statsRates` of dossier-stats): finished
 * early or on time plus in progress within the deadline, over every finished or in-progress dossier with a
 * deadline. The aggregates keep finished dossiers by bucket and in-progress ones as one count; which of those are
 * overdue *now* (and which have no deadline) is counted at read time from the open dossiers of the same entries.
 */
export type OpenEntryCounts = {
  overdue: number;
  noDeadline: number;
  /** Due soon on the handling unit's calendar (dueSoonBefore): read only when the caller needs the split. */
  dueSoon?: number;
};

/**
 * The supervision table's counts from a dashboard's totals and the open split. Without `open.dueSoon`, due soon
 * and undue are not told apart (both are within the deadline for 2.1) and are returned together as `undue`.
 */
export function statsCountsFromAggregates(
  c: Pick<
    AggregateCounts,
    | 'received'
    | 'inProgress'
    | 'finishedEarly'
    | 'finishedOnTime'
    | 'finishedLate'
    | 'finishedNoDeadline'
    | 'refused'
    | 'withdrawn'
    | 'stopped'
  > & { online: number },
  open: OpenEntryCounts,
): StatsCounts {
  const overdue = Math.min(open.overdue, c.inProgress);
  const noDeadline = Math.min(open.noDeadline, c.inProgress - overdue);
  const dueSoon = Math.min(open.dueSoon ?? 0, c.inProgress - overdue - noDeadline);
  return {
    received: c.received,
    online: c.online,
    inProgress: {
      total: c.inProgress,
      undue: c.inProgress - overdue - noDeadline - dueSoon,
      dueSoon,
      overdue,
      noDeadline,
    },
    finished: {
      total: c.finishedEarly + c.finishedOnTime + c.finishedLate + c.finishedNoDeadline,
      early: c.finishedEarly,
      onTime: c.finishedOnTime,
      late: c.finishedLate,
      noDeadline: c.finishedNoDeadline,
    },
    refused: c.refused,
    withdrawn: c.withdrawn,
    stopped: c.stopped,
  };
}

/** Indicator 2.1's rate (null without a dossier to judge) of a dashboard's totals and the open split. */
export function dashboardOnTimeRate(
  c: Parameters<typeof statsCountsFromAggregates>[0],
  open: OpenEntryCounts,
): number | null {
  return statsRates(statsCountsFromAggregates(c, open)).onTimeRate;
}

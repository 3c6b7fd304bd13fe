import { describe, expect, it } from 'vitest';
import { emptyAggregateCounts } from './aggregates.js';
import { dashboardOnTimeRate, statsCountsFromAggregates } from './on-time.js';

const totals = (p: Partial<ReturnType<typeof emptyAggregateCounts>>) => ({
  ...emptyAggregateCounts(),
  online: 0,
  ...p,
});

describe('dashboardOnTimeRate (766 indicator 2.1 from the aggregates)', () => {
  it('counts an overdue dossier in progress against the rate, as the supervision table does', () => {
    // the lead's case: 3 finished on time, 1 open overdue → 3/4, not 3/3
    const c = totals({ received: 4, finishedOnTime: 2, finishedEarly: 1, inProgress: 1 });
    expect(dashboardOnTimeRate(c, { overdue: 1, noDeadline: 0 })).toBe(3 / 4);
    expect(dashboardOnTimeRate(c, { overdue: 0, noDeadline: 0 })).toBe(1);
  });

  it('leaves dossiers without a deadline and closed ones out; null without anything to judge', () => {
    const c = totals({ received: 5, inProgress: 2, finishedNoDeadline: 1, refused: 1, finishedLate: 1 });
    const s = statsCountsFromAggregates(c, { overdue: 0, noDeadline: 1 });
    expect(s.inProgress).toEqual({ total: 2, undue: 1, dueSoon: 0, overdue: 0, noDeadline: 1 });
    expect(dashboardOnTimeRate(c, { overdue: 0, noDeadline: 1 })).toBe(1 / 2);
    expect(dashboardOnTimeRate(totals({ received: 1, refused: 1 }), { overdue: 0, noDeadline: 0 })).toBeNull();
  });

  it('never counts more open dossiers than the aggregates hold in progress', () => {
    const c = totals({ received: 1, inProgress: 1 });
    expect(statsCountsFromAggregates(c, { overdue: 3, noDeadline: 2 }).inProgress).toMatchObject({
      overdue: 1,
      noDeadline: 0,
      undue: 0,
    });
  });

  it('splits due soon from undue when the open split carries it (the supervision table’s columns)', () => {
    const c = totals({ received: 6, inProgress: 5, finishedEarly: 1 });
    const s = statsCountsFromAggregates(c, { overdue: 1, noDeadline: 1, dueSoon: 2 });
    expect(s.inProgress).toEqual({ total: 5, undue: 1, dueSoon: 2, overdue: 1, noDeadline: 1 });
    // due soon is within the deadline: the 2.1 rate does not change with the split
    expect(dashboardOnTimeRate(c, { overdue: 1, noDeadline: 1, dueSoon: 2 })).toBe(
      dashboardOnTimeRate(c, { overdue: 1, noDeadline: 1 }),
    );
    expect(statsCountsFromAggregates(c, { overdue: 4, noDeadline: 0, dueSoon: 9 }).inProgress).toMatchObject({
      overdue: 4,
      dueSoon: 1,
      undue: 0,
    });
  });
});

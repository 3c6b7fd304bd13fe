import { type Dashboard, NATIONAL_SCOPE } from '@mot-cua/contracts';
import {
  type AggregateCounts,
  aggregateRates,
  dashboardOnTimeRate,
  emptyAggregateCounts,
  feedbackIndex,
  type OpenEntryCounts,
  previousPeriod,
  statsPeriod,
  vnDate,
} from '@mot-cua/core';
import {
  type AggregateRow,
  type AggregateScope,
  createDossierAggregatesRepository,
  createOpenDueRepository,
  createOpenEntriesRepository,
  createSupervisionFeedbackRepository,
  findUnitNames,
} from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import { dossierDeps } from '../routes/dossiers/dossier-deps.js';
import { dueSoonMarks } from '../routes/dossiers/due-soon-marks.js';

const noOpen: OpenEntryCounts = { overdue: 0, noDeadline: 0 };

/** Counts with their rates; the on-time rate is the 766 index's (indicator 2.1), from the open split. */
const withRates = (c: AggregateCounts & { online: number }, open: OpenEntryCounts) => ({
  ...c,
  ...aggregateRates(c),
  inProgressOverdue: open.overdue,
  inProgressNoDeadline: open.noDeadline,
  onTimeRate: dashboardOnTimeRate(c, open),
});

export const sumOpen = (m: ReadonlyMap<string, OpenEntryCounts>): OpenEntryCounts => {
  const t = { ...noOpen };
  for (const o of m.values()) {
    t.overdue += o.overdue;
    t.noDeadline += o.noDeadline;
  }
  return t;
};

export function sumRows(rows: readonly AggregateRow[]): AggregateCounts & { online: number } {
  const t = { ...emptyAggregateCounts(), online: 0 };
  for (const r of rows) {
    t.online += r.online;
    for (const k of Object.keys(t) as Array<keyof typeof t>) if (k !== 'online') t[k] += r[k];
  }
  return t;
}

export type DashboardInput = {
  scope: AggregateScope;
  code: string;
  period: ReturnType<typeof statsPeriod>;
  by: Dashboard['by'];
  now: Date;
  /** The master-data version of the caller's session (calendars), if any. */
  version?: number | undefined;
  /** Whether a row of the level below opens its drill-down for the reader. */
  mayOpen: (rowCode: string) => boolean;
  /** Whether the reader may go up to the nation from a province. */
  mayReadNation: boolean;
};

/**
 * The dashboard of a commune, a province or the nation over a period, from the aggregates only: what
 * GET /api/supervision/dashboard answers (after its authorization) and what the monthly report prints.
 */
export async function dashboardBody(deps: AppDeps, i: DashboardInput): Promise<Dashboard> {
  const { scope, code, period, now } = i;
  const today = vnDate(now);
  const perspective = i.by === 'current_unit' ? 'current' : 'entry';
  const repo = createDossierAggregatesRepository(deps.database.db);
  const prev = previousPeriod(period.from, period.to);
  const prevPeriod = statsPeriod(now, prev.from, prev.to);
  const openEntries = createOpenEntriesRepository(deps.database.db);
  const feedback = createSupervisionFeedbackRepository(deps.database.db);
  // In progress by deadline, exact (the dossier's badge): each handling unit's due-soon mark on its calendar.
  const openDueRepo = createOpenDueRepository(deps.database.db);
  const { deadlines } = dossierDeps(deps.database.db, deps, i.version);
  const marks = await dueSoonMarks(deadlines, await openDueRepo.handlingUnits(scope, now), now);
  const [rows, prevRows, daily, procedures, openDue, open, prevOpen, fb, prevFb] = await Promise.all([
    repo.breakdown(scope, period, perspective),
    repo.breakdown(scope, prev, perspective),
    repo.daily(scope, period, perspective),
    repo.procedures(scope, period),
    openDueRepo.split(scope, now, marks),
    openEntries.openSplit(scope, period, perspective, now),
    openEntries.openSplit(scope, prevPeriod, perspective, now),
    feedback.indexGroups(scope, period, now),
    feedback.indexGroups(scope, prevPeriod, now),
  ]);
  const parentCode = scope.level === 'commune' ? scope.provinceCode : null;
  const names = await findUnitNames(
    deps.database.db,
    [...rows.map((r) => r.code), code, ...(parentCode ? [parentCode] : [])],
    today,
  );
  const procNames = await repo.procedureNames(procedures.map((p) => p.procedureCode));
  const drill: 'province' | 'commune' | 'dossiers' =
    scope.level === 'nation' ? 'province' : scope.level === 'province' ? 'commune' : 'dossiers';
  const parent =
    scope.level === 'province' && i.mayReadNation
      ? { level: 'nation' as const, code: NATIONAL_SCOPE, name: 'Toàn quốc' }
      : parentCode
        ? { level: 'province' as const, code: parentCode, name: names.get(parentCode) ?? parentCode }
        : null;
  return {
    level: scope.level,
    code,
    name: code === NATIONAL_SCOPE ? 'Toàn quốc' : (names.get(code) ?? code),
    parent,
    by: i.by,
    from: period.from,
    to: period.to,
    previous: prev,
    generatedAt: now.toISOString(),
    totals: withRates(sumRows(rows), sumOpen(open)),
    previousTotals: withRates(sumRows(prevRows), sumOpen(prevOpen)),
    feedback: feedbackIndex(fb),
    previousFeedback: feedbackIndex(prevFb),
    rows: rows.map((r) => ({
      ...withRates(r, open.get(r.code) ?? noOpen),
      code: r.code,
      name: names.get(r.code) ?? r.code,
      drill: i.mayOpen(r.code) ? drill : null,
    })),
    daily,
    procedures: procedures.map((p) => ({ ...p, procedureName: procNames.get(p.procedureCode) ?? p.procedureCode })),
    openDue,
  };
}

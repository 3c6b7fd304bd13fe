import { DOSSIER_INDICATORS, FEEDBACK_INDICATORS, type ServiceIndicator, vnStartOfDay } from '@mot-cua/contracts';
import {
  feedbackIndex,
  type IndicatorResult,
  inFeedbackFigure,
  type StatsCounts,
  serviceIndex,
  statsCountsFromAggregates,
  sumStatsCounts,
  vnDate,
} from '@mot-cua/core';
import {
  type AggregateScope,
  createDossierAggregatesRepository,
  createDossiersRepository,
  createDossierUnitsPort,
  createFeedbackRepository,
  createOpenEntriesRepository,
  createServiceIndexRepository,
} from '@mot-cua/db';
import { sumOpen, sumRows } from '../../supervision/dashboard-body.js';

type Db = Parameters<typeof createDossiersRepository>[0];

const LISTABLE: ReadonlySet<string> = new Set([...DOSSIER_INDICATORS, ...FEEDBACK_INDICATORS]);

/** A feedback row as core's feedbackIndex counts it (the same mapping as GET /api/feedback/index). */
const indexed =
  (now: Date) =>
  (r: {
    status: string;
    stepsOnTime: boolean;
    dueAt: Date | string | null;
    rating: string | null;
    repeatOf: string | null;
  }) => ({
    status: r.status as never,
    stepsOnTime: r.stepsOnTime,
    overdueNow: r.dueAt !== null && new Date(r.dueAt).getTime() < now.getTime(),
    rating: r.rating as never,
    repeated: r.repeatOf !== null,
  });

/**
 * The 766 index of one scope (a unit, a province or 'VN') over [fromAt, toAt): indicator 2.1 from the
 * supervision aggregate's repository (same entries, same buckets), 5.2/5.3 from the feedback index, the
 * dossier indicators from the service-index repository, the formulas and thresholds from core.
 */
export async function computeServiceIndex(
  db: Db,
  f: { scope: string; fromAt: Date; toAt: Date; now: Date },
): Promise<{ indicators: ServiceIndicator[]; total: { points: number; max: number }; received: number }> {
  const stats = await progressStats(db, f);
  const counts = await createServiceIndexRepository(db).counts(f);
  const feedbackRows = await createFeedbackRepository(db).indexRowsOfArea({
    scope: [f.scope],
    from: f.fromAt,
    to: f.toAt,
  });
  const r = serviceIndex({ ...counts, stats, feedback: feedbackIndex(feedbackRows.map(indexed(f.now))) });
  return {
    indicators: r.indicators.map((i: IndicatorResult) => ({ ...i, listable: i.computable && LISTABLE.has(i.id) })),
    total: r.total,
    received: counts.received,
  };
}

/** The aggregates' scope of a service-index scope ('VN', a province, or a unit with its province), if known. */
async function aggregateScope(db: Db, scope: string, onDate: string): Promise<AggregateScope | null> {
  if (scope === 'VN') return { level: 'nation' };
  const unit = await createDossierUnitsPort(db).findUnit(scope, onDate);
  if (!unit) return null;
  return unit.level === 'province'
    ? { level: 'province', provinceCode: unit.code }
    : { level: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code };
}

/**
 * Indicator 2.1's inputs (the supervision table's buckets of the entries in the period): for whole Vietnamese days
 * (what the pages, the snapshots and the monthly report ask) from the aggregates by unit at entry and the open
 * split of the same entries, exactly as the dashboard's on-time rate; else by scanning the dossiers.
 */
async function progressStats(db: Db, f: { scope: string; fromAt: Date; toAt: Date; now: Date }): Promise<StatsCounts> {
  const from = vnDate(f.fromAt);
  const end = vnDate(f.toAt);
  const whole = vnStartOfDay(from).getTime() === f.fromAt.getTime() && vnStartOfDay(end).getTime() === f.toAt.getTime();
  const scope = whole && f.toAt > f.fromAt ? await aggregateScope(db, f.scope, vnDate(f.now)) : null;
  if (scope) {
    // the last day of [fromAt, toAt): the Vietnamese day of the instant just before toAt
    const to = vnDate(new Date(f.toAt.getTime() - 1));
    const rows = await createDossierAggregatesRepository(db).breakdown(scope, { from, to }, 'entry');
    const open = await createOpenEntriesRepository(db).openSplit(scope, f, 'entry', f.now);
    return statsCountsFromAggregates(sumRows(rows), sumOpen(open));
  }
  const statsRows = await createDossiersRepository(db).stats({
    scopes: [f.scope],
    fromAt: f.fromAt,
    toAt: f.toAt,
    by: 'received_unit',
    asOf: vnDate(f.now),
    groupBy: 'province',
    now: f.now,
    // Due soon and undue both count as in time for 2.1, so no unit's due-soon mark is needed here.
    dueSoonMarks: new Map(),
  });
  return sumStatsCounts(statsRows);
}

/**
 * The feedback (PAKN) items behind one figure of 5.2 or 5.3 (same rows and rule as computeServiceIndex, so the
 * list's total equals the figure), newest first.
 */
export async function feedbackOfFigure(
  db: Db,
  f: {
    scope: string;
    fromAt: Date;
    toAt: Date;
    now: Date;
    indicator: '5.2' | '5.3';
    part: 'numerator' | 'denominator';
  },
) {
  const rows = await createFeedbackRepository(db).indexRowsOfArea({ scope: [f.scope], from: f.fromAt, to: f.toAt });
  const at = (v: Date | string) => new Date(v).toISOString();
  return rows
    .filter((r) => inFeedbackFigure(indexed(f.now)(r), f.indicator, f.part))
    .sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime())
    .map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      unitCode: r.unitCode,
      provinceCode: r.provinceCode,
      status: r.status,
      receivedAt: at(r.receivedAt),
      dueAt: r.dueAt ? at(r.dueAt) : null,
      rating: r.rating,
      repeated: r.repeatOf !== null,
    }));
}

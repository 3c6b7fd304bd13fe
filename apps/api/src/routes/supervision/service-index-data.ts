import { DOSSIER_INDICATORS, FEEDBACK_INDICATORS, type ServiceIndicator } from '@mot-cua/contracts';
import {
  feedbackIndex,
  type IndicatorResult,
  inFeedbackFigure,
  serviceIndex,
  sumStatsCounts,
  vnDate,
} from '@mot-cua/core';
import { createDossiersRepository, createFeedbackRepository, createServiceIndexRepository } from '@mot-cua/db';

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
  const stats = sumStatsCounts(statsRows);
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

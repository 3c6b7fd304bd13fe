import { DOSSIER_INDICATORS, type ServiceIndicator } from '@mot-cua/contracts';
import { feedbackIndex, type IndicatorResult, serviceIndex, sumStatsCounts, vnDate } from '@mot-cua/core';
import { createDossiersRepository, createFeedbackRepository, createServiceIndexRepository } from '@mot-cua/db';

type Db = Parameters<typeof createDossiersRepository>[0];

const LISTABLE: ReadonlySet<string> = new Set(DOSSIER_INDICATORS);

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

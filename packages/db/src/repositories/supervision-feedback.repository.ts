import type { FeedbackRating, FeedbackStatus } from '@mot-cua/contracts';
import type { IndexedFeedback } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AggregateScope } from './dossier-aggregates.repository.js';

/**
 * Feedback (PAKN) received in a dashboard's scope and period, grouped by what core's `feedbackIndex` (766
 * indicators 5.2 and 5.3) looks at, with a count per group: a nation-wide period is a few dozen rows, not every
 * feedback. The mapping is the one of the feedback index route and the service index (overdue now = a deadline
 * before now). A commune is its unit; a province every unit of it.
 */
export function createSupervisionFeedbackRepository(db: Kysely<DB>) {
  return {
    async indexGroups(
      scope: AggregateScope,
      period: { fromAt: Date; toAt: Date },
      now: Date,
    ): Promise<Array<IndexedFeedback & { count: number }>> {
      const where =
        scope.level === 'nation'
          ? sql`true`
          : scope.level === 'province'
            ? sql`province_code = ${scope.provinceCode}`
            : sql`province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode}`;
      const r = await sql<{
        status: string;
        stepsOnTime: boolean;
        overdueNow: boolean;
        rating: string | null;
        repeated: boolean;
        count: number;
      }>`
        select status, steps_on_time, coalesce(due_at < ${now.toISOString()}::timestamptz, false) as overdue_now,
          rating, repeat_of is not null as repeated, count(*)::int as count
        from feedback_items
        where ${where}
          and received_at >= ${period.fromAt.toISOString()}::timestamptz
          and received_at < ${period.toAt.toISOString()}::timestamptz
        group by 1, 2, 3, 4, 5`.execute(db);
      return r.rows.map((x) => ({
        status: x.status as FeedbackStatus,
        stepsOnTime: Boolean(x.stepsOnTime),
        overdueNow: Boolean(x.overdueNow),
        rating: x.rating as FeedbackRating | null,
        repeated: Boolean(x.repeated),
        count: Number(x.count),
      }));
    },
  };
}

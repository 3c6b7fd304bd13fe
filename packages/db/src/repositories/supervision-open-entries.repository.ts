import type { OpenEntryCounts } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AggregatePerspective, AggregateScope } from './dossier-aggregates.repository.js';

/**
 * Among the dossiers that entered in a period, those still in progress that are overdue now or have no deadline,
 * per row of a dashboard (nation → provinces, province → communes, commune → itself): the part of the 766 on-time
 * rate (indicator 2.1) the aggregates cannot keep, because it changes with the clock. The predicates are the
 * supervision table's (`bucketPredicates` of the dossiers repository): open = not finished and not closed,
 * overdue = open, clock running and due before now. Reads only open dossiers (partial indexes, migration 0210).
 */
export function createOpenEntriesRepository(db: Kysely<DB>) {
  return {
    async openSplit(
      scope: AggregateScope,
      period: { fromAt: Date; toAt: Date },
      perspective: AggregatePerspective,
      now: Date,
    ): Promise<Map<string, OpenEntryCounts>> {
      const entry = perspective === 'entry';
      const province = sql.raw(entry ? 'entry_province_code' : 'province_code');
      const unit = sql.raw(entry ? 'entry_unit_code' : 'receiving_unit_code');
      const key = scope.level === 'nation' ? province : unit;
      const where =
        scope.level === 'nation'
          ? sql`true`
          : scope.level === 'province'
            ? sql`${province} = ${scope.provinceCode}`
            : sql`${province} = ${scope.provinceCode} and ${unit} = ${scope.unitCode}`;
      const t = sql`${now.toISOString()}::timestamptz`;
      const r = await sql<{ code: string; overdue: number; noDeadline: number }>`
        select ${key} as code,
          (count(*) filter (where status not in ('supplement_requested', 'awaiting_payment') and due_at < ${t}))::int
            as overdue,
          (count(*) filter (where due_at is null))::int as no_deadline
        from dossiers
        where status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')
          and ${where}
          and entry_at >= ${period.fromAt.toISOString()}::timestamptz and entry_at < ${period.toAt.toISOString()}::timestamptz
        group by 1`.execute(db);
      return new Map(r.rows.map((x) => [x.code, { overdue: Number(x.overdue), noDeadline: Number(x.noDeadline) }]));
    },
  };
}

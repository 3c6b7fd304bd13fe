import type { OpenDueSplit } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AggregateScope } from './dossier-aggregates.repository.js';

/**
 * The dashboard's open dossiers with a deadline (by today's unit, whatever their entry) split exactly as the
 * supervision table and the dossier's own badge do (core's `statsBucket`): paused clocks apart; overdue = due
 * before now (an instant, not a civil day); due soon = due from now up to the due-soon mark of the handling unit's
 * calendar (`dueSoonBefore`: one working day ahead, so Friday's "due soon" reaches Monday over the weekend);
 * undue = the rest. Read at request time from the open dossiers only (partial index of migration 0310, by today's
 * unit and due instant), because which bucket a dossier is in changes with the clock, not with a write.
 */

const OPEN_WITH_DEADLINE = sql`status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')
  and due_at is not null`;
const PAUSED = sql`status in ('supplement_requested', 'awaiting_payment')`;

function scopeWhere(scope: AggregateScope) {
  return scope.level === 'nation'
    ? sql`true`
    : scope.level === 'province'
      ? sql`province_code = ${scope.provinceCode}`
      : sql`province_code = ${scope.provinceCode} and receiving_unit_code = ${scope.unitCode}`;
}

export function createOpenDueRepository(db: Kysely<DB>) {
  return {
    /** Handling units (with province) of the scope's open dossiers whose clock runs and whose deadline is ahead. */
    async handlingUnits(scope: AggregateScope, now: Date): Promise<Array<{ unitCode: string; provinceCode: string }>> {
      const r = await sql<{ unitCode: string; provinceCode: string }>`
        select distinct competent_unit_code as unit_code, province_code from dossiers
        where ${OPEN_WITH_DEADLINE} and not (${PAUSED}) and due_at >= ${now.toISOString()}::timestamptz
          and ${scopeWhere(scope)}
        order by 1`.execute(db);
      return r.rows;
    },

    /** The split, with the due-soon mark of each handling unit (a unit without a mark is never due soon). */
    async split(scope: AggregateScope, now: Date, marks: ReadonlyMap<string, Date>): Promise<OpenDueSplit> {
      const t = sql`${now.toISOString()}::timestamptz`;
      const list = [...marks];
      const markTable = list.length
        ? sql`(values ${sql.join(list.map(([u, m]) => sql`(${u}, ${m.toISOString()}::timestamptz)`))}) as m(unit_code, mark)`
        : sql`(select null::text as unit_code, null::timestamptz as mark where false) as m`;
      const r = await sql<{ overdue: number; dueSoon: number; undue: number; paused: number }>`
        select (count(*) filter (where ${PAUSED}))::int as paused,
          (count(*) filter (where not (${PAUSED}) and due_at < ${t}))::int as overdue,
          (count(*) filter (where not (${PAUSED}) and due_at >= ${t} and due_at <= m.mark))::int as due_soon,
          (count(*) filter (where not (${PAUSED}) and due_at >= ${t} and (m.mark is null or due_at > m.mark)))::int
            as undue
        from dossiers left join ${markTable} on m.unit_code = dossiers.competent_unit_code
        where ${OPEN_WITH_DEADLINE} and ${scopeWhere(scope)}`.execute(db);
      const x = r.rows[0];
      return {
        overdue: Number(x?.overdue ?? 0),
        dueSoon: Number(x?.dueSoon ?? 0),
        undue: Number(x?.undue ?? 0),
        paused: Number(x?.paused ?? 0),
      };
    },
  };
}
export type OpenDueRepo = ReturnType<typeof createOpenDueRepository>;

import { vnStartOfDay } from '@mot-cua/contracts';
import { type OpenDueSplit, openDuePlan } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { AggregateScope } from './dossier-aggregates.repository.js';

/**
 * The dashboard's open dossiers with a deadline (by today's unit, whatever their entry) split exactly as the
 * supervision table and the dossier's own badge do (core's `statsBucket`): paused clocks apart; overdue = due
 * before now (an instant, not a civil day); due soon = due from now up to the due-soon mark of the handling unit's
 * calendar (`dueSoonBefore`: one working day ahead, so Friday's "due soon" reaches Monday over the weekend);
 * undue = the rest.
 *
 * Read from the totals kept per scope and Vietnamese due day (migration 0380) for the whole days, and from the
 * dossiers themselves (partial indexes by due instant: 0380's by today's province, 0310's by today's unit) for the
 * boundary days only — today up to the latest mark's day (core `openDuePlan`). The read over every open dossier of
 * the scope is kept as the reference (`splitFromDossiers`, `handlingUnitsFromDossiers`; the tests compare them).
 * The handling units (for the marks) come from 0380's handling totals, without reading the dossiers.
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

/**
 * The scope's rows of 0380's totals: a province's ('p') or today's unit's ('u'); the nation's are the 'n' rows of
 * the day totals and every province's rows of the handling totals.
 */
function levelWhere(scope: AggregateScope, nation: 'n' | 'p') {
  return scope.level === 'nation'
    ? sql`level = ${sql.lit(nation)}`
    : scope.level === 'province'
      ? sql`level = 'p' and province_code = ${scope.provinceCode}`
      : sql`level = 'u' and province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode}`;
}

export function createOpenDueRepository(db: Kysely<DB>) {
  return {
    /**
     * Handling units (with today's province) of the scope's open dossiers whose clock runs, from the kept totals:
     * every unit whose due-soon mark the split may need (also those whose running dossiers are all overdue).
     */
    async handlingUnits(
      scope: AggregateScope,
      _now?: Date,
    ): Promise<Array<{ unitCode: string; provinceCode: string }>> {
      const r = await sql<{ unitCode: string; provinceCode: string }>`
        select handling_unit_code as unit_code, province_code from dossier_open_handling_totals
        where ${levelWhere(scope, 'p')} and open_count > 0
        group by 1, 2 order by 1, 2`.execute(db);
      return r.rows;
    },

    /**
     * The split, with the due-soon mark of each handling unit (a unit without a mark is never due soon): whole due
     * days from the kept totals, the boundary days (today to the latest mark's day) from the dossiers, one statement.
     */
    async split(scope: AggregateScope, now: Date, marks: ReadonlyMap<string, Date>): Promise<OpenDueSplit> {
      const plan = openDuePlan(now, marks.values());
      const t = sql`${now.toISOString()}::timestamptz`;
      // the scope's provinces with running dossiers due on a boundary day, each read as one range of an index by due
      // instant (0380's by today's province; a commune's by 0310's, by today's unit); offset 0 keeps the probes
      const provinces =
        scope.level !== 'nation'
          ? sql`(select ${scope.provinceCode}::text as province_code)`
          : sql`(select distinct province_code from dossier_open_due_day_totals
              where level = 'p' and due_day >= ${plan.today}::date and due_day <= ${plan.lastBoundary}::date
                and not paused and open_count > 0)`;
      const unitWhere = scope.level === 'commune' ? sql`and receiving_unit_code = ${scope.unitCode}` : sql``;
      // the boundary's running dossiers not overdue, per handling unit and how many of the (few) distinct marks are
      // before their due instant: due soon when that is at most the index of the unit's own mark (placed here, so
      // the statement carries the distinct marks, not one per unit)
      const distinct = [...new Set([...marks.values()].map((d) => d.getTime()))].sort((a, b) => a - b);
      const position = new Map(distinct.map((ms, i) => [ms, i]));
      const markList = distinct.map((ms) => new Date(ms).toISOString());
      const r = await sql<{ unitCode: string | null; idx: number; paused: number; running: number; n: number }>`
        with whole as (
          select coalesce(sum(open_count) filter (where paused), 0)::int as paused,
            coalesce(sum(open_count) filter (where not paused), 0)::int as running,
            coalesce(sum(open_count) filter (where not paused and due_day < ${plan.today}::date), 0)::int as overdue
          from dossier_open_due_day_totals where ${levelWhere(scope, 'n')}
        ), boundary as materialized (
          select x.due_at, x.competent_unit_code from ${provinces} u
          cross join lateral (
            select due_at, competent_unit_code from dossiers
            where province_code = u.province_code ${unitWhere} and ${OPEN_WITH_DEADLINE} and not (${PAUSED})
              and due_at >= ${vnStartOfDay(plan.today).toISOString()}::timestamptz
              and due_at < ${nextDayStart(plan.lastBoundary)}::timestamptz
            offset 0) x
        ), marks as materialized (
          select m from unnest(${markList}::text[]::timestamptz[]) as m
        )
        select null::text as unit_code, -1 as idx, whole.paused, whole.running,
          whole.overdue + (select count(*)::int from boundary where due_at < ${t}) as n
        from whole
        union all
        select b.competent_unit_code, (select count(*)::int from marks where m < b.due_at), 0, 0, count(*)::int
        from boundary b where b.due_at >= ${t}
        group by 1, 2`.execute(db);
      let paused = 0;
      let running = 0;
      let overdue = 0;
      let dueSoon = 0;
      for (const x of r.rows) {
        if (x.unitCode === null) {
          paused = Number(x.paused);
          running = Number(x.running);
          overdue = Number(x.n);
          continue;
        }
        const own = marks.get(x.unitCode);
        const j = own === undefined ? undefined : position.get(own.getTime());
        if (j !== undefined && Number(x.idx) <= j) dueSoon += Number(x.n);
      }
      return { overdue, dueSoon, undue: running - overdue - dueSoon, paused };
    },

    /** The reference: handling units of the scope's open dossiers whose clock runs and whose deadline is ahead. */
    async handlingUnitsFromDossiers(
      scope: AggregateScope,
      now: Date,
    ): Promise<Array<{ unitCode: string; provinceCode: string }>> {
      const r = await sql<{ unitCode: string; provinceCode: string }>`
        select distinct competent_unit_code as unit_code, province_code from dossiers
        where ${OPEN_WITH_DEADLINE} and not (${PAUSED}) and due_at >= ${now.toISOString()}::timestamptz
          and ${scopeWhere(scope)}
        order by 1, 2`.execute(db);
      return r.rows;
    },

    /** The reference: the split read over every open dossier of the scope. */
    async splitFromDossiers(scope: AggregateScope, now: Date, marks: ReadonlyMap<string, Date>): Promise<OpenDueSplit> {
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

/** The instant the Vietnamese day after `day` begins (ISO). */
function nextDayStart(day: string): string {
  return new Date(vnStartOfDay(day).getTime() + 86_400_000).toISOString();
}

export type OpenDueRepo = ReturnType<typeof createOpenDueRepository>;

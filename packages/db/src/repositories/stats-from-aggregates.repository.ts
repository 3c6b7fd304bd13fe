import { type OpenEntryCounts, type StatsCounts, statsCountsFromAggregates } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import {
  type AggregatePerspective,
  type AggregateScope,
  createDossierAggregatesRepository,
} from './dossier-aggregates.repository.js';

/**
 * The supervision table (`GET /api/dossiers/stats`) from the aggregate tables, so it shows the dashboard's figures
 * for the same scope and period: received, online, finished early / on time / late, refused, withdrawn, stopped
 * from the aggregates (`breakdown`), and the part that changes with the clock — which of the open dossiers that
 * entered in the period are overdue now, due soon on their handling unit's calendar, or without a deadline — from
 * the open dossiers only (partial indexes of migration 0210). The predicates are the table's own
 * (`bucketPredicates` of the dossiers repository, core's `statsBucket`): open = not finished and not closed;
 * overdue = open, clock running, due before now; due soon = open, clock running, due from now up to the mark of
 * the handling unit's calendar (`dueSoonBefore`; a unit without a mark is never due soon).
 */

const OPEN = sql`status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')`;

function scopeSql(scope: AggregateScope, perspective: AggregatePerspective) {
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
  return { key, where };
}

const inPeriod = (p: { fromAt: Date; toAt: Date }) =>
  sql`entry_at >= ${p.fromAt.toISOString()}::timestamptz and entry_at < ${p.toAt.toISOString()}::timestamptz`;

export type StatsRowCounts = { code: string; provinceCode: string } & StatsCounts;

export function createStatsFromAggregatesRepository(db: Kysely<DB>) {
  const aggregates = createDossierAggregatesRepository(db);

  /** Per row: open entries overdue now, due soon (by the marks), without a deadline. */
  async function openSplit(
    scope: AggregateScope,
    period: { fromAt: Date; toAt: Date },
    perspective: AggregatePerspective,
    now: Date,
    marks: ReadonlyMap<string, Date>,
  ): Promise<Map<string, OpenEntryCounts>> {
    const { key, where } = scopeSql(scope, perspective);
    const t = sql`${now.toISOString()}::timestamptz`;
    const list = [...marks];
    const markTable = list.length
      ? sql`(values ${sql.join(list.map(([u, m]) => sql`(${u}, ${m.toISOString()}::timestamptz)`))}) as m(unit_code, mark)`
      : sql`(select null::text as unit_code, null::timestamptz as mark where false) as m`;
    const running = sql`status not in ('supplement_requested', 'awaiting_payment')`;
    const r = await sql<{ code: string; overdue: number; dueSoon: number; noDeadline: number }>`
      select ${key} as code,
        (count(*) filter (where ${running} and due_at < ${t}))::int as overdue,
        (count(*) filter (where ${running} and due_at >= ${t} and due_at <= m.mark))::int as due_soon,
        (count(*) filter (where due_at is null))::int as no_deadline
      from dossiers left join ${markTable} on m.unit_code = dossiers.competent_unit_code
      where ${OPEN} and ${where} and ${inPeriod(period)}
      group by 1`.execute(db);
    return new Map(
      r.rows.map((x) => [
        x.code,
        { overdue: Number(x.overdue), dueSoon: Number(x.dueSoon), noDeadline: Number(x.noDeadline) },
      ]),
    );
  }

  return {
    /**
     * Handling units (with province) of the open dossiers with a running clock and a deadline not yet past that
     * entered in the scopes and period: the calendars whose due-soon mark the split needs.
     */
    async openUnits(
      scopes: readonly AggregateScope[],
      period: { fromAt: Date; toAt: Date },
      perspective: AggregatePerspective,
      now: Date,
    ): Promise<Array<{ unitCode: string; provinceCode: string }>> {
      if (scopes.length === 0) return [];
      const wheres = scopes.map((s) => scopeSql(s, perspective).where);
      const r = await sql<{ unitCode: string; provinceCode: string }>`
        select distinct competent_unit_code as unit_code, province_code from dossiers
        where ${OPEN} and status not in ('supplement_requested', 'awaiting_payment')
          and due_at >= ${now.toISOString()}::timestamptz
          and (${sql.join(wheres, sql` or `)}) and ${inPeriod(period)}
        order by 1`.execute(db);
      return r.rows;
    },

    /**
     * The table's rows (one per unit at entry or today's unit, or per province for the nation) of several scopes
     * (a caller's jurisdiction), each row once, ordered by code.
     */
    async counts(
      scopes: readonly AggregateScope[],
      period: { from: string; to: string; fromAt: Date; toAt: Date },
      perspective: AggregatePerspective,
      now: Date,
      marks: ReadonlyMap<string, Date>,
    ): Promise<StatsRowCounts[]> {
      const out = new Map<string, StatsRowCounts>();
      for (const scope of scopes) {
        const [rows, open] = await Promise.all([
          aggregates.breakdown(scope, { from: period.from, to: period.to }, perspective),
          openSplit(scope, period, perspective, now, marks),
        ]);
        for (const r of rows) {
          if (out.has(r.code)) continue;
          const provinceCode = scope.level === 'nation' ? r.code : scope.provinceCode;
          const counts = statsCountsFromAggregates(r, open.get(r.code) ?? { overdue: 0, noDeadline: 0, dueSoon: 0 });
          out.set(r.code, { code: r.code, provinceCode, ...counts });
        }
      }
      return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
  };
}
export type StatsFromAggregatesRepo = ReturnType<typeof createStatsFromAggregatesRepository>;

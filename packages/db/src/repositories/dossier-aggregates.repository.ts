import { type AggregateCounts, aggregateCountKeys } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * Reads of the dossier aggregates (migration 0160: maintained by triggers in each writing transaction) and their
 * recount from the action log. Dashboards read only these tables, never the dossiers, except the open-dossier
 * split which reads its own small table.
 */

/** By the unit at entry ('e', the log's first action) or today's unit ('c', moved by re-homing). */
export type AggregatePerspective = 'entry' | 'current';

export type AggregateRow = AggregateCounts & { code: string; online: number };

export type AggregatePeriod = { from: string; to: string };

const persp = (p: AggregatePerspective) => (p === 'entry' ? 'e' : 'c');

const sums = sql.raw(
  [
    // snake_case aliases: the CamelCasePlugin turns them into the counts' keys
    ...aggregateCountKeys
      .map((k) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`))
      .map((c) => `sum(${c})::float8 as ${c}`),
    `sum(received) filter (where channel = 'online')::float8 as online`,
  ].join(', '),
);

function toRow(r: Record<string, unknown>): AggregateRow {
  const out = { code: String(r.code), online: Number(r.online ?? 0) } as AggregateRow;
  for (const k of aggregateCountKeys) out[k] = Number(r[k] ?? 0);
  return out;
}

export type AggregateScope =
  | { level: 'nation' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; provinceCode: string; unitCode: string };

export function createDossierAggregatesRepository(db: Kysely<DB>) {
  /** Rows of the level below the scope (nation → provinces, province → communes, commune → itself). */
  async function breakdown(
    scope: AggregateScope,
    period: AggregatePeriod,
    perspective: AggregatePerspective,
  ): Promise<AggregateRow[]> {
    const p = persp(perspective);
    const days = sql`day between ${period.from}::date and ${period.to}::date`;
    let q: RawBuilder<Record<string, unknown>>;
    if (scope.level === 'nation') {
      q = sql`select province_code as code, ${sums} from dossier_province_day_totals
        where perspective = ${p} and ${days} group by province_code having sum(received) <> 0 order by province_code`;
    } else if (scope.level === 'province') {
      q = sql`select unit_code as code, ${sums} from dossier_unit_day_totals
        where perspective = ${p} and province_code = ${scope.provinceCode} and ${days}
        group by unit_code having sum(received) <> 0 order by unit_code`;
    } else {
      q = sql`select unit_code as code, ${sums} from dossier_unit_day_totals
        where perspective = ${p} and province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode} and ${days}
        group by unit_code having sum(received) <> 0`;
    }
    return (await q.execute(db)).rows.map(toRow);
  }

  /** Received per day and channel in the scope (the chart). */
  async function daily(
    scope: AggregateScope,
    period: AggregatePeriod,
    perspective: AggregatePerspective,
  ): Promise<Array<{ day: string; channel: string; received: number }>> {
    const p = persp(perspective);
    const days = sql`day between ${period.from}::date and ${period.to}::date`;
    const q =
      scope.level === 'nation'
        ? sql`select to_char(day, 'YYYY-MM-DD') as day, channel, sum(received)::int as received
            from dossier_province_day_totals where perspective = ${p} and ${days} group by 1, 2 order by 1, 2`
        : scope.level === 'province'
          ? sql`select to_char(day, 'YYYY-MM-DD') as day, channel, sum(received)::int as received
              from dossier_province_day_totals where perspective = ${p} and province_code = ${scope.provinceCode}
              and ${days} group by 1, 2 order by 1, 2`
          : sql`select to_char(day, 'YYYY-MM-DD') as day, channel, sum(received)::int as received
              from dossier_unit_day_totals where perspective = ${p} and province_code = ${scope.provinceCode}
              and unit_code = ${scope.unitCode} and ${days} group by 1, 2 order by 1, 2`;
    const r = await (q as RawBuilder<{ day: string; channel: string; received: number }>).execute(db);
    return r.rows.map((x) => ({ day: x.day, channel: x.channel, received: Number(x.received) }));
  }

  /** Per procedure (unit at entry): volume, late, refusals, supplements, processing time against the limit. */
  async function procedures(scope: AggregateScope, period: AggregatePeriod, limit = 20) {
    const where =
      scope.level === 'nation'
        ? sql``
        : scope.level === 'province'
          ? sql`and province_code = ${scope.provinceCode}`
          : sql`and province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode}`;
    const r = await sql<{
      procedureCode: string;
      received: number;
      finishedLate: number;
      refused: number;
      supplementedDossiers: number;
      processingHoursSum: number;
      processedCount: number;
      limitDaysSum: number;
      limitCount: number;
    }>`select procedure_code, sum(received)::int as received, sum(finished_late)::int as finished_late,
        sum(refused)::int as refused, sum(supplemented_dossiers)::int as supplemented_dossiers,
        sum(processing_hours_sum)::float8 as processing_hours_sum, sum(processed_count)::int as processed_count,
        sum(limit_days_sum)::float8 as limit_days_sum, sum(limit_count)::int as limit_count
      from dossier_procedure_day_totals
      where day between ${period.from}::date and ${period.to}::date ${where}
      group by procedure_code order by sum(received) desc, procedure_code limit ${limit}`.execute(db);
    return r.rows.map((x) => ({
      procedureCode: x.procedureCode,
      received: Number(x.received),
      finishedLate: Number(x.finishedLate),
      refused: Number(x.refused),
      supplementedDossiers: Number(x.supplementedDossiers),
      averageProcessingDays:
        Number(x.processedCount) > 0 ? Number(x.processingHoursSum) / Number(x.processedCount) / 24 : null,
      averageLimitDays: Number(x.limitCount) > 0 ? Number(x.limitDaysSum) / Number(x.limitCount) : null,
    }));
  }

  /** Open dossiers with a deadline in the scope (today's unit) per due day, paused apart. */
  async function openDue(scope: AggregateScope): Promise<Array<{ dueDay: string; paused: boolean; count: number }>> {
    const where =
      scope.level === 'nation'
        ? sql`true`
        : scope.level === 'province'
          ? sql`province_code = ${scope.provinceCode}`
          : sql`province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode}`;
    const r = await sql<{ dueDay: string; paused: boolean; count: number }>`
      select to_char(due_day, 'YYYY-MM-DD') as due_day, paused, sum(open_count)::int as count
      from dossier_open_due_totals where ${where} group by 1, 2 having sum(open_count) <> 0`.execute(db);
    return r.rows.map((x) => ({ dueDay: x.dueDay, paused: x.paused, count: Number(x.count) }));
  }

  /** Names of procedures by code (the catalog's current name). */
  async function procedureNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const r = await sql<{ code: string; name: string }>`
      select code, name from procedures where code in (${sql.join(codes)})`.execute(db);
    return new Map(r.rows.map((x) => [x.code, x.name]));
  }

  return {
    breakdown,
    procedureNames,
    daily,
    procedures,
    openDue,

    /** Totals per unit over a period for some units (tests, the recount check). */
    async unitTotals(
      unitCodes: string[],
      perspective: AggregatePerspective,
      period: AggregatePeriod = { from: '1900-01-01', to: '2999-12-31' },
    ): Promise<Map<string, AggregateRow>> {
      if (unitCodes.length === 0) return new Map();
      const r = await sql<Record<string, unknown>>`
        select unit_code as code, ${sums} from dossier_unit_day_totals
        where perspective = ${persp(perspective)} and unit_code in (${sql.join(unitCodes)})
          and day between ${period.from}::date and ${period.to}::date
        group by unit_code having sum(received) <> 0`.execute(db);
      return new Map(r.rows.map((x) => [String(x.code), toRow(x)]));
    },

    /** Rebuild every aggregate from the action log (one transaction; the caller opens it). */
    async recount(): Promise<void> {
      await sql`select dossier_aggregates_recount()`.execute(db);
    },
  };
}
export type DossierAggregatesRepo = ReturnType<typeof createDossierAggregatesRepository>;

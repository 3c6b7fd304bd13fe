import { type AggregateCounts, aggregateCountKeys, splitPeriodForRollUp } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAggregatesRecount } from './dossier-aggregates-recount.repository.js';
import { withoutParallelWorkers } from './without-parallel-workers.js';

/**
 * Reads of the dossier aggregates (migration 0160: maintained by triggers in each writing transaction; 0220: the
 * monthly roll-up and the nation's days; 0305: the week segments) and their recount from the action log. Dashboards
 * read only these tables, never the dossiers. A period is read as its whole months from the month tables, the whole
 * week segments of its partial months from the week tables and at most 6 days at each end from the day tables
 * (core's splitPeriodForRollUp), so any period sums a number of rows bounded by the calendar.
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

type Range = { from: string; to: string };

/** The SQL parts of a period: one over whole months, one per range of whole week segments, one per range of days. */
function periodParts<T>(
  period: AggregatePeriod,
  months: (m: Range) => RawBuilder<T>,
  weeks: (w: Range) => RawBuilder<T>,
  days: (d: Range) => RawBuilder<T>,
): RawBuilder<T>[] {
  const split = splitPeriodForRollUp(period.from, period.to);
  return [...(split.months ? [months(split.months)] : []), ...split.weeks.map(weeks), ...split.days.map(days)];
}

export function createDossierAggregatesRepository(db: Kysely<DB>) {
  /**
   * Rows of the level below the scope (nation → provinces, province → communes, commune → itself). Planned without
   * parallel workers; `parallel: true` is the read as it was before (the bench's comparison).
   */
  async function breakdown(
    scope: AggregateScope,
    period: AggregatePeriod,
    perspective: AggregatePerspective,
    opts: { parallel?: boolean } = {},
  ): Promise<AggregateRow[]> {
    const p = persp(perspective);
    const nation = scope.level === 'nation';
    const code = sql.raw(nation ? 'province_code' : 'unit_code');
    const where =
      scope.level === 'nation'
        ? sql`perspective = ${p}`
        : scope.level === 'province'
          ? sql`perspective = ${p} and province_code = ${scope.provinceCode}`
          : sql`perspective = ${p} and province_code = ${scope.provinceCode} and unit_code = ${scope.unitCode}`;
    const cols = sql.raw(
      ['channel', ...aggregateCountKeys.map((k) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`))].join(', '),
    );
    const parts = periodParts(
      period,
      (months) =>
        sql`select ${code} as code, ${cols} from ${sql.raw(nation ? 'dossier_province_month_totals' : 'dossier_unit_month_totals')}
        where ${where} and month between ${months.from}::date and ${months.to}::date`,
      (weeks) =>
        sql`select ${code} as code, ${cols} from ${sql.raw(nation ? 'dossier_province_week_totals' : 'dossier_unit_week_totals')}
        where ${where} and week between ${weeks.from}::date and ${weeks.to}::date`,
      (days) =>
        sql`select ${code} as code, ${cols} from ${sql.raw(nation ? 'dossier_province_day_totals' : 'dossier_unit_day_totals')}
        where ${where} and day between ${days.from}::date and ${days.to}::date`,
    );
    if (parts.length === 0) return [];
    const q = sql<Record<string, unknown>>`select code, ${sums} from (${sql.join(parts, sql` union all `)}) x
      group by code having sum(received) <> 0 order by code`;
    // a UNION ALL of parts is planned as a Parallel Append whatever 0307 says (see withoutParallelWorkers)
    const r = opts.parallel ? await q.execute(db) : await withoutParallelWorkers(db, (t) => q.execute(t));
    return r.rows.map(toRow);
  }

  /** Received per day and channel in the scope (the chart). */
  async function daily(
    scope: AggregateScope,
    period: AggregatePeriod,
    perspective: AggregatePerspective,
  ): Promise<Array<{ day: string; channel: string; received: number }>> {
    const p = persp(perspective);
    const days = sql`day between ${period.from}::date and ${period.to}::date`;
    // the nation's days from their own table (received by entry day and channel is the same in both perspectives)
    const q =
      scope.level === 'nation'
        ? sql`select to_char(day, 'YYYY-MM-DD') as day, channel, sum(received)::int as received
            from dossier_nation_day_totals where ${days} group by 1, 2 order by 1, 2`
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

  const procedureCols = sql.raw(
    'procedure_code, received, finished_late, refused, supplemented_dossiers, processing_hours_sum, processed_count, limit_days_sum, limit_count',
  );

  /**
   * Per procedure (unit at entry): volume, late, refusals, supplements, processing time against the limit. A commune
   * reads its own days (a few procedures a day); a province its whole months, whole week segments (0305) and the
   * days at the ends (0221); the nation the same grains summed over the provinces (0385: ≈ 270 rows a grain and
   * shard instead of 34 × as many).
   */
  async function procedures(scope: AggregateScope, period: AggregatePeriod, limit = 20) {
    if (scope.level === 'nation') {
      const grain = (g: string, r: Range) =>
        sql`select ${procedureCols} from dossier_procedure_nation_totals
          where grain = ${g} and start between ${r.from}::date and ${r.to}::date`;
      return sumProcedures(
        periodParts(
          period,
          (m) => grain('m', m),
          (w) => grain('w', w),
          (d) => grain('d', d),
        ),
        limit,
      );
    }
    return proceduresOfProvinces(scope, period, limit);
  }

  /** The procedure table from the per-province rows (a province's read; the nation's before 0385, kept to compare). */
  async function proceduresOfProvinces(scope: AggregateScope, period: AggregatePeriod, limit = 20) {
    const cols = procedureCols;
    const parts =
      scope.level === 'commune'
        ? [
            sql`select ${cols} from dossier_procedure_day_totals where province_code = ${scope.provinceCode}
              and unit_code = ${scope.unitCode} and day between ${period.from}::date and ${period.to}::date`,
          ]
        : periodParts(
            period,
            (months) =>
              sql`select ${cols} from dossier_procedure_month_totals where month between ${months.from}::date
                and ${months.to}::date ${scope.level === 'province' ? sql`and province_code = ${scope.provinceCode}` : sql``}`,
            (weeks) =>
              sql`select ${cols} from dossier_procedure_week_totals where week between ${weeks.from}::date
                and ${weeks.to}::date ${scope.level === 'province' ? sql`and province_code = ${scope.provinceCode}` : sql``}`,
            (days) =>
              sql`select ${cols} from dossier_procedure_province_day_totals where day between ${days.from}::date
                and ${days.to}::date ${scope.level === 'province' ? sql`and province_code = ${scope.provinceCode}` : sql``}`,
          );
    return sumProcedures(parts, limit);
  }

  /**
   * The procedures of the parts, busiest first. A procedure whose rows sum to no dossier is left out: rows a write
   * took back to 0 stay until the recount (which writes none), and every other count is of the same dossiers.
   */
  async function sumProcedures(parts: RawBuilder<unknown>[], limit: number) {
    if (parts.length === 0) return [];
    const r = await withoutParallelWorkers(db, (t) =>
      sql<{
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
      from (${sql.join(parts, sql` union all `)}) x
      group by procedure_code having sum(received) <> 0
      order by sum(received) desc, procedure_code limit ${limit}`.execute(t),
    );
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
    proceduresOfProvinces,

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

    ...createAggregatesRecount(db),
  };
}
export type DossierAggregatesRepo = ReturnType<typeof createDossierAggregatesRepository>;

import { vnDate, vnStartOfDay } from '@mot-cua/contracts';
import { splitPeriodByMonths, stepMediansFromHistogram } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { grantInForceDuring } from './in-force.js';
import { atVnTime } from './vn-time-sql.js';
import { withoutParallelWorkers } from './without-parallel-workers.js';

/** Roles that handle dossiers in a unit (the staff a commune's workload is divided by). */
export const STAFF_ROLES = ['reception', 'specialist', 'department_head', 'leader', 'center_director'];

export type WorkloadScope = {
  /** A commune, a province or 'VN'. */
  scope: string;
  fromAt: Date;
  toAt: Date;
  /** Civil days (Vietnam) of the period, both included. */
  from: string;
  to: string;
};

const inScope = (s: string, unit: string, province: string) =>
  s === 'VN' ? sql`true` : sql`(${sql.ref(unit)} = ${s} or ${sql.ref(province)} = ${s})`;

export type UnitLoadRow = { unitCode: string; provinceCode: string; received: number; officials: number; open: number };

/** Whether the period is whole Vietnamese days (the pages' periods): [from 00:00, the day after `to` 00:00). */
function wholeDays(f: WorkloadScope): boolean {
  const toDay = vnDate(f.toAt);
  return (
    vnStartOfDay(f.from).getTime() === f.fromAt.getTime() &&
    vnStartOfDay(toDay).getTime() === f.toAt.getTime() &&
    vnDate(new Date(f.toAt.getTime() - 1)) === f.to
  );
}

/** SQL of workload and staffing (issue 15): received per unit, staff, backlog, time per step, moves. */
/** A per-unit load row with its counts as numbers (PostgreSQL's bigint sums arrive as strings). */
const toUnitLoadRow = (x: UnitLoadRow): UnitLoadRow => ({
  ...x,
  received: Number(x.received),
  officials: Number(x.officials),
  open: Number(x.open),
});

export function createWorkloadRepository(db: Kysely<DB>) {
  const repo = {
    /**
     * Per unit of the scope (the entry unit, as the supervision aggregate): dossiers that entered in the period,
     * officials holding a handling role there at some time in the period, and dossiers still open now. From the
     * aggregates (0160/0220: received by entry unit and day or month; open = in progress, over all its months) and
     * one grouped read of the grants, not the scope's dossiers.
     */
    async unitsLoad(f: WorkloadScope): Promise<UnitLoadRow[]> {
      const split = splitPeriodByMonths(f.from, f.to);
      // the unit rows of the scope: a province's (by the key), or a unit's (by the unit index), or all
      const scoped = (table: string, col: string, range: { from: string; to: string }) => {
        const t = sql.table(table);
        const inRange = sql`${sql.ref(col)} between ${range.from}::date and ${range.to}::date`;
        return f.scope === 'VN'
          ? sql`select unit_code, province_code, received from ${t} where perspective = 'e' and ${inRange}`
          : sql`select unit_code, province_code, received from ${t}
                where perspective = 'e' and province_code = ${f.scope} and ${inRange}
                union all
                select unit_code, province_code, received from ${t}
                where perspective = 'e' and unit_code = ${f.scope} and province_code <> ${f.scope} and ${inRange}`;
      };
      const parts = [
        ...(split.months ? [scoped('dossier_unit_month_totals', 'month', split.months)] : []),
        ...split.days.map((d) => scoped('dossier_unit_day_totals', 'day', d)),
      ];
      if (parts.length === 0) return [];
      const r = await withoutParallelWorkers(db, (t) =>
        sql<UnitLoadRow>`
        with u as (
          select unit_code, province_code, sum(received)::int as received
          from (${sql.join(parts, sql` union all `)}) x group by 1, 2 having sum(received) > 0
        ), staff as (
          select g.unit_code, count(distinct g.user_id)::int as officials from role_grants g
          where g.unit_code in (select unit_code from u) and g.role in (${sql.join(STAFF_ROLES)})
            and ${grantInForceDuring(f.from, f.to, 'g')}
          group by g.unit_code
        ), open as (
          select m.unit_code, sum(m.in_progress)::int as open from dossier_unit_month_totals m
          join u on m.perspective = 'e' and m.province_code = u.province_code and m.unit_code = u.unit_code
          group by m.unit_code
        )
        select u.unit_code, u.province_code, u.received, coalesce(staff.officials, 0) as officials,
          coalesce(open.open, 0) as open
        from u left join staff on staff.unit_code = u.unit_code left join open on open.unit_code = u.unit_code
        order by u.unit_code`.execute(t),
      );
      return r.rows.map(toUnitLoadRow);
    },

    /**
     * Dossiers waiting (entered, not closed) at the end of each day of the period, in the scope: the running sum of
     * entered − closed per day kept by migration 0356 (closed = the projection's `finished_at`, the first result
     * issued, refusal, withdrawal, stop or return, as core's fold sets it), plus everything before the period.
     */
    async backlogByDay(f: WorkloadScope): Promise<Array<{ day: string; open: number }>> {
      const r = await sql<{ day: string; open: number }>`
        with per as (
          select day, sum(entered - closed)::int as d from dossier_backlog_day_totals
          where scope_code = ${f.scope} and day <= ${f.to}::date group by day
        ), days as (
          select d::date as day from generate_series(${f.from}::date, ${f.to}::date, interval '1 day') d
        )
        select to_char(days.day, 'YYYY-MM-DD') as day,
          ((select coalesce(sum(p.d), 0) from per p where p.day < ${f.from}::date)
            + sum(coalesce(per.d, 0)) over (order by days.day))::int as open
        from days left join per on per.day = days.day
        order by days.day`.execute(db);
      return r.rows.map((x) => ({ day: String(x.day), open: Number(x.open) }));
    },

    /** The per-unit load read from the scope's dossiers and log (before session 7; the equality test, the bench). */
    async unitsLoadFromDossiers(f: WorkloadScope): Promise<UnitLoadRow[]> {
      const r = await sql<UnitLoadRow>`
        with e as (
          select e.dossier_id, e.unit_code, e.province_code, e.at
          from dossier_actions e where e.seq = 1 and ${inScope(f.scope, 'e.unit_code', 'e.province_code')}
        ), units as (
          select distinct unit_code, province_code from e
          where e.at >= ${f.fromAt.toISOString()}::timestamptz and e.at < ${f.toAt.toISOString()}::timestamptz
        )
        select u.unit_code, u.province_code,
          (select count(*)::int from e where e.unit_code = u.unit_code
             and e.at >= ${f.fromAt.toISOString()}::timestamptz and e.at < ${f.toAt.toISOString()}::timestamptz) as received,
          (select count(distinct g.user_id)::int from role_grants g
             where g.unit_code = u.unit_code and g.role in (${sql.join(STAFF_ROLES)})
               and ${grantInForceDuring(f.from, f.to, 'g')}) as officials,
          (select count(*)::int from e join dossiers d on d.id = e.dossier_id
             where e.unit_code = u.unit_code
               and d.status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')) as open
        from units u order by u.unit_code`.execute(db);
      return r.rows.map(toUnitLoadRow);
    },

    /** The backlog read from the scope's dossiers (before 0356; the equality test and the bench). */
    async backlogByDayFromDossiers(f: WorkloadScope): Promise<Array<{ day: string; open: number }>> {
      const r = await sql<{ day: string; open: number }>`
        with e as (
          select d.entry_at, d.finished_at
          from dossiers d
          where ${inScope(f.scope, 'd.entry_unit_code', 'd.entry_province_code')}
            and d.entry_at < ${f.toAt.toISOString()}::timestamptz
        ), ev as (
          select e.entry_at as at, 1 as delta from e
          union all
          select e.finished_at, -1 from e where e.finished_at is not null
        ), per as (
          select ${atVnTime(sql`ev.at`)}::date as day, sum(delta)::int as d from ev group by 1
        ), days as (
          select d::date as day from generate_series(${f.from}::date, ${f.to}::date, interval '1 day') d
        )
        select to_char(days.day, 'YYYY-MM-DD') as day,
          ((select coalesce(sum(p.d), 0) from per p where p.day < ${f.from}::date)
            + sum(coalesce(per.d, 0)) over (order by days.day))::int as open
        from days left join per on per.day = days.day
        order by days.day`.execute(db);
      return r.rows.map((x) => ({ day: String(x.day), open: Number(x.open) }));
    },

    /**
     * Median and count of the time each step of the internal process took (hours from the previous hand-over, or
     * from the receipt, to the step's completion), for steps completed in the period by dossiers that entered in the
     * scope. For a period of whole Vietnamese days (the pages'), from the kept histograms (migration 0355: a few
     * hundred rows; the median within 2^(1/16) − 1 ≈ 4.4 % of the exact one, see core's medianFromHistogram); else
     * the exact figures from the recorded durations (stepDurationsExact).
     */
    async stepDurations(f: WorkloadScope): Promise<Array<{ step: number; completed: number; medianHours: number }>> {
      if (!wholeDays(f)) return repo.stepDurationsExact(f);
      return stepMediansFromHistogram(await repo.stepHistogram(f));
    },

    /** The histogram of the scope and period (whole days): whole months from the month rows, the rest by day. */
    async stepHistogram(f: WorkloadScope): Promise<Array<{ step: number; bucket: number; n: number }>> {
      const split = splitPeriodByMonths(f.from, f.to);
      const parts = [
        ...(split.months
          ? [
              sql`select step, bucket, n from dossier_step_hist_months where scope_code = ${f.scope}
                  and month between ${split.months.from}::date and ${split.months.to}::date`,
            ]
          : []),
        ...split.days.map(
          (d) => sql`select step, bucket, n from dossier_step_hist_days where scope_code = ${f.scope}
                  and day between ${d.from}::date and ${d.to}::date`,
        ),
      ];
      if (parts.length === 0) return [];
      const r = await sql<{ step: number; bucket: number; n: number }>`
        select step, bucket, sum(n)::int as n from (${sql.join(parts, sql` union all `)}) h
        group by step, bucket having sum(n) > 0 order by step, bucket`.execute(db);
      return r.rows.map((x) => ({
        step: Number(x.step) === -1 ? 0 : Number(x.step),
        bucket: Number(x.bucket),
        n: Number(x.n),
      }));
    },

    /** The exact medians, sorting every recorded duration of the scope and period (migration 0321). */
    async stepDurationsExact(
      f: Pick<WorkloadScope, 'scope' | 'fromAt' | 'toAt'>,
    ): Promise<Array<{ step: number; completed: number; medianHours: number }>> {
      const from = sql`${f.fromAt.toISOString()}::timestamptz`;
      const to = sql`${f.toAt.toISOString()}::timestamptz`;
      // a unit's rows, then a province's not already counted (the scope is one code, as inScope)
      const rows =
        f.scope === 'VN'
          ? sql`select step, hours from dossier_step_durations where at >= ${from} and at < ${to}`
          : sql`select step, hours from dossier_step_durations
                where entry_unit_code = ${f.scope} and at >= ${from} and at < ${to}
                union all
                select step, hours from dossier_step_durations
                where entry_province_code = ${f.scope} and entry_unit_code <> ${f.scope} and at >= ${from} and at < ${to}`;
      const r = await sql<{ step: number; completed: number; medianHours: number }>`
        select step, count(*)::int as completed, percentile_cont(0.5) within group (order by hours) as median_hours
        from (${rows}) s group by step order by step`.execute(db);
      return r.rows.map((x) => ({
        step: Number(x.step),
        completed: Number(x.completed),
        medianHours: Math.round(Number(x.medianHours) * 100) / 100,
      }));
    },

    /** Officials transferred or seconded into a unit of the scope with effect in the period. */
    async moves(f: WorkloadScope) {
      const r = await sql<{
        userId: string;
        fullName: string;
        unitCode: string;
        kind: string;
        validFrom: string;
        validTo: string | null;
        decisionNumber: string | null;
        fromUnitCode: string | null;
      }>`
        select a.user_id, u.full_name, a.unit_code, a.kind, to_char(a.valid_from, 'YYYY-MM-DD') as valid_from,
               to_char(a.valid_to, 'YYYY-MM-DD') as valid_to, a.decision_number, p.unit_code as from_unit_code
        from assignments a
        join users u on u.id = a.user_id
        left join assignments p on p.id = a.previous_id
        where a.kind in ('transfer', 'secondment')
          and a.valid_from between ${f.from}::date and ${f.to}::date
          and (${f.scope} = 'VN' or a.unit_code = ${f.scope} or exists (
            select 1 from admin_units au where au.code = a.unit_code and au.province_code = ${f.scope}))
        order by a.valid_from, u.full_name`.execute(db);
      return r.rows;
    },

    async readSetting(key: string): Promise<unknown> {
      const r = await sql<{ value: unknown }>`select value from supervision_settings where key = ${key}`.execute(db);
      const v = r.rows[0]?.value;
      return typeof v === 'string' ? JSON.parse(v) : v;
    },

    async writeSetting(key: string, value: unknown, by: string | null, at: Date): Promise<void> {
      await sql`insert into supervision_settings (key, value, updated_at, updated_by)
        values (${key}, ${JSON.stringify(value)}::jsonb, ${at.toISOString()}::timestamptz, ${by})
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`.execute(db);
    },
  };
  return repo;
}
export type WorkloadRepo = ReturnType<typeof createWorkloadRepository>;

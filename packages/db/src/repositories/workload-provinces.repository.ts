import { splitPeriodForRollUp } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { grantInForceDuring } from './in-force.js';
import { withoutParallelWorkers } from './without-parallel-workers.js';
import { STAFF_ROLES, type UnitLoadRow, type WorkloadScope } from './workload.repository.js';

/** A province's load: its rows are the sums of the province (unitCode = provinceCode = the province). */
export type ProvinceLoadRow = UnitLoadRow;

/**
 * Officials holding a handling role at some unit of the province at some time in the period, once each, counted from
 * the grants: a grant's days intersected with the days of the unit's row (its province then) overlap the period.
 * The reference for the kept counts (0400) in the tests and the bench's before-read.
 */
const officialsOfProvincesFromGrants = (f: Pick<WorkloadScope, 'from' | 'to'>) => sql`
  select au.province_code, count(distinct g.user_id)::int as officials
  from role_grants g join admin_units au on au.code = g.unit_code
  where g.role in (${sql.join(STAFF_ROLES)}) and ${grantInForceDuring(f.from, f.to, 'g')}
    and (au.valid_from is null or au.valid_from <= ${f.to}::date) and (au.valid_to is null or au.valid_to >= ${f.from}::date)
    and (au.valid_to is null or au.valid_to >= g.valid_from)
    and (au.valid_from is null or g.valid_to is null or au.valid_from <= g.valid_to)
  group by au.province_code`;

/**
 * The same counts from the kept spans (0400): spans overlapping the period (started by its end − ended before its
 * start, summed from the day totals) less, for officials with several spans in a province, the spans beyond their
 * first. About 34 × (days with a start or an end) rows and the few `multi` spans, whatever the number of grants.
 */
const officialsOfProvinces = (f: Pick<WorkloadScope, 'from' | 'to'>) => sql`
  select e.province_code, (e.n - coalesce(c.extra, 0))::int as officials
  from (
    select province_code, coalesce(sum(starts) filter (where day <= ${f.to}::date), 0)
      - coalesce(sum(ends) filter (where day < ${f.from}::date), 0) as n
    from staff_province_day_totals group by province_code
  ) e left join (
    select province_code, count(*) - count(distinct user_id) as extra from staff_province_spans
    where multi and valid_from <= ${f.to}::date and (valid_to is null or valid_to >= ${f.from}::date)
    group by province_code
  ) c on c.province_code = e.province_code`;

const toRow = (x: ProvinceLoadRow): ProvinceLoadRow => ({
  unitCode: x.provinceCode,
  provinceCode: x.provinceCode,
  received: Number(x.received),
  officials: Number(x.officials),
  open: Number(x.open),
});

/**
 * The nation's workload per province (issue 15, session 8): what a ministry supervisor reads first, drilling into a
 * province for its communes. Received by the unit at entry in the period, from the province totals (0160/0220/0305:
 * whole months, week segments, the days at the ends — 34 provinces × 3 channels × 4 shards a part); open now, from
 * the province month totals over all months; officials with a handling role at a unit of the province in the period.
 * About 5,000 aggregate rows and one grouped read of the grants, where one row per commune read ≈ 170,000.
 */
export function createWorkloadProvincesRepository(db: Kysely<DB>) {
  return {
    /** `staff: 'grants'`: officials counted from the grants, as before 0400 (the bench's comparison). */
    async provincesLoad(f: WorkloadScope, staff: 'kept' | 'grants' = 'kept'): Promise<ProvinceLoadRow[]> {
      const split = splitPeriodForRollUp(f.from, f.to);
      const part = (table: string, col: string, r: { from: string; to: string }) =>
        sql`select province_code, received from ${sql.table(table)}
            where perspective = 'e' and ${sql.ref(col)} between ${r.from}::date and ${r.to}::date`;
      const parts = [
        ...(split.months ? [part('dossier_province_month_totals', 'month', split.months)] : []),
        ...split.weeks.map((w) => part('dossier_province_week_totals', 'week', w)),
        ...split.days.map((d) => part('dossier_province_day_totals', 'day', d)),
      ];
      if (parts.length === 0) return [];
      const r = await withoutParallelWorkers(db, (t) =>
        sql<ProvinceLoadRow>`
        with p as (
          select province_code, sum(received)::int as received
          from (${sql.join(parts, sql` union all `)}) x group by 1 having sum(received) > 0
        ), open as (
          select province_code, sum(in_progress)::int as open from dossier_province_month_totals
          where perspective = 'e' group by 1
        ), staff as (${staff === 'kept' ? officialsOfProvinces(f) : officialsOfProvincesFromGrants(f)})
        select p.province_code, p.received, coalesce(staff.officials, 0) as officials, coalesce(open.open, 0) as open
        from p left join staff on staff.province_code = p.province_code
          left join open on open.province_code = p.province_code
        order by p.province_code`.execute(t),
      );
      return r.rows.map(toRow);
    },

    /** The same rows counted from the dossiers and their logs (the equality test and the bench's before-read). */
    async provincesLoadFromDossiers(f: WorkloadScope): Promise<ProvinceLoadRow[]> {
      const r = await sql<ProvinceLoadRow>`
        with e as (
          select e.dossier_id, e.province_code, e.at from dossier_actions e where e.seq = 1
        ), p as (
          select province_code, count(*)::int as received from e
          where e.at >= ${f.fromAt.toISOString()}::timestamptz and e.at < ${f.toAt.toISOString()}::timestamptz
          group by 1
        ), open as (
          select e.province_code, count(*)::int as open from e join dossiers d on d.id = e.dossier_id
          where d.status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') group by 1
        ), staff as (${officialsOfProvincesFromGrants(f)})
        select p.province_code, p.received, coalesce(staff.officials, 0) as officials, coalesce(open.open, 0) as open
        from p left join staff on staff.province_code = p.province_code
          left join open on open.province_code = p.province_code
        order by p.province_code`.execute(db);
      return r.rows.map(toRow);
    },

    /** Officials per province in the period, kept (0400) or counted from the grants (the reference): non-zero rows. */
    async officialsByProvince(f: Pick<WorkloadScope, 'from' | 'to'>, from: 'kept' | 'grants' = 'kept') {
      const q = from === 'kept' ? officialsOfProvinces(f) : officialsOfProvincesFromGrants(f);
      const r = await sql<{ provinceCode: string; officials: number }>`
        select * from (${q}) s where officials <> 0 order by province_code`.execute(db);
      return r.rows.map((x) => ({ provinceCode: x.provinceCode, officials: Number(x.officials) }));
    },
  };
}
export type WorkloadProvincesRepo = ReturnType<typeof createWorkloadProvincesRepository>;

import { vnDate, vnStartOfDay } from '@mot-cua/contracts';
import { STEP_MEDIAN_RELATIVE_ERROR, stepBucket } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../schema/index.js';
import { createWorkloadRepository } from './workload.repository.js';

/**
 * The aggregates property's checks of what the workload reads (dossier-aggregates.db.test.ts): the step durations
 * kept at each hand-over (0321), their histograms (0355), the per-unit load and backlog (0356, 0357).
 */

/** Whole-day periods the kept workload reads are checked over: a wide one, one cut by the mix, a month. */
export const wholeDayPeriods = (now: Date): Array<[string, string]> => [
  ['2026-03-01', '2026-12-31'],
  ['2026-03-02', vnDate(now)],
  ['2026-04-01', '2026-04-30'],
];

/** The workload's filter for the whole days `from`..`to`: from the start of `from` to the start of the day after `to`. */
const wholeDays = (scope: string, from: string, to: string) => {
  const toAt = vnStartOfDay(vnDate(new Date(vnStartOfDay(to).getTime() + 36 * 3_600_000)));
  return { scope, from, to, fromAt: vnStartOfDay(from), toAt };
};

/** The step durations as the workload read them from the log before 0321 (one row per completed step). */
export async function stepDurationsFromLog(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select concat_ws(' ', a.dossier_id, a.seq, e.unit_code, e.province_code, a.step, a.at,
      round((extract(epoch from (a.at - a.prev_at)) / 3600.0)::numeric, 6)) as row
    from (select x.dossier_id, x.seq, x.type, x.at, (x.data->>'fromStep')::int as step,
            lag(x.at) over (partition by x.dossier_id order by x.seq) as prev_at
          from dossier_actions x where x.type in ('received', 'step_completed')) a
    join dossier_actions e on e.dossier_id = a.dossier_id and e.seq = 1
    where a.type = 'step_completed' and a.prev_at is not null`.execute(db);
  return r.rows.map((x) => x.row).sort();
}
export async function stepDurationsKept(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select concat_ws(' ', dossier_id, seq, entry_unit_code, entry_province_code, step, at, round(hours::numeric, 6))
      as row from dossier_step_durations`.execute(db);
  return r.rows.map((x) => x.row).sort();
}
/** The workload's medians per step as they were read from the log before 0321 (same scope and period rule). */
async function stepMediansFromLog(db: Kysely<DB>, scope: string, fromAt: string, toAt: string) {
  const r = await sql<{ step: number; completed: number; medianHours: number }>`
    with a as (
      select x.dossier_id, x.type, x.at, (x.data->>'fromStep')::int as step,
        lag(x.at) over (partition by x.dossier_id order by x.seq) as prev_at
      from dossier_actions x
      join dossier_actions e on e.dossier_id = x.dossier_id and e.seq = 1
      where x.type in ('received', 'step_completed') and (e.unit_code = ${scope} or e.province_code = ${scope})
    )
    select step, count(*)::int as completed,
      percentile_cont(0.5) within group (order by extract(epoch from (at - prev_at)) / 3600.0) as median_hours
    from a where type = 'step_completed' and prev_at is not null
      and at >= ${fromAt}::timestamptz and at < ${toAt}::timestamptz
    group by step order by step`.execute(db);
  return r.rows.map((x) => ({
    step: Number(x.step),
    completed: Number(x.completed),
    medianHours: Math.round(Number(x.medianHours) * 100) / 100,
  }));
}

/**
 * The workload's medians read from the kept durations are the ones read from the log, for each scope over a period
 * cutting through the mix (to `now`) and a wide one.
 */
export async function stepMediansAgree(db: Kysely<DB>, scopes: string[], now: Date) {
  const workload = createWorkloadRepository(db);
  for (const scope of scopes) {
    for (const [fromAt, toAt] of [
      ['2026-03-01T00:00:00Z', '2026-12-31T00:00:00Z'],
      ['2026-03-02T00:00:00Z', now.toISOString()],
    ] as const) {
      const read = await workload.stepDurations({
        scope,
        fromAt: new Date(fromAt),
        toAt: new Date(toAt),
        from: fromAt.slice(0, 10),
        to: toAt.slice(0, 10),
      });
      expect(read).toEqual(await stepMediansFromLog(db, scope, fromAt, toAt));
    }
  }
}

/**
 * The step histograms (0355) hold, per scope (entry province, entry unit when not the province, 'VN'), day or month,
 * step and bucket, the count of recorded durations (computed here in TS with core's bucket rule), shards summed; and
 * the workload's medians of whole-day periods are within the stated bound of the exact ones, with the same counts.
 */
export async function stepHistogramsAgree(db: Kysely<DB>, scopes: string[], periods: Array<[string, string]>) {
  const durations = await sql<{
    dossierId: string;
    unit: string;
    province: string;
    step: number | null;
    at: Date;
    hours: number;
  }>`select dossier_id, entry_unit_code as unit, entry_province_code as province, step, at, hours
     from dossier_step_durations`.execute(db);
  const want = { day: new Map<string, number>(), month: new Map<string, number>() };
  for (const d of durations.rows) {
    const day = vnDate(new Date(d.at));
    const codes = ['VN', d.province, ...(d.unit !== d.province ? [d.unit] : [])];
    for (const code of codes) {
      for (const [grain, key] of [
        ['day', day],
        ['month', `${day.slice(0, 7)}-01`],
      ] as const) {
        const k = `${code} ${key} ${d.step ?? -1} ${stepBucket(Number(d.hours))}`;
        want[grain].set(k, (want[grain].get(k) ?? 0) + 1);
      }
    }
  }
  for (const [grain, table, col] of [
    ['day', 'dossier_step_hist_days', 'day'],
    ['month', 'dossier_step_hist_months', 'month'],
  ] as const) {
    const r = await sql<{ k: string; n: number }>`
      select concat_ws(' ', scope_code, to_char(${sql.ref(col)}, 'YYYY-MM-DD'), step, bucket) as k, sum(n)::int as n
      from ${sql.table(table)} group by 1 having sum(n) <> 0`.execute(db);
    expect(new Map(r.rows.map((x) => [x.k, Number(x.n)]))).toEqual(want[grain]);
  }
  const workload = createWorkloadRepository(db);
  for (const scope of scopes) {
    for (const [from, to] of periods) {
      const f = wholeDays(scope, from, to);
      const [approx, exact] = [await workload.stepDurations(f), await workload.stepDurationsExact(f)];
      expect(approx.map((x) => [x.step, x.completed])).toEqual(exact.map((x) => [x.step, x.completed]));
      approx.forEach((x, i) => {
        const e = exact[i]!.medianHours;
        // the bucket's bound, one minute below a minute, and both figures' rounding to 0.01 h
        expect(Math.abs(x.medianHours - e)).toBeLessThanOrEqual(e * STEP_MEDIAN_RELATIVE_ERROR + 1 / 60 + 0.01);
      });
    }
  }
}

/** The workload's per-unit load and backlog from the aggregates (0356, 0357) equal the reads from the dossiers. */
export async function workloadAgrees(db: Kysely<DB>, scopes: string[], periods: Array<[string, string]>) {
  const workload = createWorkloadRepository(db);
  for (const scope of scopes) {
    for (const [from, to] of periods) {
      const f = wholeDays(scope, from, to);
      expect(await workload.unitsLoad(f)).toEqual(await workload.unitsLoadFromDossiers(f));
      expect(await workload.backlogByDay(f)).toEqual(await workload.backlogByDayFromDossiers(f));
    }
  }
}

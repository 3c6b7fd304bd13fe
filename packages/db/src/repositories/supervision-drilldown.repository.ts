import type { DossierStatusName as DossierStatus } from '@mot-cua/contracts';
import {
  closedWithoutResult,
  DRILL_BUCKETS,
  type DrillBucket,
  type DrillOfficial,
  finishedStatuses,
  pausedStatuses,
} from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { drillSpan } from './supervision-drilldown-span.js';

export type DrillScope = { unitCode: string; fromAt: Date; toAt: Date; onDate: string; now: Date };
export type DrillCountRow = { bucket: DrillBucket; n: number };
export type DrillPick = { departmentId?: string | null; userId?: string; bucket?: DrillBucket };
export type DrillListItem = {
  id: string;
  code: string | null;
  status: DossierStatus;
  bucket: DrillBucket;
  dueAt: Date | null;
  finishedAt: Date | null;
  entryAt: Date;
  procedureCode: string;
  procedureName: string | null;
  holderName: string | null;
};

const list = (xs: Iterable<string>) => sql.join([...xs].map((x) => sql.lit(x)));
const ms = (col: string) => sql`date_trunc('milliseconds', ${sql.ref(col)})`;
/** A figure as the SQL below answers it: its place in DRILL_BUCKETS (a small integer hashes and sorts cheaply). */
const code = (b: DrillBucket) => sql.lit(DRILL_BUCKETS.indexOf(b));

/**
 * drillBucket (core) in SQL: the dossier's figure at `now` from its status, deadline and finish (instants compared
 * to the millisecond, as the dates read into Node are), as its index in DRILL_BUCKETS.
 */
function bucketOf(now: Date): RawBuilder<number> {
  return sql<number>`case
    when status in (${list(closedWithoutResult)}) then ${code('closed')}
    when status in (${list(finishedStatuses)}) then case
      when due_at is null or finished_at is null then ${code('finished_no_deadline')}
      when ${ms('finished_at')} > ${ms('due_at')} then ${code('finished_late')}
      else ${code('finished_on_time')} end
    when due_at is null or status in (${list(pausedStatuses)}) then ${code('in_progress')}
    when ${now.toISOString()}::timestamptz > ${ms('due_at')} then ${code('overdue')}
    else ${code('in_progress')} end`;
}

/**
 * The commune's dossiers entered in the period with their figure `b` (`d`, inlined where used: the entry index of
 * 0306 read index-only), who handled each — the officials who acted on it (kept in dossier_handlers, 0390, the same
 * range of its entry index, joined by hash) or hold it now — (`h`), and each of those officials with the department
 * of their placement at the commune on the date, the latest begun (`o`). Written so that the planner's estimates stay
 * small: joins of materialized CTEs estimated at millions of rows made PostgreSQL compile the query (JIT), seconds.
 */
const range = (f: DrillScope, t: string) => sql`${sql.ref(`${t}.entry_unit_code`)} = ${f.unitCode}
    and ${sql.ref(`${t}.entry_at`)} >= ${f.fromAt.toISOString()}::timestamptz
    and ${sql.ref(`${t}.entry_at`)} < ${f.toAt.toISOString()}::timestamptz`;

function base(f: DrillScope, listColumns = false) {
  const cols = listColumns ? sql`, code, status, due_at, finished_at, entry_at, procedure_code` : sql``;
  return sql`d as not materialized (
      select id, current_assignee_id, ${bucketOf(f.now)} as b${cols} from dossiers x where ${range(f, 'x')}
    ), h as materialized (
      select d.id as dossier_id, hh.user_id, d.b from d join dossier_handlers hh on hh.dossier_id = d.id
      where ${range(f, 'hh')}
      union all
      select d.id, d.current_assignee_id, d.b from d where d.current_assignee_id is not null and not exists (
        select 1 from dossier_handlers y where y.dossier_id = d.id and y.user_id = d.current_assignee_id)
    ), ${officials(f, 'h')}`;
}

/** `o`: the officials (with a user row) of CTE `from`'s user_id, with the department of their placement on the date. */
function officials(f: DrillScope, from: string) {
  // the users by primary key, one probe each (`offset 0` keeps the planner from a hash join over every user: the
  // estimate of ~200 handlers made it scan the nation's 28 k users, 5–10 ms)
  return sql`o as materialized (
      select u.id as user_id, u.full_name, a.department_id, dep.name as department_name
      from (select distinct user_id from ${sql.table(from)}) hu
      cross join lateral (select uu.id, uu.full_name from users uu where uu.id = hu.user_id offset 0) u
      left join lateral (
        select x.department_id from assignments x
        where x.user_id = u.id and x.unit_code = ${f.unitCode}
          and x.valid_from <= ${f.onDate}::date and (x.valid_to is null or x.valid_to >= ${f.onDate}::date)
        order by x.valid_from desc limit 1
      ) a on true
      left join departments dep on dep.id = a.department_id
    )`;
}

const kept = list(['result_ready', 'returned', 'refused', 'withdrawn', 'stopped']);

/**
 * The period's dossiers as (team, figure, count) — `t`: a team is the sorted set of who handled the dossier (acted
 * on it or holds it). Finished and closed dossiers of the whole VN days come from the kept counts (0410: month rows
 * for whole months, day rows for the other days); open ones (their figure depends on `now`) and those entered in the
 * ragged ends are read live from the entry index with their kept handlers. Then `m` each team's members, `o` those
 * officials, `tm` team → official → department on the date.
 */
function teams(f: DrillScope) {
  const s = drillSpan(f.fromAt, f.toAt);
  const finished = s
    ? sql`select team, bucket::int as b, n from dossier_drill_finished
        where unit_code = ${f.unitCode} and (
          (grain = 'm' and entry_day >= ${s.fromMonth}::date and entry_day < ${s.toMonth}::date)
          or (grain = 'd' and entry_day >= ${s.fromDay}::date and entry_day < ${s.toDay}::date
            and not (entry_day >= ${s.fromMonth}::date and entry_day < ${s.toMonth}::date)))
        union all `
    : sql``;
  const live = s
    ? sql`and (x.status not in (${kept}) or x.entry_at < ${s.fromAt.toISOString()}::timestamptz
        or x.entry_at >= ${s.toAt.toISOString()}::timestamptz)`
    : sql``;
  return sql`t as materialized (
      select team, b, sum(n)::int as n from (
        ${finished}
        select array(select z.u from (select hh.user_id as u from dossier_handlers hh where hh.dossier_id = x.id
            union select x.current_assignee_id where x.current_assignee_id is not null) z order by z.u) as team,
          ${bucketOf(f.now)} as b, 1 as n
        from dossiers x where ${range(f, 'x')} ${live}
      ) a group by team, b having sum(n) <> 0
    ), m as materialized (
      select distinct t.team, u.user_id from t cross join lateral unnest(t.team) as u(user_id)
    ), ${officials(f, 'm')}, tm as materialized (
      select m.team, o.user_id, o.department_id from m join o on o.user_id = m.user_id
    )`;
}

/**
 * The drill-down below a commune (issue 15): counts per figure for the commune, per official who acted on or holds
 * each dossier, and per department of those officials (a dossier once per department), all made in SQL; then one
 * page of the dossiers of one row, by keyset. Reads the commune's dossiers of the period from the entry index
 * (0306, index-only: it carries every column read here) and their handlers from dossier_handlers by the same range.
 */
export function createSupervisionDrilldownRepository(db: Kysely<DB>) {
  return {
    async breakdown(f: DrillScope): Promise<{
      totals: DrillCountRow[];
      unhandled: number;
      officials: Array<DrillOfficial & { counts: DrillCountRow[] }>;
      departments: Array<{ departmentId: string | null; counts: DrillCountRow[] }>;
    }> {
      const r = await sql<{
        kind: 'total' | 'handled' | 'official' | 'department' | 'person';
        key: string | null;
        b: number | null;
        n: number;
        fullName: string | null;
        departmentId: string | null;
        departmentName: string | null;
      }>`
        with ${teams(f)}
        select 'total' as kind, null as key, b, sum(n)::int as n,
          null as full_name, null as department_id, null as department_name from t group by b
        union all
        select 'handled', null, null, coalesce(sum(n), 0)::int, null, null, null from t
        where team in (select team from tm)
        union all
        select 'official', tm.user_id::text, t.b, sum(t.n)::int, null, null, null
        from t join tm on tm.team = t.team group by tm.user_id, t.b
        union all
        select 'department', department_id::text, b, sum(n)::int, null, null, null from (
          select distinct t.team, t.b, t.n, tm.department_id from t join tm on tm.team = t.team
        ) z group by department_id, b
        union all
        select 'person', o.user_id::text, null, 0, o.full_name, o.department_id::text, o.department_name from o`.execute(
        db,
      );
      const totals: DrillCountRow[] = [];
      let handled = 0;
      const byUser = new Map<string, DrillCountRow[]>();
      const byDept = new Map<string | null, DrillCountRow[]>();
      const people: DrillOfficial[] = [];
      const push = <K>(m: Map<K, DrillCountRow[]>, k: K, row: DrillCountRow) => m.set(k, [...(m.get(k) ?? []), row]);
      for (const x of r.rows) {
        const row = { bucket: DRILL_BUCKETS[Number(x.b)] as DrillBucket, n: Number(x.n) };
        if (x.kind === 'total') totals.push(row);
        else if (x.kind === 'handled') handled = row.n;
        else if (x.kind === 'official') push(byUser, x.key as string, row);
        else if (x.kind === 'department') push(byDept, x.key, row);
        else
          people.push({
            userId: x.key as string,
            fullName: x.fullName ?? '',
            departmentId: x.departmentId,
            departmentName: x.departmentName,
          });
      }
      return {
        totals,
        unhandled: totals.reduce((n, t) => n + t.n, 0) - handled,
        officials: people.map((p) => ({ ...p, counts: byUser.get(p.userId) ?? [] })),
        departments: [...byDept].map(([departmentId, counts]) => ({ departmentId, counts })),
      };
    },

    /**
     * The dossiers of one row (an official, or a department — null for officials without one — or the whole
     * commune), optionally of one figure, newest entry first (then id); `after` is the previous page's `next`.
     * `limit` null: every dossier (the files). `total` with `after`: the first page's, answered back without
     * counting the row again (the page then reads only its own rows, newest first from the cursor).
     */
    async dossiers(
      f: DrillScope,
      pick: DrillPick,
      page: { limit: number | null; offset?: number; after?: string | undefined; total?: number | undefined },
    ): Promise<{ total: number; items: DrillListItem[]; next: string | null }> {
      const member =
        pick.userId !== undefined
          ? // an official's: their kept rows by the same range (h, every handler, is not built)
            sql`where (d.current_assignee_id = ${pick.userId} or d.id in (select hh.dossier_id from dossier_handlers hh
              where ${range(f, 'hh')} and hh.user_id = ${pick.userId}))`
          : pick.departmentId !== undefined
            ? sql`where d.id in (select h.dossier_id from h join o on o.user_id = h.user_id
                where ${pick.departmentId === null ? sql`o.department_id is null` : sql`o.department_id = ${pick.departmentId}`})`
            : sql`where true`;
      const bucket = pick.bucket ? sql`and d.b = ${code(pick.bucket)}` : sql``;
      const [afterAt, afterId] = page.after ? page.after.split('_') : [];
      const known = page.after ? page.total : undefined;
      const keyset = page.after
        ? sql`where entry_at < ${afterAt}::timestamptz or (entry_at = ${afterAt}::timestamptz and id > ${afterId}::uuid)`
        : sql``;
      const limit =
        page.limit === null ? sql`` : sql`limit ${page.limit + 1} offset ${page.after ? 0 : (page.offset ?? 0)}`;
      const r = await sql<{
        total: number;
        id: string;
        code: string | null;
        status: string;
        b: number;
        dueAt: Date | null;
        finishedAt: Date | null;
        entryAt: Date;
        cursor: string;
        procedureCode: string;
        procedureName: string | null;
        holderName: string | null;
      }>`
        with ${base(f, true)}, fl as ${known === undefined ? sql`materialized` : sql`not materialized`} (
          select d.* from d ${member} ${bucket}),
        pg as (select * from fl ${keyset} order by entry_at desc, id ${limit})
        select ${known === undefined ? sql`(select count(*)::int from fl)` : sql`${known}::int`} as total, pg.id::text as id, pg.code, pg.status, pg.b, pg.due_at,
          pg.finished_at, pg.entry_at, pg.procedure_code,
          to_char(pg.entry_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || pg.id::text as cursor,
          (select min(p.name) from procedures p where p.code = pg.procedure_code) as procedure_name,
          u.full_name as holder_name
        from (select 1) one left join pg on true
        left join users u on u.id = pg.current_assignee_id
        order by pg.entry_at desc, pg.id`.execute(db);
      const rows = r.rows.filter((x) => x.id !== null);
      const total = Number(r.rows[0]?.total ?? 0);
      const more = page.limit !== null && rows.length > page.limit;
      const shown = more ? rows.slice(0, page.limit as number) : rows;
      return {
        total,
        next: more ? (shown[shown.length - 1]?.cursor ?? null) : null,
        items: shown.map((x) => ({
          id: x.id,
          code: x.code,
          status: x.status as DossierStatus,
          bucket: DRILL_BUCKETS[Number(x.b)] as DrillBucket,
          dueAt: x.dueAt ? new Date(x.dueAt) : null,
          finishedAt: x.finishedAt ? new Date(x.finishedAt) : null,
          entryAt: new Date(x.entryAt),
          procedureCode: x.procedureCode,
          procedureName: x.procedureName,
          holderName: x.holderName,
        })),
      };
    },
  };
}

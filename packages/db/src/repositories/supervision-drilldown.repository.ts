import type { DossierStatusName as DossierStatus } from '@mot-cua/contracts';
import {
  closedWithoutResult,
  type DrillBucket,
  type DrillOfficial,
  finishedStatuses,
  pausedStatuses,
} from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';

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

/**
 * drillBucket (core) in SQL: the dossier's figure at `now` from its status, deadline and finish (instants compared
 * to the millisecond, as the dates read into Node are).
 */
function bucketOf(now: Date): RawBuilder<string> {
  return sql<string>`case
    when status in (${list(closedWithoutResult)}) then 'closed'
    when status in (${list(finishedStatuses)}) then case
      when due_at is null or finished_at is null then 'finished_no_deadline'
      when ${ms('finished_at')} > ${ms('due_at')} then 'finished_late'
      else 'finished_on_time' end
    when due_at is null or status in (${list(pausedStatuses)}) then 'in_progress'
    when ${now.toISOString()}::timestamptz > ${ms('due_at')} then 'overdue'
    else 'in_progress' end`;
}

/**
 * The commune's dossiers entered in the period with their figure (`d`), who handled each — the officials who acted
 * on it (kept in dossier_handlers, migration 0390, one index range) or hold it now (`h`) — and each of those
 * officials with the department of their placement at the commune on the date, the latest begun (`o`).
 */
function base(f: DrillScope, extraColumns = false) {
  const range = sql`entry_unit_code = ${f.unitCode}
    and entry_at >= ${f.fromAt.toISOString()}::timestamptz and entry_at < ${f.toAt.toISOString()}::timestamptz`;
  const cols = extraColumns ? sql`, code, status, due_at, finished_at, entry_at, procedure_code` : sql``;
  return sql`d as materialized (
      select id, current_assignee_id, ${bucketOf(f.now)} as bucket${cols} from dossiers where ${range}
    ), h as materialized (
      select dossier_id, user_id from dossier_handlers where ${range}
      union
      select id, current_assignee_id from d where current_assignee_id is not null
    ), o as materialized (
      select u.id as user_id, u.full_name, a.department_id, dep.name as department_name
      from users u
      left join lateral (
        select x.department_id from assignments x
        where x.user_id = u.id and x.unit_code = ${f.unitCode}
          and x.valid_from <= ${f.onDate}::date and (x.valid_to is null or x.valid_to >= ${f.onDate}::date)
        order by x.valid_from desc limit 1
      ) a on true
      left join departments dep on dep.id = a.department_id
      where u.id in (select distinct user_id from h)
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
        kind: 'total' | 'unhandled' | 'official' | 'department' | 'person';
        key: string | null;
        bucket: DrillBucket | null;
        n: number;
        fullName: string | null;
        departmentId: string | null;
        departmentName: string | null;
      }>`
        with ${base(f)}, hb as materialized (
          select h.dossier_id, h.user_id, d.bucket from h join d on d.id = h.dossier_id
          where h.user_id in (select user_id from o)
        )
        select 'total' as kind, null as key, bucket, count(*)::int as n,
          null as full_name, null as department_id, null as department_name from d group by bucket
        union all
        select 'unhandled', null, null, count(*)::int, null, null, null from d
        where not exists (select 1 from hb where hb.dossier_id = d.id)
        union all
        select 'official', user_id::text, bucket, count(*)::int, null, null, null from hb group by user_id, bucket
        union all
        select 'department', o.department_id::text, hb.bucket, count(distinct hb.dossier_id)::int, null, null, null
        from hb join o on o.user_id = hb.user_id group by o.department_id, hb.bucket
        union all
        select 'person', o.user_id::text, null, 0, o.full_name, o.department_id::text, o.department_name from o`.execute(
        db,
      );
      const totals: DrillCountRow[] = [];
      let unhandled = 0;
      const byUser = new Map<string, DrillCountRow[]>();
      const byDept = new Map<string | null, DrillCountRow[]>();
      const people: DrillOfficial[] = [];
      const push = <K>(m: Map<K, DrillCountRow[]>, k: K, row: DrillCountRow) => m.set(k, [...(m.get(k) ?? []), row]);
      for (const x of r.rows) {
        const row = { bucket: x.bucket as DrillBucket, n: Number(x.n) };
        if (x.kind === 'total') totals.push(row);
        else if (x.kind === 'unhandled') unhandled = row.n;
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
        unhandled,
        officials: people.map((p) => ({ ...p, counts: byUser.get(p.userId) ?? [] })),
        departments: [...byDept].map(([departmentId, counts]) => ({ departmentId, counts })),
      };
    },

    /**
     * The dossiers of one row (an official, or a department — null for officials without one — or the whole
     * commune), optionally of one figure, newest entry first (then id); `after` is the previous page's `next`.
     * `limit` null: every dossier (the files).
     */
    async dossiers(
      f: DrillScope,
      pick: DrillPick,
      page: { limit: number | null; offset?: number; after?: string | undefined },
    ): Promise<{ total: number; items: DrillListItem[]; next: string | null }> {
      const member =
        pick.userId !== undefined
          ? sql`where d.id in (select dossier_id from h where user_id = ${pick.userId})`
          : pick.departmentId !== undefined
            ? sql`where d.id in (select h.dossier_id from h join o on o.user_id = h.user_id
                where ${pick.departmentId === null ? sql`o.department_id is null` : sql`o.department_id = ${pick.departmentId}`})`
            : sql`where true`;
      const bucket = pick.bucket ? sql`and d.bucket = ${pick.bucket}` : sql``;
      const [afterAt, afterId] = page.after ? page.after.split('_') : [];
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
        bucket: DrillBucket;
        dueAt: Date | null;
        finishedAt: Date | null;
        entryAt: Date;
        cursor: string;
        procedureCode: string;
        procedureName: string | null;
        holderName: string | null;
      }>`
        with ${base(f, true)}, fl as materialized (select d.* from d ${member} ${bucket}),
        pg as (select * from fl ${keyset} order by entry_at desc, id ${limit})
        select (select count(*)::int from fl) as total, pg.id::text as id, pg.code, pg.status, pg.bucket, pg.due_at,
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
          bucket: x.bucket,
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

import type { DossierStatusName } from '@mot-cua/contracts';
import type { DrillDossier, DrillOfficial } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { DrillScope } from './supervision-drilldown.repository.js';

/**
 * The reference: the drill-down's read before the kept handlers (0390) — every dossier of the commune entered in the
 * period with the officials who acted on it (its actions) or hold it, then core's breakdown and filter in memory.
 * Kept for the property test (the counts and lists must equal it) and the bench (the same minutes, before/after);
 * not exported from the package.
 */
export async function referenceRead(db: Kysely<DB>, f: DrillScope) {
  const r = await sql<{
    id: string;
    status: string;
    dueAt: Date | null;
    finishedAt: Date | null;
    entryAt: Date;
    holderId: string | null;
    handlers: string[] | null;
  }>`
    select d.id::text as id, d.status, d.due_at, d.finished_at, d.entry_at, d.current_assignee_id::text as holder_id,
      (select array_agg(a.actor_user_id::text) from dossier_actions a
       where a.dossier_id = d.id and a.actor_user_id is not null and a.actor_role <> 'citizen') as handlers
    from dossiers d
    where d.entry_unit_code = ${f.unitCode}
      and d.entry_at >= ${f.fromAt.toISOString()}::timestamptz and d.entry_at < ${f.toAt.toISOString()}::timestamptz
    order by d.entry_at desc, d.id`.execute(db);
  const dossiers: DrillDossier[] = r.rows.map((x) => ({
    id: x.id,
    status: x.status as DossierStatusName,
    dueAt: x.dueAt ? new Date(x.dueAt) : null,
    finishedAt: x.finishedAt ? new Date(x.finishedAt) : null,
    handlers: [...new Set([...(x.handlers ?? []), ...(x.holderId ? [x.holderId] : [])])].sort(),
  }));
  const users = [...new Set(dossiers.flatMap((x) => x.handlers))];
  const o = users.length
    ? await sql<DrillOfficial>`
        select u.id::text as user_id, u.full_name, a.department_id::text as department_id, dep.name as department_name
        from users u
        left join lateral (
          select x.department_id from assignments x
          where x.user_id = u.id and x.unit_code = ${f.unitCode}
            and x.valid_from <= ${f.onDate}::date and (x.valid_to is null or x.valid_to >= ${f.onDate}::date)
          order by x.valid_from desc limit 1
        ) a on true
        left join departments dep on dep.id = a.department_id
        where u.id in (${sql.join(users)})`.execute(db)
    : { rows: [] };
  return { dossiers, officials: o.rows };
}

import type { DossierStatusName as DossierStatus } from '@mot-cua/contracts';
import type { DrillDossier, DrillOfficial } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export type DrillDossierRow = DrillDossier & {
  code: string | null;
  procedureCode: string;
  procedureName: string | null;
  entryAt: Date;
  holderName: string | null;
};

/**
 * The drill-down below a commune (issue 15): the commune's dossiers entered in a period (by the unit at entry, as
 * the dashboards), each with the officials who acted on it or hold it now, and those officials with the department
 * of their placement at the commune. Reads the commune's dossiers directly (one commune is small; measured in
 * docs/benchmarks.md on the province preset): dossiers by `dossiers_entry_unit_idx`, actions by their key, both
 * index-only (migration 0306: the two indexes carry every column read here — keep it so when adding one). The
 * handlers are one aggregate per dossier (a lateral subquery, never flattened into a join; made distinct here, not
 * sorted per dossier in SQL), so each dossier's
 * actions are read by its key: as a join, PGlite's planner (no visibility map after a bulk load) hashed all
 * 3.8 M actions of the province preset to keep 75 k (5.9 s → 3.0 s for a busy commune's five months).
 */
export function createSupervisionDrilldownRepository(db: Kysely<DB>) {
  return {
    async communeDossiers(f: {
      unitCode: string;
      fromAt: Date;
      toAt: Date;
      onDate: string;
    }): Promise<{ dossiers: DrillDossierRow[]; officials: DrillOfficial[] }> {
      const r = await sql<{
        id: string;
        code: string | null;
        status: string;
        dueAt: Date | null;
        finishedAt: Date | null;
        entryAt: Date;
        procedureCode: string;
        procedureName: string | null;
        holderName: string | null;
        holderId: string | null;
        handlers: string[] | null;
      }>`
        with d as (
          select id, code, status, due_at, finished_at, entry_at, procedure_code, current_assignee_id
          from dossiers
          where entry_unit_code = ${f.unitCode}
            and entry_at >= ${f.fromAt.toISOString()}::timestamptz and entry_at < ${f.toAt.toISOString()}::timestamptz
        ), pn as (
          select p.code, min(p.name) as name from procedures p
          where p.code in (select distinct procedure_code from d) group by p.code
        )
        select d.id, d.code, d.status, d.due_at, d.finished_at, d.entry_at, d.procedure_code,
          pn.name as procedure_name, u.full_name as holder_name, d.current_assignee_id::text as holder_id, hs.handlers
        from d
        left join lateral (
          select array_agg(a.actor_user_id::text) as handlers from dossier_actions a
          where a.dossier_id = d.id and a.actor_user_id is not null and a.actor_role <> 'citizen'
        ) hs on true
        left join pn on pn.code = d.procedure_code
        left join users u on u.id = d.current_assignee_id
        order by d.entry_at desc, d.id`.execute(db);
      const dossiers = r.rows.map((x) => ({
        id: x.id,
        code: x.code,
        status: x.status as DossierStatus,
        dueAt: x.dueAt ? new Date(x.dueAt) : null,
        finishedAt: x.finishedAt ? new Date(x.finishedAt) : null,
        entryAt: new Date(x.entryAt),
        procedureCode: x.procedureCode,
        procedureName: x.procedureName,
        holderName: x.holderName,
        // who acted on it or holds it now, each once, in a stable order
        handlers: [...new Set([...(x.handlers ?? []), ...(x.holderId ? [x.holderId] : [])])].sort(),
      }));
      const users = [...new Set(dossiers.flatMap((x) => x.handlers))];
      if (users.length === 0) return { dossiers, officials: [] };
      // Each official's placement at the commune on the date (the latest begun), with its department.
      const o = await sql<{
        userId: string;
        fullName: string;
        departmentId: string | null;
        departmentName: string | null;
      }>`
        select u.id::text as user_id, u.full_name, a.department_id::text as department_id, dep.name as department_name
        from users u
        left join lateral (
          select x.department_id from assignments x
          where x.user_id = u.id and x.unit_code = ${f.unitCode}
            and x.valid_from <= ${f.onDate}::date and (x.valid_to is null or x.valid_to >= ${f.onDate}::date)
          order by x.valid_from desc limit 1
        ) a on true
        left join departments dep on dep.id = a.department_id
        where u.id in (${sql.join(users)})`.execute(db);
      return { dossiers, officials: o.rows };
    },
  };
}

/**
 * The dossier list and the officials' inbox (DossiersRepository.listDossiers' SQL). The scope "received at, handled
 * by or in the province of one of these codes" is read as one branch per column (migration 0300's indexes), each an
 * index range scan in the list's order that stops at the page's end; the branches are merged with UNION (a dossier
 * matching two of them appears once) and the page is cut from the merge. The total counts the branches made
 * disjoint, so no dossier is counted twice, and stops at `countCap` + 1 rows per branch: past the cap the pager says
 * "more than" the cap (`totalCapped`) instead of counting a province's every dossier.
 */
import { NATIONAL_SCOPE } from '@mot-cua/contracts';
import type { DossierStatus } from '@mot-cua/core';
import { type Expression, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import type { DossierRow } from './dossier-rows.js';

export type DossierListFilter = {
  /** Units whose dossiers are visible: received at or handled by one of them (codes or province codes). */
  scopes: string[];
  status?: DossierStatus[];
  open?: boolean;
  assigneeId?: string;
  dueBefore?: Date;
  dueAfter?: Date;
  /** Leave out dossiers whose clock is paused (supplement requested, awaiting payment). */
  runningClock?: boolean;
  /** Only dossiers whose current step has nobody yet. */
  unassigned?: boolean;
  /**
   * Waiting for this official: assigned to them, or at a step nobody holds whose role (as the process snapshot
   * in the receipt action has it) is one of the `stepRoles` of a scope covering the dossier's competent unit
   * (the unit, its province or 'VN'), or new and not yet received when `intake` (reception).
   */
  waitingFor?: { userId: string; scopes: Array<{ unitCode: string; stepRoles: string[] }>; intake: boolean };
  query?: string;
  limit?: number;
  offset?: number;
  /** The total counts up to this many dossiers; more is reported as the cap with `totalCapped` (default 10,000). */
  countCap?: number;
};

/** The pager's total stops here ("hơn 10.000"): counting every dossier of a province is the list's slow part. */
export const DOSSIER_LIST_COUNT_CAP = 10_000;

export type DossierListPage = { rows: DossierRow[]; total: number; totalCapped: boolean };

type Q = SelectQueryBuilder<DB, 'dossiers', object>;

/**
 * Open: not closed. A dossier with its result ready is still open (it waits at the counter) even though its index
 * end time (finishedAt) is set. Written as a literal: the partial indexes of migration 0300 carry the same words.
 */
const OPEN = sql<boolean>`dossiers.status not in ('returned', 'refused', 'withdrawn', 'stopped')`;

/** Every condition of the filter but the scope. */
function filtered(db: Kysely<DB>, f: DossierListFilter): Q {
  let q: Q = db.selectFrom('dossiers');
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.open) q = q.where(OPEN);
  if (f.assigneeId) q = q.where('currentAssigneeId', '=', f.assigneeId);
  if (f.unassigned) q = q.where('currentAssigneeId', 'is', null).where('currentStepOrder', 'is not', null);
  if (f.waitingFor) {
    const w = f.waitingFor;
    // A free step whose role the official may take in the dossier's competent unit (per grant's unit).
    const freeStep = (unitCode: string, roles: string[]) =>
      sql<boolean>`(${unitCode === NATIONAL_SCOPE ? sql`true` : sql`(dossiers.competent_unit_code = ${unitCode} or dossiers.province_code = ${unitCode})`}
        and exists (select 1 from dossier_actions a, jsonb_array_elements(a.data->'steps') s
          where a.dossier_id = dossiers.id and a.type = 'received'
            and (s->>'order')::int = dossiers.current_step_order
            and s->>'role' in (${sql.join(roles)})))`;
    q = q.where((eb) =>
      eb.or([
        eb('currentAssigneeId', '=', w.userId),
        eb.and([
          eb('currentAssigneeId', 'is', null),
          eb('currentStepOrder', 'is not', null),
          eb('status', 'in', ['received', 'processing', 'result_ready']),
          w.scopes.length ? eb.or(w.scopes.map((s) => freeStep(s.unitCode, s.stepRoles))) : sql<boolean>`false`,
        ]),
        ...(w.intake ? [eb('status', '=', 'new')] : []),
      ]),
    );
  }
  if (f.dueBefore) q = q.where('dueAt', '<=', f.dueBefore);
  if (f.dueAfter) q = q.where('dueAt', '>', f.dueAfter);
  if (f.runningClock) q = q.where('status', 'not in', ['supplement_requested', 'awaiting_payment', 'new']);
  const term = f.query?.trim();
  if (term) {
    q = q.where((eb) =>
      eb.or([
        eb('code', 'ilike', `%${term}%`),
        eb(sql`f_unaccent_fold(applicant_name)`, 'like', sql`'%' || f_unaccent_fold(${term}) || '%'`),
        eb('applicantPhone', 'like', `%${term}%`),
      ]),
    );
  }
  return q;
}

/**
 * The scope's branches: by receiving unit, by competent unit where it differs from the receiving one (otherwise
 * the first branch has the dossier), by province. `disjoint` adds what keeps a dossier out of a later branch when
 * an earlier one has it (for the count); the page's merge de-duplicates instead, which keeps each branch on its index.
 */
function branches(q: Q, scopes: string[], disjoint: boolean): Q[] {
  if (scopes.includes(NATIONAL_SCOPE)) return [q];
  const inScopes = (col: string) => sql<boolean>`${sql.ref(`dossiers.${col}`)} in (${sql.join(scopes)})`;
  const not = (e: Expression<boolean>) => sql<boolean>`not (${e})`;
  const receiving = q.where(inScopes('receiving_unit_code'));
  let competent = q
    .where(inScopes('competent_unit_code'))
    .where(sql<boolean>`dossiers.competent_unit_code <> dossiers.receiving_unit_code`);
  let province = q.where(inScopes('province_code'));
  if (disjoint) {
    competent = competent.where(not(inScopes('receiving_unit_code')));
    province = province.where(not(inScopes('receiving_unit_code'))).where(not(inScopes('competent_unit_code')));
  }
  return [receiving, competent, province];
}

export async function listDossierRows(db: Kysely<DB>, f: DossierListFilter): Promise<DossierListPage> {
  if (f.scopes.length === 0) return { rows: [], total: 0, totalCapped: false };
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  const base = filtered(db, f);
  const [key, dir] = f.dueBefore ? (['due_at', 'asc'] as const) : (['submitted_at', 'desc'] as const);
  // Each branch's first offset + limit rows in the list's order: the page of the merge is among them.
  const heads = branches(base, f.scopes, false).map(
    (b) =>
      sql`(${b
        .select(['dossiers.id', sql.ref(`dossiers.${key}`).as('k')])
        .orderBy(sql.ref(`dossiers.${key}`), dir)
        .orderBy('dossiers.id')
        .limit(offset + limit)})`,
  );
  const page = await sql<DossierRow>`select d.* from (${sql.join(heads, sql` union `)}) h
    join dossiers d on d.id = h.id
    order by h.k ${sql.raw(dir)}, h.id limit ${limit} offset ${offset}`.execute(db);
  // Each disjoint branch counted up to cap + 1 rows (an index-only walk that stops there): a sum above the cap
  // is "more than the cap", whatever the branches' exact counts.
  const cap = f.countCap ?? DOSSIER_LIST_COUNT_CAP;
  const counts = branches(base, f.scopes, true).map(
    (b) => sql`(select count(*) from (${b.select(sql.lit(1).as('one')).limit(cap + 1)}) c)`,
  );
  const total = await sql<{ n: number }>`select (${sql.join(counts, sql` + `)})::int as n`.execute(db);
  const n = Number(total.rows[0]?.n ?? 0);
  return { rows: page.rows, total: Math.min(n, cap), totalCapped: n > cap };
}

import { randomUUID } from 'node:crypto';
import type { ActorRole, DossierAction, DossierProjection, DossierRecord, NewDossier } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import { actionRow, dossierRow, projectionRow } from './dossier-rows.js';
import { inForceOn } from './in-force.js';

export { deferIndexes, restoreDeferredIndexes } from './deferred-indexes.repository.js';

/**
 * Bulk writes of generated data (npm run generate): officials per commune, dossiers with their action logs and
 * feedback, written with `COPY … FROM STDIN` (PostgreSQL: pg-copy-streams; PGlite: a blob) in one transaction a
 * batch, the aggregate triggers switched off for it (the generator recounts at the end). The dossier rows are the
 * ones the dossier path writes (dossier-rows.ts) plus what the log's triggers would have copied onto them (entry,
 * supplement count, rating), so reads cannot tell them apart.
 *
 * When the session may (a superuser: PGlite's, the generator's on a development server), a batch's transaction runs
 * with `session_replication_role = replica`, as pg_restore does: no trigger fires at all, neither the aggregates'
 * (which would only return at once, being off) nor the foreign-key checks (one index probe per action for its
 * dossier); the rows come from the master data and the batch itself, and the recount rebuilds every derived table.
 * Without that right the triggers fire and return at once, as before. A large run also defers the secondary indexes
 * of `dossiers` and `dossier_actions` (deferIndexes / restoreDeferredIndexes).
 */
export type GeneratedDossier = {
  dossier: NewDossier & { id: string; submittedAt: Date };
  projection: DossierProjection;
  actions: DossierAction[];
};

/** One official of a commune (a user with a role grant and a permanent assignment in one of its departments). */
export type GeneratedOfficial = {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  provinceCode: string;
  role: Extract<ActorRole, 'reception' | 'specialist' | 'leader' | 'department_head'>;
  departmentId: string | null;
};

/** A feedback (PAKN) item as the feedback feature stores it, in a final or open state. */
export type GeneratedFeedback = {
  id: string;
  code: string;
  token: string;
  kind: 'question' | 'complaint' | 'suggestion' | 'report';
  channel: 'web' | 'hotline' | 'counter' | 'api';
  title: string;
  content: string;
  field: string | null;
  communeCode: string;
  provinceCode: string;
  unitCode: string;
  officialUserId: string | null;
  routedBy: string;
  status: 'received' | 'in_progress' | 'answered';
  receivedAt: Date;
  dueAt: Date | null;
  stepsOnTime: boolean;
  answer: string | null;
  answeredAt: Date | null;
  rating: 'satisfied' | 'neutral' | 'dissatisfied' | null;
  ratedAt: Date | null;
};

const COPY_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (!COPY_SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (m) => (m === '\\' ? '\\\\' : m === '\t' ? '\\t' : m === '\n' ? '\\n' : '\\r'));
}

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** A COPY statement and its data for rows of the same keys (camelCase keys are the snake_case columns). */
export function copyRows(table: string, rows: ReadonlyArray<Record<string, unknown>>): [string, string] | null {
  return copyRowsOfParts(
    table,
    rows.map((r) => [r]),
  );
}

/**
 * The same for rows given as parts (each row the union of its parts, keys in order, the same for every row): the
 * dossiers' rows are three mappings, put side by side here instead of spread into one object (V8 builds a spread
 * object property by property: ≈ 10 µs a row).
 */
function copyRowsOfParts(
  table: string,
  rows: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>,
): [string, string] | null {
  if (rows.length === 0) return null;
  // each column from the last part that has it, as a spread would take it
  const owner = new Map<string, number>();
  for (const [i, part] of rows[0]!.entries()) for (const k of Object.keys(part)) owner.set(k, i);
  const partKeys = rows[0]!.map((part, i) => Object.keys(part).filter((k) => owner.get(k) === i));
  let data = '';
  for (const parts of rows) {
    let line = '';
    for (const [i, keys] of partKeys.entries()) {
      const part = parts[i]!;
      for (const k of keys) line += line === '' ? copyValue(part[k]) : `\t${copyValue(part[k])}`;
    }
    data += `${line}\n`;
  }
  const keys = partKeys.flat();
  return [`COPY ${table} (${keys.map(snake).join(', ')}) FROM STDIN`, data];
}

function dossierCopyRow(g: GeneratedDossier): Array<Record<string, unknown>> {
  const first = g.actions[0];
  let supplements = 0;
  let rating: number | null = null;
  for (const a of g.actions) {
    if (a.type === 'supplement_requested') supplements++;
    if (a.type === 'rated') rating = a.level;
  }
  return [
    dossierRow(g.dossier),
    projectionRow(g.projection),
    {
      entryUnitCode: first?.unitCode ?? null,
      entryProvinceCode: first ? g.dossier.provinceCode : null,
      entryAt: first?.at ?? null,
      supplementCount: supplements,
      ratingLevel: rating,
    },
  ];
}

/** Writes rows with COPY in one transaction, the aggregate triggers off (the caller recounts). */
async function copyInTransaction(database: Database, parts: Array<[string, string] | null>): Promise<void> {
  await database.withRawChannel(async (raw) => {
    await raw.exec('BEGIN');
    try {
      await raw.query(`select set_config('motcua.aggregates_off', 'on', true)`);
      // no trigger at all (foreign-key checks included) when the session may switch them off: see the top
      await raw.query(
        `select set_config('session_replication_role', 'replica', true) where current_setting('is_superuser') = 'on'`,
      );
      for (const part of parts) if (part) await raw.copyFrom(part[0], part[1]);
      await raw.exec('COMMIT');
    } catch (e) {
      await raw.exec('ROLLBACK');
      throw e;
    }
  });
}

export function createGeneratedDossiersRepository(db: Kysely<DB>) {
  return {
    /** Communes in force on a date, optionally of some provinces (codes ordered). */
    async listCommunes(onDate: string, provinceCodes: string[] | null) {
      const r = await sql<{ code: string; provinceCode: string; fullName: string }>`
        select code, province_code, full_name from admin_units
        where level = 'commune' and ${inForceOn(onDate)}
          ${provinceCodes ? sql`and province_code in (${sql.join(provinceCodes)})` : sql``}
        order by code`.execute(db);
      return r.rows;
    },

    /** Procedures a commune handles, with their field and time limit in working days (when the catalog sets one). */
    async listCommuneProcedures() {
      const r = await sql<{ code: string; name: string; field: string; days: number | null }>`
        select code, name, field,
          case when time_limit ->> 'unit' = 'working_days' then (time_limit ->> 'value')::float8 end as days
        from procedures where 'commune' = any(levels) and withdrawn_on is null order by code`.execute(db);
      return r.rows;
    },

    /** Officials an earlier run generated (usernames `gen.<commune>.…`), by commune. */
    async listGeneratedOfficials(unitCodes: readonly string[]): Promise<GeneratedOfficial[]> {
      if (unitCodes.length === 0) return [];
      const r = await sql<GeneratedOfficial>`
        select u.id, u.username, u.full_name, a.unit_code, au.province_code, a.roles ->> 0 as role, a.department_id
        from users u join assignments a on a.user_id = u.id and a.valid_to is null
        join admin_units au on au.code = a.unit_code and au.valid_to is null
        where u.username like 'gen.%' and a.unit_code in (${sql.join([...unitCodes])})
        order by u.username`.execute(db);
      return r.rows;
    },

    /** The commune's office department in force (Decree 150's "Văn phòng"), by commune. */
    async officeDepartments(unitCodes: readonly string[]): Promise<Map<string, string>> {
      if (unitCodes.length === 0) return new Map();
      const r = await sql<{ unitCode: string; id: string }>`
        select distinct on (unit_code) unit_code, id from departments
        where valid_to is null and kind = 'office' and unit_code in (${sql.join([...unitCodes])})
        order by unit_code, created_at`.execute(db);
      return new Map(r.rows.map((x) => [x.unitCode, x.id]));
    },
  };
}

/** New departments (id, unit, name) and officials: users, their role grant and permanent assignment. */
export async function copyGeneratedOfficials(
  database: Database,
  departments: ReadonlyArray<{ id: string; unitCode: string; name: string }>,
  officials: readonly GeneratedOfficial[],
): Promise<void> {
  const grants = officials.map((o) => ({ id: randomUUID(), o }));
  const assignments = officials.map((o) => ({ id: randomUUID(), o }));
  await copyInTransaction(database, [
    copyRows(
      'departments',
      departments.map((d) => ({ id: d.id, unitCode: d.unitCode, kind: 'office', name: d.name })),
    ),
    copyRows(
      'users',
      officials.map((o) => ({ id: o.id, username: o.username, fullName: o.fullName, passwordHash: null })),
    ),
    copyRows(
      'role_grants',
      grants.map(({ id, o }) => ({ id, userId: o.id, role: o.role, unitCode: o.unitCode })),
    ),
    copyRows(
      'assignments',
      assignments.map(({ id, o }) => ({
        id,
        userId: o.id,
        unitCode: o.unitCode,
        departmentId: o.departmentId,
        kind: 'permanent',
        roles: [o.role],
        validFrom: '2025-07-01',
      })),
    ),
    copyRows(
      'assignment_grants',
      assignments.map((a, i) => ({ assignmentId: a.id, grantId: grants[i]!.id })),
    ),
  ]);
}

/** One batch of dossiers (with their logs) and feedback in one transaction, without the per-row aggregate triggers. */
export async function copyGeneratedBatch(
  database: Database,
  batch: readonly GeneratedDossier[],
  feedback: readonly GeneratedFeedback[] = [],
): Promise<void> {
  const actions: Array<Record<string, unknown>> = [];
  for (const g of batch) {
    for (const a of g.actions) actions.push(actionRow(g.dossier as Pick<DossierRecord, 'id' | 'provinceCode'>, a));
  }
  await copyInTransaction(database, [
    copyRowsOfParts('dossiers', batch.map(dossierCopyRow)),
    copyRows('dossier_actions', actions),
    copyRows(
      'feedback_items',
      feedback.map((f) => ({ ...f, contactKeys: [] })),
    ),
  ]);
}

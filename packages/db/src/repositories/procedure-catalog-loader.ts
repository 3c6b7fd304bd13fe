import { createHash } from 'node:crypto';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/** JSON with object keys sorted, so the same record always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const recordHash = (r: CatalogProcedure): string => createHash('sha256').update(canonicalJson(r)).digest('hex');

/** 'YYYY-MM-DD' minus one day. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function chunks<T>(xs: ReadonlyArray<T>, n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export type CatalogLoadResult = {
  skipped: boolean;
  procedures: number;
  created: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
};

/**
 * Load (or update) the catalog idempotently. A checksum already recorded means nothing to do. Otherwise
 * each record is compared with its open version by content hash: new codes get version 1, changed ones a
 * new version valid from `asOf` (the previous version is closed the day before, and kept), and codes of
 * the catalog's agencies that are no longer in it are closed and marked withdrawn. Batched: a few statements per 200 records.
 * Run it inside a transaction.
 */
export async function loadProcedureCatalog(
  db: Kysely<DB>,
  records: ReadonlyArray<CatalogProcedure>,
  opts: { checksum: string; asOf: string },
): Promise<CatalogLoadResult> {
  const done = await db
    .selectFrom('procedureCatalogLoads')
    .select('checksum')
    .where('checksum', '=', opts.checksum)
    .executeTakeFirst();
  if (done) return { skipped: true, procedures: records.length, created: 0, changed: 0, unchanged: 0, withdrawn: 0 };

  // A catalog is authoritative for the agencies (ministries) it contains: a code of one of those agencies
  // that is missing from it is withdrawn; other agencies' procedures are left alone.
  const agencies = [...new Set(records.map((r) => r.agency))];
  const openRows = await db
    .selectFrom('procedureVersions as v')
    .innerJoin('procedures as p', 'p.code', 'v.procedureCode')
    .select(['v.procedureCode', 'v.contentHash', 'p.agency'])
    .where('v.validTo', 'is', null)
    .execute();
  const open = new Map(openRows.map((r) => [r.procedureCode, r.contentHash] as const));
  const openAgency = new Map(openRows.map((r) => [r.procedureCode, r.agency] as const));
  const maxVersion = new Map(
    (
      await db
        .selectFrom('procedureVersions')
        .select(['procedureCode', (eb) => eb.fn.max('version').as('v')])
        .groupBy('procedureCode')
        .execute()
    ).map((r) => [r.procedureCode, Number(r.v)] as const),
  );

  const toWrite: Array<{ r: CatalogProcedure; hash: string; version: number }> = [];
  let created = 0;
  let changed = 0;
  const seen = new Set<string>();
  for (const r of records) {
    seen.add(r.code);
    const hash = recordHash(r);
    const current = open.get(r.code);
    if (current === hash) continue;
    const version = (maxVersion.get(r.code) ?? 0) + 1;
    if (version === 1) created++;
    else changed++;
    toWrite.push({ r, hash, version });
  }
  const gone = [...open.keys()].filter((c) => !seen.has(c) && agencies.includes(openAgency.get(c)!));
  const closeOn = dayBefore(opts.asOf);

  const toClose = [...toWrite.filter((w) => open.has(w.r.code)).map((w) => w.r.code), ...gone];
  for (const part of chunks(toClose, 500)) {
    await db
      .updateTable('procedureVersions')
      .set({ validTo: closeOn })
      .where('procedureCode', 'in', part)
      .where('validTo', 'is', null)
      .execute();
  }
  for (const part of chunks(gone, 500)) {
    await db
      .updateTable('procedures')
      .set({ withdrawnOn: opts.asOf, updatedAt: sql`now()` })
      .where('code', 'in', part)
      .execute();
  }
  for (const part of chunks(toWrite, 200)) {
    await db
      .insertInto('procedures')
      .values(
        part.map(({ r, version }) => ({
          code: r.code,
          name: r.name,
          field: r.field,
          agency: r.agency,
          agencyName: r.agencyName,
          levels: r.levels,
          origin: r.origin,
          onlineServiceLevel: r.onlineServiceLevel,
          timeLimit: r.timeLimit ? JSON.stringify(r.timeLimit) : null,
          currentVersion: version,
          withdrawnOn: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          field: eb.ref('excluded.field'),
          agency: eb.ref('excluded.agency'),
          agencyName: eb.ref('excluded.agencyName'),
          levels: eb.ref('excluded.levels'),
          origin: eb.ref('excluded.origin'),
          onlineServiceLevel: eb.ref('excluded.onlineServiceLevel'),
          timeLimit: eb.ref('excluded.timeLimit'),
          currentVersion: eb.ref('excluded.currentVersion'),
          withdrawnOn: null,
          updatedAt: sql`now()`,
        })),
      )
      .execute();
  }
  for (const part of chunks(toWrite, 100)) {
    await db
      .insertInto('procedureVersions')
      .values(
        part.map(({ r, hash, version }) => ({
          procedureCode: r.code,
          version,
          validFrom: opts.asOf,
          validTo: null,
          decisionNumber: r.decisionNumber,
          contentHash: hash,
          record: JSON.stringify(r),
        })),
      )
      .execute();
  }
  await db
    .insertInto('procedureCatalogLoads')
    .values({
      checksum: opts.checksum,
      procedures: records.length,
      versionsCreated: toWrite.length,
      withdrawn: gone.length,
    })
    .onConflict((oc) => oc.column('checksum').doNothing())
    .execute();
  return {
    skipped: false,
    procedures: records.length,
    created,
    changed,
    unchanged: records.length - toWrite.length,
    withdrawn: gone.length,
  };
}

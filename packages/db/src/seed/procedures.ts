import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';
import type { Database } from '../database.js';
import { loadProcedureCatalog } from '../repositories/procedure-catalog-loader.js';
import type { SeedLog } from './types.js';

/** The shipped catalog (built by scripts/procedures-import.ts). */
export const CATALOG_PATH = fileURLToPath(new URL('../../../../data/procedures/catalog.json', import.meta.url));

/**
 * Real master data of the procedures feature, loaded on every start (idempotent): skipped at once when the
 * catalog file's checksum is already recorded; otherwise new and changed procedures get new versions
 * valid from today, history kept.
 */
export async function loadProceduresMasterData(
  database: Database,
  log: SeedLog,
  opts: { path?: string; asOf?: string } = {},
): Promise<void> {
  const body = readFileSync(opts.path ?? CATALOG_PATH);
  const checksum = createHash('sha256').update(body).digest('hex');
  const loaded = await database.db
    .selectFrom('procedureCatalogLoads')
    .select('checksum')
    .where('checksum', '=', checksum)
    .executeTakeFirst();
  if (loaded) return;
  const records = JSON.parse(body.toString('utf8')) as CatalogProcedure[];
  const started = performance.now();
  const r = await database.db
    .transaction()
    .execute((trx) => loadProcedureCatalog(trx, records, { checksum, asOf: opts.asOf ?? vnToday() }));
  if (!r.skipped)
    log(
      `procedures: ${r.procedures} in catalog, ${r.created} new, ${r.changed} new versions, ${r.withdrawn} withdrawn ` +
        `(${Math.round(performance.now() - started)} ms)`,
    );
}

/** Demo data of the procedures feature for a first start. */
export async function seedProceduresDemo(_database: Database, _log: SeedLog): Promise<void> {}

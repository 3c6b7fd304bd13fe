import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import {
  type Answerer,
  buildSearchIndex,
  createRetrievalAnswerer,
  type SearchIndex,
  warmUpAnswerer,
} from '@mot-cua/core';

/** The shipped catalog (data/procedures/catalog.json), the same file the procedures loader puts in the database. */
export const CATALOG_FILE = fileURLToPath(new URL('../../../../../data/procedures/catalog.json', import.meta.url));

export type SearchEngine = { index: SearchIndex; answerer: Answerer; builtMs: number; source: string };

const cache = new Map<string, { mtimeMs: number; engine: SearchEngine }>();

/**
 * Build the search index once from the catalog file (about 0.3 s for 1,600 records, then a warm-up of about 80
 * questions made from catalog names, core `warmUpAnswerer`) and keep it for the
 * process: every app built in this process (tests build many) shares it while the file is unchanged. The
 * database holds the same records (its loader reads this file), so start-up does not wait for the database,
 * which createApp reaches before migrations and master data run.
 */
export function loadSearchEngine(path: string = CATALOG_FILE): SearchEngine {
  const mtimeMs = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.engine;
  const started = performance.now();
  const records = JSON.parse(readFileSync(path, 'utf8')) as CatalogProcedure[];
  const index = buildSearchIndex(records);
  const answerer = createRetrievalAnswerer(index);
  // The first questions would otherwise pay for compiling the ranking (cold p99 several times the warm one).
  warmUpAnswerer(answerer, records);
  const engine = {
    index,
    answerer,
    builtMs: Math.round(performance.now() - started),
    source: path,
  };
  cache.set(path, { mtimeMs, engine });
  return engine;
}

import type { Database } from './database.js';

const STARTUP_LOCK = 72_025_0702;

/**
 * Run start-up work (master data, demo seed) while holding a cluster-wide advisory lock, so two
 * processes starting against one PostgreSQL server never load the same data twice. PGlite is
 * single-process, so no lock is needed there.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return fn();
  return database.withRawChannel(async (raw) => {
    await raw.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await fn();
    } finally {
      await raw.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  });
}

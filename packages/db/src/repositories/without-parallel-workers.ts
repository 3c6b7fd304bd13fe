import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/** Kysely instances of pools opened with max_parallel_workers_per_gather = 0 for every session (openDatabase). */
export const sessionsWithoutParallelWorkers = new WeakSet<Kysely<DB>>();

/**
 * Runs a read of the aggregates without parallel workers. Migration 0307 set parallel_workers = 0 on the aggregate
 * tables, but a period read as a UNION ALL of its parts (months, week segments, days) is still planned as a Parallel
 * Append over non-partial scans, which that setting does not govern: on the national preset (issue 15, session 8)
 * two workers' start-up on a busy machine took 25–70 ms of a read whose own work was 5 ms. In its own transaction
 * (SET LOCAL ends with it), or in the caller's, the setting restored afterwards.
 */
export async function withoutParallelWorkers<T>(db: Kysely<DB>, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  // a pool whose sessions already have max_parallel_workers_per_gather = 0 (the service's, DB_MAX_PARALLEL_…): as is,
  // without the transaction and its two statements (round trips that cost more than the read on a busy machine)
  if (sessionsWithoutParallelWorkers.has(db)) return fn(db);
  const off = (t: Kysely<DB>) =>
    sql<{ was: string }>`select current_setting('max_parallel_workers_per_gather') as was,
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(t);
  if (!db.isTransaction) {
    return db.transaction().execute(async (trx) => {
      await off(trx);
      return fn(trx);
    });
  }
  const was = (await off(db)).rows[0]?.was ?? '2';
  try {
    return await fn(db);
  } finally {
    await sql`select set_config('max_parallel_workers_per_gather', ${was}, true)`.execute(db);
  }
}

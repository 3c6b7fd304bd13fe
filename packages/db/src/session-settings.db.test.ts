import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { withoutParallelWorkers } from './repositories/without-parallel-workers.js';

// The service's planner settings (DB_JIT, DB_MAX_PARALLEL_WORKERS_PER_GATHER) reach every session of the pool at
// connection; PGlite ignores them.
describe('session settings of a pool', () => {
  it('are in force on every connection, and withoutParallelWorkers runs the read as is on such a pool', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const database = await openDatabase(
      url
        ? { databaseUrl: url, poolSize: 3, sessionSettings: { jit: 'off', max_parallel_workers_per_gather: '0' } }
        : { dataDir: 'memory://', sessionSettings: { jit: 'off', max_parallel_workers_per_gather: '0' } },
    );
    try {
      const read = () =>
        sql<{ jit: string; workers: string; tx: boolean }>`select current_setting('jit') as jit,
          current_setting('max_parallel_workers_per_gather') as workers,
          now() <> statement_timestamp() as tx`.execute(database.db);
      if (!url) {
        expect((await read()).rows[0]?.workers).toBeDefined();
        return;
      }
      const rows = (await Promise.all([read(), read(), read()])).map((r) => r.rows[0]);
      for (const r of rows) expect([r?.jit, r?.workers]).toEqual(['off', '0']);
      const inside = await withoutParallelWorkers(database.db, () => read());
      expect(inside.rows[0]?.workers).toBe('0');
    } finally {
      await database.close();
    }
  });
});

import { createTestDb, uniqueSuffix } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createPlannerStatisticsRepository, refreshPlannerStatistics } from './planner-statistics.repository.js';

let database: Database;
const table = `planner_probe_${uniqueSuffix()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}`;

beforeAll(async () => {
  database = await createTestDb();
  await sql`create table ${sql.table(table)} (id int primary key, unit text not null)`.execute(database.db);
});
afterAll(async () => {
  await sql`drop table if exists ${sql.table(table)}`.execute(database.db);
  await database.close();
});

const insert = (from: number, n: number) =>
  sql`insert into ${sql.table(table)} select g, 'u' || (g % 7) from generate_series(${from}::int, ${from + n - 1}::int) g`.execute(
    database.db,
  );

/** The change counters reach the shared statistics within about a second of a transaction's end. */
async function eventuallyStale(expected: boolean): Promise<boolean> {
  const repo = createPlannerStatisticsRepository(database.db);
  let stale = false;
  for (let i = 0; i < 50; i++) {
    stale = (await repo.staleTables()).some((t) => t.table === table);
    if (stale === expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return stale;
}

/**
 * The change counters a backend keeps for itself reach the shared statistics later (at most about a second, at
 * the next idle moment). An ANALYZE that runs before they arrive is followed by changes it already counted, so
 * wait until the shared counter shows at least `atLeast` changes before acting on it.
 */
async function changesReported(atLeast: number): Promise<number> {
  let changed = -1;
  for (let i = 0; i < 100; i++) {
    const r = await sql<{ changed: number }>`
      select coalesce((select n_mod_since_analyze::int from pg_stat_user_tables where relname = ${table}), 0) as changed`.execute(
      database.db,
    );
    changed = r.rows[0]!.changed;
    if (changed >= atLeast) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return changed;
}

describe('planner statistics (the embedded database has no autovacuum)', () => {
  it('analyzes a table that holds rows and was never analyzed, then leaves it until enough of it changes', async () => {
    await insert(1, 1000);
    expect(await changesReported(1000)).toBe(1000);
    expect(await eventuallyStale(true)).toBe(true);
    const statsBefore = await sql<{ n: number }>`
      select count(*)::int as n from pg_stats where tablename = ${table}`.execute(database.db);
    expect(statsBefore.rows[0]!.n).toBe(0);

    const r = await refreshPlannerStatistics(database.db);
    expect(r.tables).toContain(table);
    const after = await sql<{ n: number; rows: number }>`
      select (select count(*)::int from pg_stats where tablename = ${table}) as n,
        (select reltuples::int from pg_class where relname = ${table}) as rows`.execute(database.db);
    expect(after.rows[0]).toEqual({ n: 2, rows: 1000 });
    expect(await eventuallyStale(false)).toBe(false);

    // autovacuum's rule: 50 + 10 % of 1,000 rows = 150 changes; 120 are not enough, 60 more are
    await insert(1001, 120);
    expect(await changesReported(120)).toBe(120);
    expect(await eventuallyStale(false)).toBe(false);
    await insert(1121, 60);
    expect(await changesReported(180)).toBe(180);
    expect(await eventuallyStale(true)).toBe(true);
    expect((await refreshPlannerStatistics(database.db)).tables).toContain(table);
    const rows = await sql<{
      rows: number;
    }>`select reltuples::int as rows from pg_class where relname = ${table}`.execute(database.db);
    expect(rows.rows[0]!.rows).toBe(1180);
  });
});

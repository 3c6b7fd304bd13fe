import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import { PREPARED } from './prepared-statements.js';

// One connection, so the statements below all meet the same server session.
let database: Database;
beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  database = await openDatabase(url ? { databaseUrl: url, poolSize: 1 } : { dataDir: 'memory://' });
});
afterAll(async () => {
  await database.close();
});

const marked = (n: number) =>
  sql<{ x: number; t: string }>`${sql.raw(PREPARED)}select ${n}::int + 1 as x, ${`v${n}`}::text as t`;

describe('statements marked PREPARED', () => {
  it('answer with their own parameters every time, on both engines', async () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 40]) {
      const r = await marked(n).execute(database.db);
      expect(r.rows).toEqual([{ x: n + 1, t: `v${n}` }]);
    }
  });

  it('are prepared once per connection on PostgreSQL (named by their text); other statements are not named', async () => {
    if (database.kind !== 'postgres') return; // PGlite: the marker is a comment
    await marked(8).execute(database.db);
    await sql`select ${1}::int as unmarked`.execute(database.db);
    const r = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db);
    expect(r.rows.map((p) => p.statement)).toEqual([`${PREPARED}select $1::int + 1 as x, $2::text as t`]);
  });
});

import { type Database, migrate, openDatabase } from '@mot-cua/db';

/**
 * A migrated database for one test file: an in-memory PGlite by default, or the PostgreSQL server
 * named by TEST_DATABASE_URL. On PostgreSQL test files share one database, so each test isolates
 * itself with its own admin unit / usernames (see factories.uniqueSuffix) instead of truncating.
 */
export async function createTestDb(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { dataDir: 'memory://' });
  await migrate(database);
  return database;
}

export const testDatabaseKind = (): 'pglite' | 'postgres' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

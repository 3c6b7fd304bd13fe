import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A brand-new database on the PostgreSQL server of `url`, for tests that change global state (master data,
 * national schedules, unit merges) and so cannot share the suite's database. Dropped by `drop()`.
 */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(url);
  const name = `${base.pathname.slice(1) || 'motcua'}_scratch_${randomBytes(4).toString('hex')}`.slice(0, 63);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

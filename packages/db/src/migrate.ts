import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawChannel } from './database.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
const LOCK_KEY = 72_025_0701; // any constant: one advisory lock for all migrators of this schema

export type Migration = { version: string; name: string; sql: string; checksum: string };
export type MigrationStatus = { applied: number; pending: number };

/** Read NNNN_verb-noun.sql files in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const [version, name] = [file.slice(0, 4), file.slice(5, -4)];
      return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

async function ensureTable(raw: RawChannel) {
  await raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/**
 * Apply pending migrations, each in its own transaction, under an advisory lock so that two
 * processes never migrate at once. Refuses to run when an applied file was edited (forward-only).
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.withRawChannel(async (raw) => {
    await raw.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await ensureTable(raw);
      const applied = new Map(
        (await raw.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map(
          (r) => [r.version, r.checksum],
        ),
      );
      const done: string[] = [];
      for (const m of migrations) {
        const sum = applied.get(m.version);
        if (sum !== undefined) {
          if (sum !== m.checksum) {
            throw new Error(
              `Migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`,
            );
          }
          continue;
        }
        await raw.exec('BEGIN');
        try {
          await raw.exec(m.sql);
          await raw.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
          await raw.exec('COMMIT');
        } catch (e) {
          await raw.exec('ROLLBACK');
          throw new Error(`Migration ${m.version}_${m.name} failed: ${(e as Error).message}`, { cause: e });
        }
        done.push(`${m.version}_${m.name}`);
      }
      return done;
    } finally {
      await raw.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

export async function migrationStatus(database: Database, migrations = readMigrations()): Promise<MigrationStatus> {
  return database.withRawChannel(async (raw) => {
    const exists = await raw.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (!exists[0]?.t) return { applied: 0, pending: migrations.length };
    const rows = await raw.query<{ version: string }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    return { applied: applied.size, pending: migrations.filter((m) => !applied.has(m.version)).length };
  });
}

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * Keys already read, per database handle. A key is written once and never changed (no statement updates or deletes
 * `app_secrets`), so a process may keep what it read: a receipt that signs an unsubscribe link no longer reads it.
 */
const known = new WeakMap<object, Map<string, string>>();

/**
 * Keys the application makes for itself (random, 32 bytes, hex), shared by every process on the database: the
 * first caller creates one, concurrent first callers agree on the row that won.
 */
export function createAppSecretsRepository(db: Kysely<DB>) {
  // A transaction's handle is a new object per transaction: key the cache by the database it runs on.
  const root = (db as unknown as { getExecutor?: () => { adapter?: object } }).getExecutor?.().adapter ?? db;
  const cache = known.get(root) ?? new Map<string, string>();
  known.set(root, cache);
  return {
    async get(name: string): Promise<string> {
      const cached = cache.get(name);
      if (cached !== undefined) return cached;
      const found = await db.selectFrom('appSecrets').select('value').where('name', '=', name).executeTakeFirst();
      // Only a key found already written is kept: one this call creates inside a transaction could still roll back.
      if (found) {
        cache.set(name, found.value);
        return found.value;
      }
      return create(name);
    },
  };

  async function create(name: string): Promise<string> {
    {
      await db
        .insertInto('appSecrets')
        .values({ name, value: randomBytes(32).toString('hex') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('appSecrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    }
  }
}

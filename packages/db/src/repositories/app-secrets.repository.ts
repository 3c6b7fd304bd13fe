import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * Keys the application makes for itself (random, 32 bytes, hex), shared by every process on the database: the
 * first caller creates one, concurrent first callers agree on the row that won.
 */
export function createAppSecretsRepository(db: Kysely<DB>) {
  return {
    async get(name: string): Promise<string> {
      const found = await db.selectFrom('appSecrets').select('value').where('name', '=', name).executeTakeFirst();
      if (found) return found.value;
      await db
        .insertInto('appSecrets')
        .values({ name, value: randomBytes(32).toString('hex') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('appSecrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

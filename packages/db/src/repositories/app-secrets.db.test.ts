import { randomUUID } from 'node:crypto';
import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createAppSecretsRepository } from './app-secrets.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

const stored = async (name: string) =>
  (await sql<{ value: string }>`select value from app_secrets where name = ${name}`.execute(database.db)).rows.map(
    (r) => r.value,
  );

describe('application keys', () => {
  it('creates a 32-byte key once; concurrent first callers agree on the row that won', async () => {
    const name = `test-${randomUUID()}`;
    const got = await Promise.all(Array.from({ length: 6 }, () => createAppSecretsRepository(database.db).get(name)));
    expect(new Set(got).size).toBe(1);
    expect(got[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await stored(name)).toEqual([got[0]]);
  });

  it('keeps a key read once, also for transactions on the same database', async () => {
    const name = `test-${randomUUID()}`;
    const first = await createAppSecretsRepository(database.db).get(name);
    const inTx = await database.db.transaction().execute((tx) => createAppSecretsRepository(tx).get(name));
    expect(inTx).toBe(first);
  });

  it('does not keep a key created in a transaction that rolls back: the next caller gets the committed one', async () => {
    const name = `test-${randomUUID()}`;
    let lost = '';
    await expect(
      database.db.transaction().execute(async (tx) => {
        lost = await createAppSecretsRepository(tx).get(name);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(lost).toMatch(/^[0-9a-f]{64}$/);
    expect(await stored(name)).toEqual([]);
    const kept = await createAppSecretsRepository(database.db).get(name);
    expect(kept).not.toBe(lost);
    expect(await stored(name)).toEqual([kept]);
  });
});

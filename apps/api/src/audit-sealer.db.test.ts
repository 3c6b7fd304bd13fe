import { createAuditRepository, type Database, verifyAuditChain } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuditSealer } from './audit-sealer.js';

describe('the audit sealer of the running product', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(async () => {
    await database.close();
  });

  it('links rows into the chain shortly after their commit, and seals the rest when stopped', async () => {
    const run = `s${Date.now().toString(36)}`;
    // Other test files write audit rows into the shared PostgreSQL database meanwhile: look at this test's rows.
    const unsealed = async () =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM audit_events
            WHERE entity_id LIKE ${`${run}-%`} AND chain_seq IS NULL`.execute(database.db)
        ).rows[0]!.n,
      );
    const errors: unknown[] = [];
    const sealer = startAuditSealer(database, { error: (o) => errors.push(o) }, 50);
    const write = (i: number) =>
      database.db.transaction().execute((trx) =>
        createAuditRepository(trx).recordAudit({
          actorUserId: null,
          action: 'dossier.view',
          entityType: 'dossier',
          entityId: `${run}-${i}`,
          data: { i },
        }),
      );
    for (let i = 0; i < 5; i++) await write(i);
    await expect.poll(unsealed, { timeout: 10_000 }).toBe(0);
    await write(99);
    await sealer.stop();
    expect(await unsealed()).toBe(0);
    const r = await verifyAuditChain(database.db);
    expect(r.firstBroken).toBeNull();
    expect(r.rows).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
  });
});

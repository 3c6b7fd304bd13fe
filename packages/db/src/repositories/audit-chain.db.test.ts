import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createAuditRepository } from './audit.repository.js';
import { sealAuditTrail, verifyAuditChain } from './audit-chain.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

/** This run's rows: the PostgreSQL test database is shared by files and kept between runs. */
const RUN = `e${Date.now().toString(36)}`;
const record = (i: number) =>
  database.db.transaction().execute((trx) =>
    createAuditRepository(trx).recordAudit({
      actorUserId: null,
      action: 'test.chain',
      entityType: 'test',
      entityId: `${RUN}-${i}`,
      data: { i, name: 'Nguyễn Văn Ánh' },
    }),
  );

async function refusal(statement: string): Promise<string> {
  try {
    await sql.raw(statement).execute(database.db);
    return 'allowed';
  } catch (e) {
    return String((e as Error).message);
  }
}

describe('audit trail: append-only and hash-chained (issue 16)', () => {
  it('rows written concurrently are sealed by concurrent sealers into one unbroken chain', async () => {
    // On PostgreSQL other test files write (and seal) at the same time: count only this test's rows.
    const mine = async () =>
      (
        await sql<{ sealed: string; unsealed: string }>`
          SELECT count(chain_seq) AS sealed, count(*) - count(chain_seq) AS unsealed
          FROM audit_events WHERE action = 'test.chain' AND entity_id LIKE ${`${RUN}-%`}`.execute(database.db)
      ).rows[0]!;
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(i)));
    const before = await verifyAuditChain(database.db, { batchSize: 7 });
    expect(before.firstBroken).toBeNull();
    expect(before.unsealed).toBeGreaterThanOrEqual(0);
    // Writers and sealers interleaved: every row ends up in the chain exactly once.
    await Promise.all([
      sealAuditTrail(database.db, { batch: 3 }),
      ...Array.from({ length: 10 }, (_, i) => record(200 + i)),
      sealAuditTrail(database.db, { batch: 4 }),
    ]);
    await sealAuditTrail(database.db);
    const m = await mine();
    expect([Number(m.sealed), Number(m.unsealed)]).toEqual([30, 0]);
    const r = await verifyAuditChain(database.db, { batchSize: 7 });
    expect(r.firstBroken).toBeNull();
    expect(r.rows).toBeGreaterThanOrEqual(30);
  });

  it('the only update allowed is sealing an unsealed row, and it may change nothing else', async () => {
    await record(300);
    const id = (
      await sql<{ id: string }>`SELECT id FROM audit_events WHERE entity_id = ${`${RUN}-300`}`.execute(database.db)
    ).rows[0]!.id;
    const forge = `UPDATE audit_events SET chain_seq = 999999, prev_hash = '\\x00', row_hash = '\\x00'`;
    expect(await refusal(`${forge}, action = 'x' WHERE id = ${id}`)).toMatch(/append-only/);
    await sealAuditTrail(database.db);
    expect(await refusal(`${forge} WHERE id = ${id}`)).toMatch(/append-only/);
    expect((await verifyAuditChain(database.db)).firstBroken).toBeNull();
  });

  it('UPDATE, DELETE and TRUNCATE are refused', async () => {
    expect(await refusal(`UPDATE audit_events SET action = 'x'`)).toMatch(/append-only/);
    expect(await refusal(`DELETE FROM audit_events`)).toMatch(/append-only/);
    expect(await refusal(`TRUNCATE audit_events`)).toMatch(/append-only/);
    expect(await refusal(`DELETE FROM audit_chain_head`)).toMatch(/cannot be deleted/);
  });

  it('a row altered behind the triggers’ back is reported as the first broken link', async () => {
    await record(100);
    await sealAuditTrail(database.db);
    const target = await sql<{ chainSeq: string; id: string; data: unknown }>`
      SELECT chain_seq, id, data FROM audit_events WHERE entity_id = ${`${RUN}-100`}`.execute(database.db);
    const row = target.rows[0]!;
    const tamper = async (data: string) => {
      await sql.raw('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update').execute(database.db);
      await sql`UPDATE audit_events SET data = ${data}::jsonb WHERE id = ${row.id}`.execute(database.db);
      await sql.raw('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update').execute(database.db);
    };
    await tamper('{"i": 100, "name": "someone else"}');
    try {
      const r = await verifyAuditChain(database.db);
      expect(r.firstBroken).toEqual({ chainSeq: Number(row.chainSeq), id: Number(row.id), reason: 'hash_mismatch' });
    } finally {
      await tamper(JSON.stringify(row.data));
    }
    expect((await verifyAuditChain(database.db)).firstBroken).toBeNull();
  });
});

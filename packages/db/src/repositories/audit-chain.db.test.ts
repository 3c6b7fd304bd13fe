import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createAuditRepository } from './audit.repository.js';
import { verifyAuditChain } from './audit-chain.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

const record = (i: number) =>
  database.db.transaction().execute((trx) =>
    createAuditRepository(trx).recordAudit({
      actorUserId: null,
      action: 'test.chain',
      entityType: 'test',
      entityId: `e-${i}`,
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
  it('rows written concurrently form one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(i)));
    const r = await verifyAuditChain(database.db, { batchSize: 7 });
    expect(r.firstBroken).toBeNull();
    expect(r.rows).toBeGreaterThanOrEqual(20);
  });

  it('UPDATE, DELETE and TRUNCATE are refused', async () => {
    expect(await refusal(`UPDATE audit_events SET action = 'x'`)).toMatch(/append-only/);
    expect(await refusal(`DELETE FROM audit_events`)).toMatch(/append-only/);
    expect(await refusal(`TRUNCATE audit_events`)).toMatch(/append-only/);
    expect(await refusal(`DELETE FROM audit_chain_head`)).toMatch(/cannot be deleted/);
  });

  it('a row altered behind the triggers’ back is reported as the first broken link', async () => {
    await record(100);
    const target = await sql<{ chainSeq: string; id: string; data: unknown }>`
      SELECT chain_seq, id, data FROM audit_events WHERE entity_id = 'e-100'`.execute(database.db);
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

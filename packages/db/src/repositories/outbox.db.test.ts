import { randomUUID } from 'node:crypto';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createOutboxRepository } from './outbox.repository.js';

let database: Database;
// A minute after the rows are written (set once the database is ready: migrations may take long on a busy machine).
let t0: Date;
beforeAll(async () => {
  database = await createTestDb();
  t0 = new Date(Date.now() + 60_000);
});
afterAll(async () => {
  await database.close();
});

const at = (ms: number) => new Date(t0.getTime() + ms);

async function enqueue(provinceCode: string, dossierId: string, seq: number, extra: Record<string, unknown> = {}) {
  await database.db
    .insertInto('outboxMessages')
    .values({
      provinceCode,
      topic: 'dvcqg.dossier_status',
      aggregateType: 'dossier',
      aggregateId: dossierId,
      idempotencyKey: `dossier:${dossierId}:${seq}`,
      payload: JSON.stringify({ MaHoSo: dossierId, TrangThaiHoSo: seq, ...extra }),
    })
    .execute();
}

describe('outbox delivery state', () => {
  it('claims one row per dossier, in order, and never a row leased to another dispatcher', async () => {
    const { provinceCode } = testUnit();
    const repo = createOutboxRepository(database.db);
    const [a, b] = [randomUUID(), randomUUID()];
    for (const seq of [1, 2, 3]) await enqueue(provinceCode, a, seq);
    await enqueue(provinceCode, b, 1);
    const scope = { provinceCodes: [provinceCode] };

    const first = await repo.claimDeliverable({ ...scope, now: t0, leaseUntil: at(30_000), owner: 'd1', limit: 10 });
    expect(first.map((r) => r.idempotencyKey)).toEqual([`dossier:${a}:1`, `dossier:${b}:1`]);
    expect(first.every((r) => r.attempts === 1)).toBe(true);
    // A second dispatcher finds nothing: the heads are leased, the rest wait behind them.
    expect(await repo.claimDeliverable({ ...scope, now: t0, leaseUntil: at(30_000), owner: 'd2', limit: 10 })).toEqual(
      [],
    );

    await repo.markDelivered({ id: first[0]!.id, now: t0, receiptId: 'R1', response: '200' });
    const second = await repo.claimDeliverable({ ...scope, now: t0, leaseUntil: at(30_000), owner: 'd2', limit: 10 });
    expect(second.map((r) => r.idempotencyKey)).toEqual([`dossier:${a}:2`]);

    // d2 crashes: after its lease expires, d1 takes the row over (attempt 2).
    const taken = await repo.claimDeliverable({
      ...scope,
      now: at(30_000),
      leaseUntil: at(60_000),
      owner: 'd1',
      limit: 10,
    });
    expect(taken.map((r) => [r.idempotencyKey, r.attempts])).toEqual([
      [`dossier:${a}:2`, 2],
      [`dossier:${b}:1`, 2],
    ]);
    // The late answer of d2's attempt may not reschedule what d1 now holds.
    await repo.markRetry({ id: second[0]!.id, owner: 'd2', at: at(999_000), error: 'late', response: null });
    const row = await database.db
      .selectFrom('outboxMessages')
      .selectAll()
      .where('id', '=', second[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row.leasedBy).toBe('d1');
  });

  it('a dead letter holds back the later rows of its dossier until it is re-sent', async () => {
    const { provinceCode } = testUnit();
    const repo = createOutboxRepository(database.db);
    const a = randomUUID();
    for (const seq of [1, 2]) await enqueue(provinceCode, a, seq);
    const scope = { provinceCodes: [provinceCode] };
    const [head] = await repo.claimDeliverable({ ...scope, now: t0, leaseUntil: at(1000), owner: 'd', limit: 5 });
    await repo.markDead({
      id: head!.id,
      owner: 'd',
      now: t0,
      reason: 'rejected by the portal (422)',
      response: '422 {}',
    });
    expect(
      await repo.claimDeliverable({ ...scope, now: at(5000), leaseUntil: at(9000), owner: 'd', limit: 5 }),
    ).toEqual([]);
    const dead = (await repo.listDeadLetters({ limit: 1000 })).filter((r) => r.provinceCode === provinceCode);
    expect(dead).toMatchObject([{ id: head!.id, deadReason: 'rejected by the portal (422)', lastResponse: '422 {}' }]);
    expect(await repo.deliveryStats({ ...scope, now: t0 })).toMatchObject({ pending: 1, dead: 1 });

    await database.db.transaction().execute(async (trx) => {
      const r = createOutboxRepository(trx);
      await r.lockMessage(head!.id);
      await r.replacePayload(head!.id, { MaHoSo: a, TrangThaiHoSo: 2 });
      await r.requeue(head!.id, at(5000));
    });
    const again = await repo.claimDeliverable({ ...scope, now: at(5000), leaseUntil: at(9000), owner: 'd', limit: 5 });
    expect(again).toMatchObject([{ id: head!.id, attempts: 1, payload: { TrangThaiHoSo: 2 } }]);
  });

  it('a retry waits for its time; releaseLeases gives rows back at once', async () => {
    const { provinceCode } = testUnit();
    const repo = createOutboxRepository(database.db);
    await enqueue(provinceCode, randomUUID(), 1);
    const scope = { provinceCodes: [provinceCode] };
    const [r] = await repo.claimDeliverable({ ...scope, now: t0, leaseUntil: at(60_000), owner: 'd', limit: 5 });
    await repo.markRetry({ id: r!.id, owner: 'd', at: at(10_000), error: 'timed out', response: null });
    expect(
      await repo.claimDeliverable({ ...scope, now: at(9_999), leaseUntil: at(60_000), owner: 'd', limit: 5 }),
    ).toEqual([]);
    await repo.claimDeliverable({ ...scope, now: at(10_000), leaseUntil: at(60_000), owner: 'd', limit: 5 });
    await repo.releaseLeases('d');
    expect(
      await repo.claimDeliverable({ ...scope, now: at(10_001), leaseUntil: at(60_000), owner: 'e', limit: 5 }),
    ).toHaveLength(1);
  });
});

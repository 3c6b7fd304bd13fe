import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createOutboxStatsRepository, inScope, type OutboxScope } from './outbox-stats.repository.js';

/** One outbox row handed to a dispatcher (leased to it until `leaseUntil`). */
export type ClaimedOutboxRow = {
  id: number;
  provinceCode: string;
  topic: string;
  aggregateId: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
};

/**
 * Delivery state of the outbox. A row may be claimed when it is due, not leased (or its lease expired after a
 * crash), not dead, and no earlier row of the same aggregate is still undelivered — so rows of one dossier leave
 * strictly in order and never two at once, while rows of different dossiers go in parallel. Claiming locks with
 * FOR UPDATE SKIP LOCKED and writes a lease in one statement, so dispatchers on PostgreSQL never take the same row.
 */
export function createOutboxRepository(db: Kysely<DB>) {
  return {
    ...createOutboxStatsRepository(db),
    async claimDeliverable(input: OutboxScope & { now: Date; leaseUntil: Date; owner: string; limit: number }) {
      const r = await sql<ClaimedOutboxRow>`
        with c as (
          select o.id from outbox_messages o
          where o.delivered_at is null and o.dead_at is null and o.discarded_at is null
            and o.next_attempt_at <= ${input.now}::timestamptz
            and (o.lease_until is null or o.lease_until <= ${input.now}::timestamptz)
            ${inScope(input)}
            and not exists (
              select 1 from outbox_messages p
              where p.aggregate_type = o.aggregate_type and p.aggregate_id = o.aggregate_id
                and p.id < o.id and p.delivered_at is null and p.discarded_at is null)
          order by o.id
          limit ${input.limit}
          for update of o skip locked
        )
        update outbox_messages m
        set lease_until = ${input.leaseUntil}::timestamptz, leased_by = ${input.owner}, attempts = m.attempts + 1
        from c where m.id = c.id
        returning m.id, m.province_code, m.topic, m.aggregate_id, m.idempotency_key, m.payload, m.attempts`.execute(db);
      return [...r.rows].sort((a, b) => Number(a.id) - Number(b.id));
    },

    /** The portal acknowledged the row (whoever held the lease: the fact is true either way). */
    async markDelivered(input: { id: number; now: Date; receiptId: string; response: string }) {
      await db
        .updateTable('outboxMessages')
        .set({
          deliveredAt: input.now,
          receiptId: input.receiptId,
          lastResponse: input.response,
          lastError: null,
          leaseUntil: null,
          leasedBy: null,
        })
        .where('id', '=', input.id)
        .where('deliveredAt', 'is', null)
        .execute();
    },

    async markRetry(input: { id: number; owner: string; at: Date; error: string; response: string | null }) {
      await db
        .updateTable('outboxMessages')
        .set({
          nextAttemptAt: input.at,
          lastError: input.error,
          lastResponse: input.response,
          leaseUntil: null,
          leasedBy: null,
        })
        .where('id', '=', input.id)
        .where('leasedBy', '=', input.owner)
        .where('deliveredAt', 'is', null)
        .execute();
    },

    async markDead(input: { id: number; owner: string; now: Date; reason: string; response: string | null }) {
      await db
        .updateTable('outboxMessages')
        .set({
          deadAt: input.now,
          deadReason: input.reason,
          lastError: input.reason,
          lastResponse: input.response,
          leaseUntil: null,
          leasedBy: null,
        })
        .where('id', '=', input.id)
        .where('leasedBy', '=', input.owner)
        .where('deliveredAt', 'is', null)
        .execute();
    },

    /** On a clean shutdown: give back what this dispatcher holds so another takes it at once. */
    async releaseLeases(owner: string) {
      await db
        .updateTable('outboxMessages')
        .set({ leaseUntil: null, leasedBy: null })
        .where('leasedBy', '=', owner)
        .where('deliveredAt', 'is', null)
        .execute();
    },

    async listDeadLetters(input: { limit: number; afterId?: number | undefined; topics?: readonly string[] }) {
      let q = db
        .selectFrom('outboxMessages')
        .select([
          'id',
          'provinceCode',
          'topic',
          'aggregateType',
          'aggregateId',
          'idempotencyKey',
          'payload',
          'attempts',
          'createdAt',
          'deadAt',
          'deadReason',
          'lastResponse',
        ])
        .where('deadAt', 'is not', null)
        .where('deliveredAt', 'is', null)
        .where('discardedAt', 'is', null)
        .orderBy('id')
        .limit(input.limit);
      if (input.afterId !== undefined) q = q.where('id', '>', input.afterId);
      if (input.topics?.length) q = q.where('topic', 'in', [...input.topics]);
      return q.execute();
    },

    /** One row, locked for the caller's transaction (admin correct / re-send). */
    async lockMessage(id: number) {
      return db
        .selectFrom('outboxMessages')
        .select([
          'id',
          'provinceCode',
          'aggregateId',
          'idempotencyKey',
          'payload',
          'deadAt',
          'deliveredAt',
          'discardedAt',
          'attempts',
        ])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Out of the dead-letter list for good (never delivered; the audit row says who and why). */
    async discard(id: number, now: Date) {
      await db
        .updateTable('outboxMessages')
        .set({ discardedAt: now, leaseUntil: null, leasedBy: null })
        .where('id', '=', id)
        .execute();
    },

    async replacePayload(id: number, payload: Record<string, unknown>) {
      await db
        .updateTable('outboxMessages')
        .set({ payload: JSON.stringify(payload) })
        .where('id', '=', id)
        .execute();
    },

    /** Back in the queue: due now, attempts from zero, the dead-letter marks kept only in the audit. */
    async requeue(id: number, now: Date) {
      await db
        .updateTable('outboxMessages')
        .set({ deadAt: null, deadReason: null, attempts: 0, nextAttemptAt: now, leaseUntil: null, leasedBy: null })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

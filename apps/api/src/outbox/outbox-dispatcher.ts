import {
  type Breaker,
  type BreakerPolicy,
  breakerOnFailure,
  breakerOnSuccess,
  breakerOnThrottle,
  breakerPermits,
  type Clock,
  closedBreaker,
  decideDelivery,
  defaultBreakerPolicy,
  defaultRetryPolicy,
  type RetryPolicy,
} from '@mot-cua/core';
import { type ClaimedOutboxRow, createAuditRepository, createOutboxRepository, type Database } from '@mot-cua/db';
import { wakeableIdle } from '../wakeable-idle.js';
import type { PortalClient } from './portal-client.js';

export type DispatcherCounters = { delivered: number; retried: number; deadLettered: number };
export type DispatcherStatus = DispatcherCounters & { breaker: Breaker; running: boolean };

export type OutboxDispatcher = {
  /** One round: claim up to `concurrency` deliverable rows (one per dossier) and deliver them in parallel. */
  tick(): Promise<number>;
  /** Loop tick() until stop(); idles `pollMs` when nothing was due. */
  start(): void;
  /** Finish the round in flight, then give back any lease. */
  stop(): Promise<void>;
  status(): DispatcherStatus;
};

export type DispatcherOptions = {
  database: Database;
  clock: Clock;
  client: PortalClient;
  /** Identifies this dispatcher in leases (host:pid:random). */
  owner: string;
  concurrency: number;
  pollMs: number;
  timeoutMs: number;
  retryPolicy?: Partial<RetryPolicy>;
  breakerPolicy?: BreakerPolicy;
  /** Deliver only these provinces' rows (sharding; tests on a shared database). */
  provinceCodes?: readonly string[];
  /** Deliver only these topics (one dispatcher per destination: the portal, e-mail, SMS). */
  topics?: readonly string[];
  random?: () => number;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
};

/**
 * The outbox dispatcher: I/O around core's pure decisions. Claims leased rows from packages/db, posts each to the
 * portal, then records what core decided (delivered, retry at a time, or dead letter with an audit row). The
 * circuit breaker is per destination, so per dispatcher. Safe to run several on PostgreSQL (leases with SKIP
 * LOCKED); a crash leaves leases that expire and are taken over; the portal deduplicates by idempotency key.
 */
export function createOutboxDispatcher(o: DispatcherOptions): OutboxDispatcher {
  const repo = createOutboxRepository(o.database.db);
  const retryPolicy: RetryPolicy = { ...defaultRetryPolicy, ...o.retryPolicy };
  const breakerPolicy = o.breakerPolicy ?? defaultBreakerPolicy;
  const random = o.random ?? Math.random;
  // Longer than one delivery (request time-out plus the writes around it); a crashed holder's rows wait this long.
  const leaseMs = o.timeoutMs + 5_000;
  const counters: DispatcherCounters = { delivered: 0, retried: 0, deadLettered: 0 };
  let breaker: Breaker = closedBreaker;
  let stopped = true;
  let loop: Promise<void> | null = null;
  const { idle, wake } = wakeableIdle();

  async function deliver(row: ClaimedOutboxRow) {
    const outcome = await o.client.send(row);
    const now = o.clock.now();
    const d = decideDelivery({
      outcome,
      idempotencyKey: row.idempotencyKey,
      attempts: row.attempts,
      now,
      policy: retryPolicy,
      random: random(),
    });
    if (d.kind === 'delivered') {
      await repo.markDelivered({ id: row.id, now, receiptId: d.receiptId, response: d.response });
      counters.delivered++;
      breaker = breakerOnSuccess(breaker);
    } else if (d.kind === 'retry') {
      await repo.markRetry({ id: row.id, owner: o.owner, at: d.at, error: d.reason, response: d.response });
      counters.retried++;
      if (outcome.kind === 'response' && outcome.status === 429) breaker = breakerOnThrottle(breaker, d.at);
      else if (d.destinationFailure) breaker = breakerOnFailure(breaker, now, breakerPolicy);
    } else {
      await o.database.db.transaction().execute(async (trx) => {
        await createOutboxRepository(trx).markDead({
          id: row.id,
          owner: o.owner,
          now,
          reason: d.reason,
          response: d.response,
        });
        await createAuditRepository(trx).recordAudit({
          actorUserId: null,
          action: 'outbox.dead_lettered',
          entityType: 'outbox_message',
          entityId: String(row.id),
          provinceCode: row.provinceCode,
          data: { idempotencyKey: row.idempotencyKey, attempts: row.attempts, reason: d.reason, response: d.response },
          occurredAt: now,
        });
      });
      counters.deadLettered++;
      o.log?.warn({ id: row.id, key: row.idempotencyKey, reason: d.reason }, 'outbox row dead-lettered');
      // The portal answered: it is there. A row given up after transient failures says nothing new.
      if (outcome.kind === 'response' && outcome.status < 500) breaker = breakerOnSuccess(breaker);
    }
  }

  /** Claim up to `free` rows the breaker allows (a probe only when nothing is in flight). */
  async function claim(free: number, inFlight: number): Promise<ClaimedOutboxRow[]> {
    const now = o.clock.now();
    const gate = breakerPermits(breaker, now);
    breaker = gate.breaker;
    if (gate.permits === 'none' || free <= 0) return [];
    if (gate.permits === 'probe' && inFlight > 0) return [];
    return repo.claimDeliverable({
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      owner: o.owner,
      limit: gate.permits === 'probe' ? 1 : free,
      provinceCodes: o.provinceCodes,
      topics: o.topics,
    });
  }

  async function tick(): Promise<number> {
    const rows = await claim(o.concurrency, 0);
    await Promise.all(rows.map(deliver));
    return rows.length;
  }

  /**
   * The loop keeps up to `concurrency` deliveries in flight: it claims again as soon as a quarter of the slots
   * are free, so one slow answer does not hold back a whole round.
   */
  async function run() {
    const inFlight = new Set<Promise<void>>();
    const refill = Math.max(1, Math.floor(o.concurrency / 4));
    while (!stopped) {
      let claimed = 0;
      const free = o.concurrency - inFlight.size;
      if (free >= refill) {
        try {
          const rows = await claim(free, inFlight.size);
          claimed = rows.length;
          for (const row of rows) {
            const p: Promise<void> = deliver(row)
              .catch((e) => o.log?.error({ err: e, id: row.id }, 'outbox delivery failed'))
              .finally(() => inFlight.delete(p));
            inFlight.add(p);
          }
        } catch (e) {
          o.log?.error({ err: e }, 'outbox dispatcher claim failed');
        }
      }
      if (stopped) break;
      if (inFlight.size === 0) {
        if (claimed === 0) await idle(o.pollMs);
      } else if (claimed === 0 || inFlight.size >= o.concurrency - refill + 1) {
        // Wait for a slot (or, with nothing new to claim, for an answer that may unblock a dossier's next row).
        await Promise.race([...inFlight, idle(o.pollMs)]);
      }
    }
    await Promise.all(inFlight);
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      wake();
      await loop;
      loop = null;
      await repo.releaseLeases(o.owner);
    },
    status: () => ({ ...counters, breaker, running: !stopped }),
  };
}

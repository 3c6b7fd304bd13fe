import { breakerGauge, type Clock, OUTBOX_TOPIC } from '@mot-cua/core';
import { createOutboxRepository, type Database } from '@mot-cua/db';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { OutboxDispatcher } from './outbox-dispatcher.js';

/** Pending rows older than this make readiness "degraded" even when no in-process breaker is open. */
export const LAG_DEGRADED_SECONDS = 15 * 60;

export type OutboxHealthSource = { database: Database; clock: Clock; dispatcher?: OutboxDispatcher | undefined };

/** How the national-portal sync is doing: "away" (breaker not closed), "lagging" (old pending rows) or "ok". */
export async function portalSyncHealth(s: OutboxHealthSource) {
  const stats = await createOutboxRepository(s.database.db).deliveryStats({
    now: s.clock.now(),
    topics: [OUTBOX_TOPIC],
  });
  const breaker = s.dispatcher?.status().breaker.state ?? null;
  const state =
    breaker && breaker !== 'closed'
      ? ('away' as const)
      : stats.oldestPendingAgeSeconds > LAG_DEGRADED_SECONDS
        ? ('lagging' as const)
        : ('ok' as const);
  return {
    state,
    breaker,
    pending: stats.pending,
    oldestPendingAgeSeconds: Math.round(stats.oldestPendingAgeSeconds),
    deadLetters: stats.dead,
  };
}

/**
 * Outbox metrics on the API's registry: backlog from the database at scrape time (whichever process delivers),
 * counters and breaker state from the in-process dispatcher when there is one.
 */
export function registerOutboxMetrics(registry: Registry, s: OutboxHealthSource) {
  const registers = [registry];
  let last: Promise<Awaited<ReturnType<typeof portalSyncHealth>>> | null = null;
  const read = () => {
    last ??= portalSyncHealth(s).finally(() => {
      setTimeout(() => {
        last = null;
      }, 0);
    });
    return last;
  };
  new Gauge({
    name: 'motcua_outbox_pending',
    help: 'Outbox rows not yet delivered to the national portal (dead letters excluded)',
    registers,
    async collect() {
      this.set((await read()).pending);
    },
  });
  new Gauge({
    name: 'motcua_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest undelivered outbox row',
    registers,
    async collect() {
      this.set((await read()).oldestPendingAgeSeconds);
    },
  });
  new Gauge({
    name: 'motcua_outbox_dead_letters',
    help: 'Outbox rows in the dead-letter list',
    registers,
    async collect() {
      this.set((await read()).deadLetters);
    },
  });
  const counter = (name: string, help: string, pick: (d: OutboxDispatcher) => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        if (!s.dispatcher) return;
        this.reset();
        this.inc(pick(s.dispatcher));
      },
    });
  counter('motcua_outbox_delivered_total', 'Rows delivered by this process', (d) => d.status().delivered);
  counter('motcua_outbox_retried_total', 'Failed attempts rescheduled by this process', (d) => d.status().retried);
  counter('motcua_outbox_dead_lettered_total', 'Rows dead-lettered by this process', (d) => d.status().deadLettered);
  new Gauge({
    name: 'motcua_outbox_breaker_state',
    help: 'Circuit breaker towards the national portal: 0 closed, 1 half-open, 2 open',
    registers,
    collect() {
      if (s.dispatcher) this.set(breakerGauge(s.dispatcher.status().breaker));
    },
  });
}

import {
  type Breaker,
  type BreakerPolicy,
  backoffDelayMs,
  breakerOnFailure,
  breakerOnSuccess,
  breakerOnThrottle,
  breakerPermits,
  closedBreaker,
  defaultBreakerPolicy,
  defaultRetryPolicy,
  parseRetryAfterMs,
  type RetryPolicy,
} from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import { wakeableIdle } from '../wakeable-idle.js';
import { importFeedDossier } from './import-feed-dossier.js';
import type { FeedDossier, PortalInboundClient } from './portal-inbound-client.js';

export type ImporterStatus = {
  running: boolean;
  breaker: Breaker;
  /** Consecutive failed pulls. */
  failures: number;
  lastError: string | null;
  lastSuccessAt: Date | null;
  nextAttemptAt: Date | null;
  imported: number;
  needsReview: number;
  duplicates: number;
};

export type TickResult = {
  fetched: number;
  imported: number;
  needsReview: number;
  duplicates: number;
  failed: boolean;
};

export type PortalImporter = {
  /** One pull: a page after the durable cursor, each dossier imported in its own transaction with the cursor. */
  tick(): Promise<TickResult>;
  start(): void;
  stop(): Promise<void>;
  status(): ImporterStatus;
};

export type ImporterOptions = {
  deps: AppDeps;
  client: PortalInboundClient;
  /** Name of the cursor (one per portal). */
  source?: string;
  pageSize?: number;
  pollMs: number;
  retryPolicy?: Partial<RetryPolicy>;
  breakerPolicy?: BreakerPolicy;
  random?: () => number;
  /** Tests: runs after a page is fetched and before anything is committed (a crash there loses nothing). */
  afterFetch?: (items: FeedDossier[]) => Promise<void>;
  /** Tests: runs after each dossier's transaction committed. */
  afterCommit?: (item: FeedDossier) => Promise<void>;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
};

/**
 * The importer of online dossiers from the national portal. Pulls pages after its durable cursor (a row in the
 * database, moved in the transaction of each dossier it imports), so a crash between fetching and committing
 * loses nothing and a repeated page imports nothing twice (the portal code is unique). Failed pulls back off
 * with the outbox's retry policy (Retry-After honoured) behind a circuit breaker.
 */
export function createPortalImporter(o: ImporterOptions): PortalImporter {
  const source = o.source ?? 'dvcqg';
  const pageSize = o.pageSize ?? 50;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...o.retryPolicy };
  const breakerPolicy = o.breakerPolicy ?? defaultBreakerPolicy;
  const random = o.random ?? Math.random;
  const { database, clock } = o.deps;
  const s: ImporterStatus = {
    running: false,
    breaker: closedBreaker,
    failures: 0,
    lastError: null,
    lastSuccessAt: null,
    nextAttemptAt: null,
    imported: 0,
    needsReview: 0,
    duplicates: 0,
  };
  let loop: Promise<void> | null = null;
  const { idle, wake } = wakeableIdle();

  const importOne = (item: FeedDossier) => importFeedDossier(o.deps, item, source);

  async function tick(): Promise<TickResult> {
    const result: TickResult = { fetched: 0, imported: 0, needsReview: 0, duplicates: 0, failed: false };
    const now = clock.now();
    if (s.nextAttemptAt && now < s.nextAttemptAt) return result;
    const gate = breakerPermits(s.breaker, now);
    s.breaker = gate.breaker;
    if (gate.permits === 'none') return result;
    const cursor = Number((await createPortalImportsRepository(database.db).readCursor(source)) ?? 0);
    const outcome = await o.client.fetchPage(cursor, pageSize);
    const after = clock.now();
    if (outcome.kind !== 'page') {
      result.failed = true;
      s.failures++;
      if (outcome.kind === 'response' && outcome.status === 429) {
        const ms = Math.min(parseRetryAfterMs(outcome.retryAfter, after) ?? policy.baseDelayMs, policy.maxRetryAfterMs);
        s.nextAttemptAt = new Date(after.getTime() + ms);
        s.breaker = breakerOnThrottle(s.breaker, s.nextAttemptAt);
      } else {
        s.nextAttemptAt = new Date(after.getTime() + backoffDelayMs(s.failures, policy, random()));
        s.breaker = breakerOnFailure(s.breaker, after, breakerPolicy);
      }
      s.lastError =
        outcome.kind === 'response'
          ? `HTTP ${outcome.status} ${outcome.body.slice(0, 200)}`
          : outcome.kind === 'timeout'
            ? 'timed out'
            : `network: ${outcome.error}`;
      o.log?.warn({ error: s.lastError, failures: s.failures }, 'portal import: pull failed');
      return result;
    }
    s.failures = 0;
    s.nextAttemptAt = null;
    s.lastError = null;
    s.lastSuccessAt = after;
    s.breaker = breakerOnSuccess(s.breaker);
    result.fetched = outcome.items.length;
    await o.afterFetch?.(outcome.items);
    for (const item of [...outcome.items].sort((a, b) => a.seq - b.seq)) {
      if (item.seq <= cursor) continue;
      const r = await importOne(item);
      if (r.kind === 'imported') result.imported++;
      else if (r.kind === 'needs_review') result.needsReview++;
      else result.duplicates++;
      await o.afterCommit?.(item);
    }
    s.imported += result.imported;
    s.needsReview += result.needsReview;
    s.duplicates += result.duplicates;
    return result;
  }

  async function run() {
    while (s.running) {
      let full = false;
      try {
        const r = await tick();
        full = r.fetched >= pageSize;
      } catch (e) {
        // A database error (e.g. a concurrent importer committed the same portal dossier first): the cursor
        // stays where the last commit left it and the next pull starts from there.
        o.log?.error({ err: e }, 'portal import: a dossier could not be committed');
      }
      if (!s.running) break;
      if (!full) {
        const wait = s.nextAttemptAt ? Math.max(o.pollMs, s.nextAttemptAt.getTime() - clock.now().getTime()) : o.pollMs;
        await idle(Math.min(wait, 60_000));
      }
    }
  }

  return {
    tick,
    start() {
      if (s.running) return;
      s.running = true;
      loop = run();
    },
    async stop() {
      s.running = false;
      wake();
      await loop;
      loop = null;
    },
    status: () => ({ ...s }),
  };
}

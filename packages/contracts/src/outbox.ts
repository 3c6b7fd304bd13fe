import { z } from 'zod';

/** Administration of the national-portal sync: the dead-letter list of the outbox. */
export const DeadLetterView = z
  .object({
    id: z.number().int(),
    provinceCode: z.string(),
    topic: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    idempotencyKey: z.string(),
    payload: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    createdAt: z.string(),
    deadAt: z.string(),
    reason: z.string(),
    /** What the portal answered last (status and body, clipped). */
    portalResponse: z.string().nullable(),
  })
  .meta({ id: 'DeadLetterView' });
export type DeadLetterView = z.infer<typeof DeadLetterView>;

export const DeadLetterListQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const DeadLetterList = z.object({ items: z.array(DeadLetterView) }).meta({ id: 'DeadLetterList' });

export const DeadLetterIdParam = z.object({ id: z.coerce.number().int().min(1) });

/** Re-send a dead letter, optionally with a corrected payload (replacing the stored one, audited). */
export const ResendDeadLetterRequest = z
  .object({ payload: z.record(z.string(), z.unknown()).optional(), note: z.string().max(1000).optional() })
  .meta({ id: 'ResendDeadLetterRequest' });
export type ResendDeadLetterRequest = z.infer<typeof ResendDeadLetterRequest>;
export const ResendDeadLetterResponse = z
  .object({ id: z.number().int(), idempotencyKey: z.string(), corrected: z.boolean(), queuedAt: z.string() })
  .meta({ id: 'ResendDeadLetterResponse' });

export const OutboxSummary = z
  .object({
    state: z.enum(['ok', 'away', 'lagging']),
    breaker: z.enum(['closed', 'half_open', 'open']).nullable(),
    pending: z.number().int(),
    oldestPendingAgeSeconds: z.number().int(),
    deadLetters: z.number().int(),
  })
  .meta({ id: 'OutboxSummary' });

/** Discard a dead letter that will never be accepted (the reason is required and audited). */
export const DiscardDeadLetterRequest = z
  .object({ note: z.string().trim().min(3).max(1000) })
  .meta({ id: 'DiscardDeadLetterRequest' });
export type DiscardDeadLetterRequest = z.infer<typeof DiscardDeadLetterRequest>;
export const DiscardDeadLetterResponse = z
  .object({ id: z.number().int(), idempotencyKey: z.string(), discardedAt: z.string() })
  .meta({ id: 'DiscardDeadLetterResponse' });

export const BreakerState = z.enum(['closed', 'half_open', 'open']);

/** One destination of the outbox (the national portal, e-mail, SMS) as the supervision page shows it. */
export const SyncDestination = z
  .object({
    destination: z.enum(['portal', 'email', 'sms']),
    topic: z.string(),
    pending: z.number().int(),
    oldestPendingAgeSeconds: z.number().int(),
    deadLetters: z.number().int(),
    deliveredLastDay: z.number().int(),
    /** Breaker of this process's dispatcher for the destination; null when no dispatcher runs here. */
    breaker: BreakerState.nullable(),
    dispatcherRunning: z.boolean(),
  })
  .meta({ id: 'SyncDestination' });

/** The importer of online dossiers from the portal. */
export const PortalImportStatus = z
  .object({
    runningHere: z.boolean(),
    breaker: BreakerState.nullable(),
    failures: z.number().int(),
    lastError: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    cursor: z.string().nullable(),
    imported: z.number().int(),
    needsReview: z.number().int(),
  })
  .meta({ id: 'PortalImportStatus' });

const IndicatorScore = z.object({ rate: z.number().nullable(), points: z.number().nullable(), max: z.number() });

/** One province's sync in the period: the 766 indicators computed from what was delivered, and the backlog. */
export const SyncProvince = z
  .object({
    provinceCode: z.string(),
    name: z.string(),
    received: z.number().int(),
    synced: z.number().int(),
    reused: z.number().int(),
    fromCitizenStore: z.number().int(),
    /** Status changes not yet delivered to the portal, and how long the oldest has waited (the sync lag). */
    pending: z.number().int(),
    oldestPendingAgeSeconds: z.number().int(),
    indicator14: IndicatorScore,
    indicator43: IndicatorScore,
    indicator44: IndicatorScore,
  })
  .meta({ id: 'SyncProvince' });

export const SyncSupervisionQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
});

export const SyncSupervision = z
  .object({
    destinations: z.array(SyncDestination),
    portalImport: PortalImportStatus,
    /** Period of the per-province figures (dossiers by receipt date, Vietnam dates; default: month to date). */
    period: z.object({ from: z.string(), to: z.string() }),
    provinces: z.array(SyncProvince),
    checkedAt: z.string(),
  })
  .meta({ id: 'SyncSupervision' });
export type SyncSupervision = z.infer<typeof SyncSupervision>;

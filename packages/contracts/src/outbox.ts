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

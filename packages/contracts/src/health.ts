import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }).meta({ id: 'Health' });
export const Readiness = z
  .object({
    /** `degraded`: serving, but the national portal is away or the sync lags (the outbox keeps the changes). */
    status: z.enum(['ready', 'degraded', 'not_ready']),
    database: z.string(),
    migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
    portal: z
      .object({
        state: z.enum(['ok', 'away', 'lagging']),
        breaker: z.enum(['closed', 'half_open', 'open']).nullable(),
        pending: z.number().int(),
        oldestPendingAgeSeconds: z.number().int(),
        deadLetters: z.number().int(),
      })
      .optional(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;

import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }).meta({ id: 'Health' });
export const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.string(),
    migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;

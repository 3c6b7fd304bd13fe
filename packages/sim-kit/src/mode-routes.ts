import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ModeSetting } from './fault-modes.js';

/** GET and PUT /sim/mode over a mode setting; a body the schema refuses is a 400 naming the accepted modes. */
export function registerModeRoutes<S extends z.ZodType>(
  app: FastifyInstance,
  setting: ModeSetting<z.infer<S>>,
  body: S,
  modes: readonly string[],
  path = '/sim/mode',
) {
  app.get(path, async () => setting.mode);
  app.put(path, async (req, reply) => {
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) return reply.status(400).send({ error: 'mode must be one of', modes });
    await setting.setMode(parsed.data);
    return setting.mode;
  });
}

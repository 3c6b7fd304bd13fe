import type { Actor } from '@mot-cua/core';
import { vnDate } from '@mot-cua/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';

export const CodeParams = z.object({ code: z.string().min(2).max(10) });
export const IdParams = z.object({ id: z.string().uuid() });
export const NumIdParams = z.object({ id: z.coerce.number().int().positive() });
export const tags = ['admin-units'];

/** Today in Vietnam, the default date of every "as of" query. */
export const todayOf = (deps: AppDeps) => () => vnDate(deps.clock.now());

/** What a write use case needs from the request: the signed-in actor and today's date in Vietnam. */
export const writeContext = (deps: AppDeps, req: FastifyRequest): { actor: Actor; today: string } => ({
  actor: requireActor(req),
  today: vnDate(deps.clock.now()),
});

import { QueueStats, QueueStatsQuery } from '@mot-cua/contracts';
import { AppError, authorize, vnDate } from '@mot-cua/core';
import { createQueueStatsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { CenterParams, queueRepo, tags } from './shared.js';

const DAY = 86_400_000;

/** The numbers of a front desk for its director (and the unit's leader, the province's supervisors). */
export const statsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/centers/:centerId/stats',
    {
      schema: {
        tags,
        summary: 'Waiting and service time per group, counter and official; no-shows; peak hours; ticket to result',
        params: CenterParams,
        querystring: QueueStatsQuery,
        response: { 200: QueueStats },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = await queueRepo(deps).centerScope(req.params.centerId);
      if (!scope) throw new AppError('QUEUE_CENTER_NOT_FOUND');
      authorize(actor, 'queue.stats', { kind: 'unit', unitCode: scope.unitCode, provinceCode: scope.provinceCode });
      const now = deps.clock.now();
      const to = req.query.to ?? vnDate(now);
      const from = req.query.from ?? vnDate(new Date(now.getTime() - 27 * DAY));
      return createQueueStatsRepository(deps.database.db).stats(req.params.centerId, from, to, now);
    },
  );
};

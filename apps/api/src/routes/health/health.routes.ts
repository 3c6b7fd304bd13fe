import { Health, Readiness } from '@mot-cua/contracts';
import { migrationStatus } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import { portalSyncHealth } from '../../outbox/outbox-health.js';

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Process is alive', response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      uptimeSeconds: Math.round(process.uptime()),
    }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Database reachable and all migrations applied; degraded while the national portal is away',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
        const migrations = await migrationStatus(deps.database);
        const ready = migrations.pending === 0;
        const portal = ready ? await portalSyncHealth({ ...deps, dispatcher: deps.outbox }) : undefined;
        return reply.status(ready ? 200 : 503).send({
          status: !ready ? 'not_ready' : portal?.state === 'ok' ? 'ready' : 'degraded',
          database: deps.database.kind,
          migrations,
          ...(portal ? { portal } : {}),
        });
      } catch {
        return reply
          .status(503)
          .send({ status: 'not_ready', database: deps.database.kind, migrations: { applied: 0, pending: 0 } });
      }
    },
  );
};

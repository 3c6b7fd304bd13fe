import { Health, Readiness } from '@mot-cua/contracts';
import { migrationStatus } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';

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
        summary: 'Database reachable and all migrations applied',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
        const migrations = await migrationStatus(deps.database);
        const ready = migrations.pending === 0;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not_ready',
          database: deps.database.kind,
          migrations,
        });
      } catch {
        return reply
          .status(503)
          .send({ status: 'not_ready', database: deps.database.kind, migrations: { applied: 0, pending: 0 } });
      }
    },
  );
};

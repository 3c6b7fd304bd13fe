import { Workload, WorkloadQuery, WorkloadSettings } from '@mot-cua/contracts';
import { authorize, setWorkloadThreshold, statsPeriod, vnDate, WORKLOAD_THRESHOLD_KEY } from '@mot-cua/core';
import { createAuditPort, createWorkloadRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { workloadTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { workloadBody, workloadThreshold } from '../../supervision/workload-body.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];

/** /api/supervision/workload: dossiers per official per working day, backlog, time per step, staffing. */
export const workloadRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/workload',
    {
      schema: {
        tags,
        summary:
          'Workload and staffing of a commune, a province or the nation over a period (format=xlsx|pdf with table=units|backlog|steps|noOnlineApprover|certificateGaps|moves for a file)',
        querystring: WorkloadQuery,
        response: { 200: Workload },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const today = vnDate(now);
      const scope = await supervisionScope(db, actor, req.query, today);
      const period = statsPeriod(now, req.query.from, req.query.to);
      const body = await workloadBody(db, scope, period, now);
      const { format, table } = req.query;
      if (format === 'json') return body;
      const file =
        table === 'units'
          ? `khoi-luong-${scope.code}-${period.from}-${period.to}`
          : `khoi-luong-${table}-${scope.code}-${period.from}-${period.to}`;
      return sendTable(reply, format, workloadTable(body, table), file, now);
    },
  );

  app.get(
    '/workload/settings',
    {
      schema: {
        tags,
        summary: 'The workload threshold in force (system administrators; supervisors read it in GET /workload)',
        response: { 200: WorkloadSettings },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'supervision.manage', { kind: 'global' });
      return { dossiersPerOfficialPerDay: await workloadThreshold(db) };
    },
  );

  app.put(
    '/workload/settings',
    {
      schema: {
        tags,
        summary: 'Set the workload threshold (system administrators; audited with the previous value)',
        body: WorkloadSettings,
        response: { 200: WorkloadSettings },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      return db.transaction().execute(async (trx) => {
        const repo = createWorkloadRepository(trx);
        return setWorkloadThreshold(
          actor,
          req.body,
          {
            readThreshold: async () => {
              const v = await repo.readSetting(WORKLOAD_THRESHOLD_KEY);
              return typeof v === 'number' ? v : null;
            },
            writeThreshold: (v, by, at) => repo.writeSetting(WORKLOAD_THRESHOLD_KEY, v, by, at),
            audit: createAuditPort(trx, String(req.id)),
          },
          now,
        );
      });
    },
  );
};

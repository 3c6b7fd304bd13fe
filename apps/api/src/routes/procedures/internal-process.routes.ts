import { InternalProcess, PutInternalProcessRequest } from '@mot-cua/contracts';
import { defineInternalProcess, removeInternalProcess, vnDate } from '@mot-cua/core';
import { createProcedureConfigRepository, locateUnit } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { configureWith } from './configure.js';
import { UnitCodeParams } from './params.js';

/** The internal process of a procedure in a unit: its steps and per-step time limits. */
export const internalProcessRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const configure = configureWith(deps);

  app.get(
    '/units/:unitCode/procedures/:code/internal-process',
    {
      schema: {
        tags: ['procedures'],
        summary: "The internal process of a procedure in a unit (the unit's, its province's, or the default split)",
        params: UnitCodeParams,
        response: { 200: InternalProcess },
      },
    },
    async (req) => {
      const scope = await locateUnit(db, req.params.unitCode, vnDate(deps.clock.now()));
      return createProcedureConfigRepository(db).getInternalProcess(req.params.code, scope);
    },
  );

  app.put(
    '/units/:unitCode/procedures/:code/internal-process',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Define the internal process of a procedure in a unit (steps must sum to the legal limit)',
        params: UnitCodeParams,
        body: PutInternalProcessRequest,
        response: { 200: InternalProcess },
      },
    },
    async (req) => {
      return configure(req, req.params.unitCode, (scope, actor, ports) =>
        defineInternalProcess(scope, req.params.code, req.body, actor, ports),
      );
    },
  );

  app.delete(
    '/units/:unitCode/procedures/:code/internal-process',
    {
      schema: {
        tags: ['procedures'],
        summary: "Remove a unit's internal process (the province's or the default applies again)",
        params: UnitCodeParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await configure(req, req.params.unitCode, (scope, actor, ports) =>
        removeInternalProcess(scope, req.params.code, actor, ports),
      );
      return reply.status(204).send(null);
    },
  );
};

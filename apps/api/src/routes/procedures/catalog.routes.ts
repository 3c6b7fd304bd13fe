import {
  CatalogProcedure,
  ProcedureDetail,
  ProcedureFacets,
  ProcedureList,
  ProcedureListQuery,
  ProcedureVersionInfo,
} from '@mot-cua/contracts';
import { AppError, vnDate } from '@mot-cua/core';
import { createProceduresRepository, locateUnit } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { CodeParam } from './params.js';

/** The public catalog: list, facets, one procedure with its history, one version. */
export const catalogRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/',
    {
      schema: {
        tags: ['procedures'],
        summary: 'List procedures, filtered by level, field, agency, unit (enabled) and code/name',
        querystring: ProcedureListQuery,
        response: { 200: ProcedureList },
      },
    },
    async (req) => {
      const q = req.query;
      const unit = q.unit ? await locateUnit(db, q.unit, vnDate(deps.clock.now())) : undefined;
      return createProceduresRepository(db).listProcedures({
        level: q.level,
        field: q.field,
        agency: q.agency,
        q: q.q,
        unit,
        enabledOnly: q.enabledOnly === 'true',
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/facets',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Fields and agencies of the catalog with counts',
        response: { 200: ProcedureFacets },
      },
    },
    async () => createProceduresRepository(db).listFacets(),
  );

  app.get(
    '/versions/:id',
    {
      schema: {
        tags: ['procedures'],
        summary: 'One version of a procedure (as a dossier was received under it)',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: z.object({ procedure: CatalogProcedure, version: ProcedureVersionInfo }) },
      },
    },
    async (req) => {
      const v = await createProceduresRepository(db).findVersion(req.params.id);
      if (!v) throw new AppError('PROCEDURE_VERSION_NOT_FOUND');
      const { record, procedureCode: _code, ...version } = v;
      return { procedure: record, version };
    },
  );

  app.get(
    '/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: 'A procedure with all its fields and its version history',
        params: CodeParam,
        response: { 200: ProcedureDetail },
      },
    },
    async (req) => createProceduresRepository(db).getProcedure(req.params.code),
  );
};

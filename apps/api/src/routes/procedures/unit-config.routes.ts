import {
  BulkEnableRequest,
  BulkEnableResult,
  PutUnitProcedureConfigRequest,
  UnitProcedureConfig,
  UnitProcedureConfigList,
} from '@mot-cua/contracts';
import { configureUnitProcedure, enableUnitProcedures, vnDate } from '@mot-cua/core';
import { createProcedureConfigRepository, locateUnit } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { configureWith } from './configure.js';
import { UnitCodeParams, UnitParam } from './params.js';

/** A unit's own configuration of the catalog: which procedures it handles, and local fees. */
export const unitConfigRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const configure = configureWith(deps);

  app.get(
    '/units/:unitCode/configs',
    {
      schema: {
        tags: ['procedures'],
        summary: "A unit's own configuration rows (enabled, local fee)",
        params: UnitParam,
        response: { 200: UnitProcedureConfigList },
      },
    },
    async (req) => {
      const scope = await locateUnit(db, req.params.unitCode, vnDate(deps.clock.now()));
      return {
        unitCode: scope.unitCode,
        items: await createProcedureConfigRepository(db).listUnitConfigs(scope.unitCode),
      };
    },
  );

  app.put(
    '/units/:unitCode/procedures/:code/config',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Enable or disable a procedure in a unit and set its local fee',
        params: UnitCodeParams,
        body: PutUnitProcedureConfigRequest,
        response: { 200: UnitProcedureConfig },
      },
    },
    async (req) => {
      return configure(req, req.params.unitCode, (scope, actor, ports) =>
        configureUnitProcedure(scope, req.params.code, req.body, actor, ports),
      );
    },
  );

  app.post(
    '/units/:unitCode/enable',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Enable or disable many procedures in a unit at once (local fees kept)',
        params: UnitParam,
        body: BulkEnableRequest,
        response: { 200: BulkEnableResult },
      },
    },
    async (req) => {
      return configure(req, req.params.unitCode, (scope, actor, ports) =>
        enableUnitProcedures(scope, req.body, actor, ports),
      );
    },
  );
};

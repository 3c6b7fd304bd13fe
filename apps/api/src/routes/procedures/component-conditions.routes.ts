import { ComponentConditions, PutComponentConditionsRequest } from '@mot-cua/contracts';
import { AppError, conditionConfigs, setComponentConditions, type UnitScope, vnDate } from '@mot-cua/core';
import {
  createComponentConditionPorts,
  createComponentConditionsRepository,
  createProceduresRepository,
  locateUnit,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { UnitCodeParams } from './params.js';

type Db = AppDeps['database']['db'];

async function present(d: Db, code: string, scope: UnitScope): Promise<ComponentConditions> {
  const version = await createProceduresRepository(d).findCurrentVersion(code);
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code } });
  const overrides = await createComponentConditionsRepository(d).findConditions(code, scope);
  return {
    procedureCode: code,
    unitCode: scope.unitCode,
    components: conditionConfigs(version.record.components, overrides, scope),
  };
}

/**
 * When each component of a procedure must be handed in, in a unit: the catalog's parsed condition, the override
 * an administrator set (the unit's, else its province's) and the one reception applies. Setting needs
 * 'procedure.configure' in the unit and is audited in the change's transaction.
 */
export const componentConditionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const path = '/units/:unitCode/procedures/:code/component-conditions';

  app.get(
    path,
    {
      schema: {
        tags: ['procedures'],
        summary: 'Conditions of the components of a procedure in a unit (parsed, set by an administrator, applied)',
        params: UnitCodeParams,
        response: { 200: ComponentConditions },
      },
    },
    async (req) => {
      const scope = await locateUnit(db, req.params.unitCode, vnDate(deps.clock.now()));
      return present(db, req.params.code, scope);
    },
  );

  app.put(
    path,
    {
      schema: {
        tags: ['procedures'],
        summary: 'Set or clear (null) the condition of components of a procedure in a unit',
        params: UnitCodeParams,
        body: PutComponentConditionsRequest,
        response: { 200: ComponentConditions },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = await locateUnit(db, req.params.unitCode, vnDate(deps.clock.now()));
      await inTransaction(deps, req, createComponentConditionPorts, (ports) =>
        setComponentConditions(scope, req.params.code, req.body, actor, ports),
      );
      return present(db, req.params.code, scope);
    },
  );
};

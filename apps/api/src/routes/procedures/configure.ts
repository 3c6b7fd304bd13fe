import { type Actor, type ProcedureConfigPorts, type UnitScope, vnDate } from '@mot-cua/core';
import { createProcedureConfigPorts, locateUnit } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';

/** A configuration write: the signed-in actor, the unit located today, the use case in one transaction. */
export const configureWith =
  (deps: AppDeps) =>
  async <T>(
    req: FastifyRequest,
    unitCode: string,
    useCase: (scope: UnitScope, actor: Actor, ports: ProcedureConfigPorts) => Promise<T>,
  ): Promise<T> => {
    const actor = requireActor(req);
    const scope = await locateUnit(deps.database.db, unitCode, vnDate(deps.clock.now()));
    return inTransaction(deps, req, createProcedureConfigPorts, (ports) => useCase(scope, actor, ports));
  };

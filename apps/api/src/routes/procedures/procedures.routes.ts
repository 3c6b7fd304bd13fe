import {
  BulkEnableRequest,
  CatalogProcedure,
  InternalProcess,
  PROCEDURE_CODE_PATTERN,
  ProcedureDetail,
  ProcedureFacets,
  ProcedureList,
  ProcedureListQuery,
  ProcedureVersionInfo,
  PutInternalProcessRequest,
  PutUnitProcedureConfigRequest,
  UnitProcedureConfig,
  UnitProcedureConfigList,
} from '@mot-cua/contracts';
import { type Actor, AppError, assertInternalProcess, authorize } from '@mot-cua/core';
import {
  createAuditRepository,
  createProcedureConfigRepository,
  createProceduresRepository,
  locateUnit,
  type UnitScope,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';

const CodeParam = z.object({ code: z.string().regex(PROCEDURE_CODE_PATTERN) });
const UnitParam = z.object({ unitCode: z.string().regex(/^[0-9A-Z]{2,10}$/) });
const UnitCodeParams = UnitParam.extend({ code: z.string().regex(PROCEDURE_CODE_PATTERN) });

/** Resource of a unit for the policy: its province when the register knows it, else the unit alone. */
const unitResource = (s: UnitScope) => ({
  kind: 'unit' as const,
  unitCode: s.unitCode,
  provinceCode: s.provinceCode ?? s.unitCode,
});

/**
 * Catalog API. Reading the catalog (list, detail, versions, unit configuration and internal processes) is
 * public; changing a unit's configuration or internal process needs 'procedure.configure' in that unit and
 * is audited.
 */
export const proceduresRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
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
      const unit = q.unit ? await locateUnit(db, q.unit) : undefined;
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

  // ------------------------------------------------------------ per-unit configuration

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
      const scope = await locateUnit(db, req.params.unitCode);
      return {
        unitCode: scope.unitCode,
        items: await createProcedureConfigRepository(db).listUnitConfigs(scope.unitCode),
      };
    },
  );

  const configurable = async (actor: Actor, unitCode: string, code: string) => {
    const scope = await locateUnit(db, unitCode);
    authorize(actor, 'procedure.configure', unitResource(scope));
    const head = await createProceduresRepository(db).findProcedureHead(code);
    if (!head) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code } });
    if (head.withdrawnOn) throw new AppError('PROCEDURE_WITHDRAWN', { details: { code } });
    return scope;
  };

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
      const actor = requireActor(req);
      const { unitCode, code } = req.params;
      const scope = await configurable(actor, unitCode, code);
      return db.transaction().execute(async (trx) => {
        const saved = await createProcedureConfigRepository(trx).putUnitConfig({
          unitCode: scope.unitCode,
          procedureCode: code,
          enabled: req.body.enabled,
          localFeeVnd: req.body.localFeeVnd,
          localFeeNote: req.body.localFeeNote,
          updatedBy: actor.userId,
        });
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'procedure.configure',
          entityType: 'procedure_unit_config',
          entityId: `${scope.unitCode}:${code}`,
          unitCode: scope.unitCode,
          provinceCode: scope.provinceCode,
          requestId: String(req.id),
          data: { ...req.body },
        });
        return saved;
      });
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
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = await locateUnit(db, req.params.unitCode);
      authorize(actor, 'procedure.configure', unitResource(scope));
      const codes = [...new Set(req.body.procedureCodes)];
      const known = await db
        .selectFrom('procedures')
        .select('code')
        .where('code', 'in', codes)
        .where('withdrawnOn', 'is', null)
        .execute();
      if (known.length !== codes.length) {
        const have = new Set(known.map((k) => k.code));
        throw new AppError('PROCEDURE_NOT_FOUND', { details: { codes: codes.filter((c) => !have.has(c)) } });
      }
      return db.transaction().execute(async (trx) => {
        const updated = await createProcedureConfigRepository(trx).setEnabled(
          scope.unitCode,
          codes,
          req.body.enabled,
          actor.userId,
        );
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'procedure.configure',
          entityType: 'procedure_unit_config',
          entityId: `${scope.unitCode}:*`,
          unitCode: scope.unitCode,
          provinceCode: scope.provinceCode,
          requestId: String(req.id),
          data: { enabled: req.body.enabled, procedureCodes: codes },
        });
        return { updated };
      });
    },
  );

  // ------------------------------------------------------------ internal process

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
      const scope = await locateUnit(db, req.params.unitCode);
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
      const actor = requireActor(req);
      const { unitCode, code } = req.params;
      const scope = await configurable(actor, unitCode, code);
      const current = await createProceduresRepository(db).findCurrentVersion(code);
      const legalLimit = current?.record.timeLimit ?? null;
      assertInternalProcess(req.body.steps, legalLimit);
      return db.transaction().execute(async (trx) => {
        const repo = createProcedureConfigRepository(trx);
        await repo.putInternalProcess({
          unitCode: scope.unitCode,
          procedureCode: code,
          steps: req.body.steps,
          legalLimit,
          updatedBy: actor.userId,
        });
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'procedure.configure',
          entityType: 'procedure_internal_process',
          entityId: `${scope.unitCode}:${code}`,
          unitCode: scope.unitCode,
          provinceCode: scope.provinceCode,
          requestId: String(req.id),
          data: { steps: req.body.steps, legalLimit },
        });
        return repo.getInternalProcess(code, scope);
      });
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
      const actor = requireActor(req);
      const { unitCode, code } = req.params;
      const scope = await configurable(actor, unitCode, code);
      await db.transaction().execute(async (trx) => {
        await createProcedureConfigRepository(trx).deleteInternalProcess(scope.unitCode, code);
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'procedure.configure',
          entityType: 'procedure_internal_process',
          entityId: `${scope.unitCode}:${code}`,
          unitCode: scope.unitCode,
          provinceCode: scope.provinceCode,
          requestId: String(req.id),
          data: { removed: true },
        });
      });
      return reply.status(204).send(null);
    },
  );
};

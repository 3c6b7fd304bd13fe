import { Drilldown, DrilldownDossiers, DrilldownDossiersQuery, DrilldownQuery } from '@mot-cua/contracts';
import { AppError, drillBreakdown, drillBucket, drillDossiers, statsPeriod, vnDate } from '@mot-cua/core';
import { createAdminUnitsRepository, createSupervisionDrilldownRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];

/**
 * /api/supervision/drilldown: below the commune of the dashboards, per department and per official who acted on
 * or holds each dossier, then the dossiers of one row. Authorized as every supervision read (dossier.stats on the
 * unit: a province supervisor only in their province, a commune's leader or centre director only their commune).
 */
export const drilldownRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  async function load(actor: ReturnType<typeof requireActor>, q: { code: string; from?: string; to?: string }) {
    const now = deps.clock.now();
    const today = vnDate(now);
    const scope = await supervisionScope(db, actor, { unitCode: q.code }, today);
    // below a commune (or a provincial unit), never a whole province: that is the dashboard's province level
    const unit = await createAdminUnitsRepository(db).findUnit(scope.code, today);
    if (scope.level !== 'unit' || !unit || unit.level === 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    const period = statsPeriod(now, q.from, q.to);
    const data = await createSupervisionDrilldownRepository(db).communeDossiers({
      unitCode: scope.code,
      fromAt: period.fromAt,
      toAt: period.toAt,
      onDate: period.to < today ? period.to : today,
    });
    return { now, today, scope, period, ...data };
  }

  app.get(
    '/drilldown',
    {
      schema: {
        tags,
        summary:
          'A commune’s dossiers of a period per department and per official who acted on or holds them: received, finished on time / late, in progress, overdue',
        querystring: DrilldownQuery,
        response: { 200: Drilldown },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { now, today, scope, period, dossiers, officials } = await load(actor, req.query);
      const names = await findUnitNames(db, [scope.code, scope.provinceCode], today);
      return {
        code: scope.code,
        name: names.get(scope.code) ?? scope.code,
        provinceCode: scope.provinceCode,
        provinceName: names.get(scope.provinceCode) ?? scope.provinceCode,
        from: period.from,
        to: period.to,
        ...drillBreakdown(dossiers, officials, now),
      };
    },
  );

  app.get(
    '/drilldown/dossiers',
    {
      schema: {
        tags,
        summary: 'The dossiers of one row of the drill-down (a department or an official), optionally of one figure',
        querystring: DrilldownDossiersQuery,
        response: { 200: DrilldownDossiers },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const { now, dossiers, officials } = await load(actor, q);
      const picked = drillDossiers(
        dossiers,
        officials,
        {
          ...(q.official ? { userId: q.official } : {}),
          ...(q.department ? { departmentId: q.department === 'none' ? null : q.department } : {}),
          ...(q.bucket ? { bucket: q.bucket } : {}),
        },
        now,
      );
      return {
        total: picked.length,
        items: picked.slice(q.offset, q.offset + q.limit).map((d) => ({
          id: d.id,
          code: d.code,
          procedureCode: d.procedureCode,
          procedureName: d.procedureName,
          status: d.status,
          bucket: drillBucket(d, now),
          receivedAt: d.entryAt.toISOString(),
          dueAt: d.dueAt?.toISOString() ?? null,
          finishedAt: d.finishedAt?.toISOString() ?? null,
          holderName: d.holderName,
        })),
      };
    },
  );
};

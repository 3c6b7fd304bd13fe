import { WhereToGo } from '@mot-cua/contracts';
import { AppError, formatTimeOfDay, isProcedureEnabled, vnDate } from '@mot-cua/core';
import {
  createAdminUnitsRepository,
  createCalendarRepository,
  createOrganisationRepository,
  createProcedureConfigRepository,
  createProceduresRepository,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { CodeParam } from './params.js';

const Query = z.object({ unit: z.string().regex(/^[0-9A-Z]{2,10}$/) });

/**
 * "Where to go" on the public procedure page: for the citizen's commune, the service center that receives the
 * procedure (the commune's when it receives it, else the province's), its address and office hours. Public read.
 */
export const whereToGoRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get(
    '/:code/where-to-go',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Where a citizen of a unit submits a procedure: service center, address, office hours',
        params: CodeParam,
        querystring: Query,
        response: { 200: WhereToGo },
      },
    },
    async (req) => {
      const today = vnDate(deps.clock.now());
      const units = createAdminUnitsRepository(db);
      const unit = await units.findUnit(req.query.unit, today);
      if (!unit) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code: req.query.unit } });
      const version = await createProceduresRepository(db).findCurrentVersion(req.params.code);
      if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code: req.params.code } });
      const scope = { unitCode: unit.code, provinceCode: unit.provinceCode };
      const config = await createProcedureConfigRepository(db).findEffectiveConfig(req.params.code, scope);
      const own = config?.unitCode === unit.code ? config : undefined;
      const receivesHere = isProcedureEnabled({
        levels: version.record.levels,
        unitCode: unit.code,
        unitConfig: own,
        provinceConfig: own ? undefined : config,
      });
      const target =
        receivesHere || unit.code === unit.provinceCode
          ? unit
          : ((await units.findUnit(unit.provinceCode, today)) ?? unit);
      const [center] = await createOrganisationRepository(db).listServiceCenters(target.code, today);
      const settings = await createCalendarRepository(db).effectiveSettings({
        unitCode: target.code === target.provinceCode ? undefined : target.code,
        provinceCode: target.provinceCode,
      });
      return {
        procedureCode: req.params.code,
        unit: { code: unit.code, name: unit.fullName },
        receivesHere,
        place: {
          unitCode: target.code,
          unitName: target.fullName,
          centerName: center?.name ?? null,
          address: center?.address ?? null,
          position:
            center?.latitude != null && center.longitude != null
              ? { latitude: center.latitude, longitude: center.longitude }
              : null,
          demoData: center?.demoData ?? false,
          officeHours: settings.officeHours.map((o) => ({
            start: formatTimeOfDay(o.start),
            end: formatTimeOfDay(o.end),
          })),
        },
      };
    },
  );
};

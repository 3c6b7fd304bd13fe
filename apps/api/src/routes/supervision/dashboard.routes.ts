import { Dashboard, DashboardQuery, NATIONAL_SCOPE } from '@mot-cua/contracts';
import { type Actor, AppError, authorize, decide, jurisdictionFor, statsPeriod, vnDate } from '@mot-cua/core';
import { type AggregateScope, createDossierUnitsPort } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { dashboardTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { dashboardBody } from '../../supervision/dashboard-body.js';
import { versionOf } from '../dossiers/dossier-view.js';

const tags = ['supervision'];

/** Which level and unit the caller asks for, and whether they may see it (a province supervisor: only theirs). */
async function resolveScope(
  deps: AppDeps,
  actor: Actor,
  q: DashboardQuery,
  today: string,
): Promise<{ scope: AggregateScope; code: string }> {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
  const units = createDossierUnitsPort(deps.database.db);
  const level = q.level ?? (mine.includes(NATIONAL_SCOPE) ? 'nation' : 'province');
  if (level === 'nation') {
    authorize(actor, 'dossier.stats', { kind: 'global' });
    return { scope: { level: 'nation' }, code: NATIONAL_SCOPE };
  }
  if (level === 'province') {
    let code = q.code;
    if (!code) {
      const own = mine.find((c) => c !== NATIONAL_SCOPE);
      if (!own) throw new AppError('VALIDATION_FAILED', { details: { code: 'required' } });
      code = (await units.findUnit(own, today))?.provinceCode ?? own;
    }
    const unit = await units.findUnit(code, today);
    if (unit?.level !== 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.code });
    return { scope: { level: 'province', provinceCode: unit.code }, code: unit.code };
  }
  if (!q.code) throw new AppError('VALIDATION_FAILED', { details: { code: 'required' } });
  const unit = await units.findUnit(q.code, today);
  if (!unit || unit.level === 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
  authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
  return { scope: { level: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code }, code: unit.code };
}

/** Dashboards of a commune, a province or the nation over any period, from the aggregates only. */
export const dashboardRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Received by channel, finished early / on time / late, in progress by deadline, per-procedure time against its limit, supplements, refusals, ratings, the previous period, and the rows of the level below (format=xlsx|pdf with table=rows|procedures|daily|openDue for a file)',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const now = deps.clock.now();
      const today = vnDate(now);
      const period = statsPeriod(now, q.from, q.to);
      const { scope, code } = await resolveScope(deps, actor, q, today);
      const body = await dashboardBody(deps, {
        scope,
        code,
        period,
        by: q.by,
        now,
        version: versionOf(req),
        mayOpen: (rowCode) =>
          scope.level === 'nation'
            ? decide(actor, 'dossier.stats', { kind: 'unit', unitCode: rowCode, provinceCode: rowCode }).allowed
            : // the commune's row opens its drill-down (departments, officials, dossiers): a supervision read too
              decide(actor, 'dossier.stats', { kind: 'unit', unitCode: rowCode, provinceCode: scope.provinceCode })
                .allowed,
        mayReadNation: decide(actor, 'dossier.stats', { kind: 'global' }).allowed,
      });
      if (q.format === 'json') return body;
      const file = `dieu-hanh-${q.table}-${code}-${period.from}-${period.to}`;
      return sendTable(reply, q.format, dashboardTable(body, q.table), file, now);
    },
  );
};

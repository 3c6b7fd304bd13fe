import {
  DossierList,
  DossierStats,
  DossierStatsListQuery,
  DossierStatsQuery,
  NATIONAL_SCOPE,
} from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  authorize,
  decide,
  jurisdictionFor,
  statsPeriod,
  statsRates,
  sumStatsCounts,
  vnDate,
} from '@mot-cua/core';
import { type DossierStatsFilter, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps } from './dossier-deps.js';
import { versionOf } from './dossier-view.js';
import { presentSummary } from './dossiers.presenter.js';

const tags = ['dossiers'];

/**
 * The scope, period and due-soon marks of a report, decided once for the aggregate and for the lists behind
 * its figures, so both count the same dossiers.
 */
async function statsFilter(
  deps: AppDeps,
  actor: Actor,
  q: DossierStatsQuery,
  version: number | undefined,
): Promise<{ filter: DossierStatsFilter; period: ReturnType<typeof statsPeriod>; d: ReturnType<typeof dossierDeps> }> {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
  const now = deps.clock.now();
  const today = vnDate(now);
  const period = statsPeriod(now, q.from, q.to);
  const d = dossierDeps(deps.database.db, deps, version);
  let scopes: string[];
  let groupBy: 'unit' | 'province' = 'unit';
  if (q.unitCode) {
    const unit = await d.units.findUnit(q.unitCode, today);
    if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    if (q.provinceCode && q.provinceCode !== unit.provinceCode) {
      throw new AppError('VALIDATION_FAILED', { details: { unitCode: 'not in provinceCode' } });
    }
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
    scopes = [unit.code];
  } else if (q.provinceCode) {
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: q.provinceCode, provinceCode: q.provinceCode });
    scopes = [q.provinceCode];
  } else {
    scopes = mine;
    if (mine.includes(NATIONAL_SCOPE)) groupBy = 'province';
  }
  const scope = { scopes, fromAt: period.fromAt, toAt: period.toAt, by: q.by, asOf: today };
  // The due-soon mark of each handling unit's own calendar (cached), so SQL classifies like the detail page.
  const dueSoonMarks = new Map<string, Date>();
  for (const u of await d.dossiers.statsOpenUnits(scope)) {
    dueSoonMarks.set(u.unitCode, await d.deadlines.dueSoonBefore({ ...u, now }));
  }
  return { filter: { ...scope, groupBy, now, dueSoonMarks }, period, d };
}

/** Aggregates for supervisors and the dossiers behind each figure. */
export const dossierStatsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary:
          'Aggregates of the caller’s area per unit at the time of receipt, or per today’s unit with by=current_unit (per province for a national supervisor)',
        querystring: DossierStatsQuery,
        response: { 200: DossierStats },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const { filter, period, d } = await statsFilter(deps, actor, q, versionOf(req));
      const counts = await d.dossiers.stats(filter);
      const names = await findUnitNames(
        deps.database.db,
        counts.map((c) => c.code),
        vnDate(filter.now),
      );
      const rows = counts.map((c) => ({
        ...c,
        name: names.get(c.code) ?? c.code,
        canReadDossiers: decide(actor, 'dossier.read', { kind: 'unit', unitCode: c.code, provinceCode: c.provinceCode })
          .allowed,
        ...statsRates(c),
      }));
      const totals = sumStatsCounts(counts);
      return {
        groupBy: filter.groupBy,
        by: q.by,
        from: period.from,
        to: period.to,
        generatedAt: filter.now.toISOString(),
        rows,
        totals: { ...totals, ...statsRates(totals) },
      };
    },
  );

  app.get(
    '/stats/dossiers',
    {
      schema: {
        tags,
        summary:
          'The dossiers behind one figure of GET /stats (same query, plus the figure and optionally the row’s code): the list’s total equals the figure',
        querystring: DossierStatsListQuery,
        response: { 200: DossierList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const { filter, d } = await statsFilter(deps, actor, q, versionOf(req));
      const list = await d.dossiers.statsDossiers({
        ...filter,
        bucket: q.bucket,
        code: q.code ?? null,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: list.items.map(presentSummary), total: list.total };
    },
  );
};

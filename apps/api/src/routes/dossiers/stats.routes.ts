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
import {
  type AggregatePerspective,
  type AggregateScope,
  createStatsFromAggregatesRepository,
  findUnitNames,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps } from './dossier-deps.js';
import { versionOf } from './dossier-view.js';
import { presentSummary } from './dossiers.presenter.js';
import { dueSoonMarks } from './due-soon-marks.js';

const tags = ['dossiers'];

/**
 * The scope and period of a report, decided once for the figures and for the lists behind them, so both count
 * the same dossiers: as the dossiers repository's filter (the lists) and as aggregate scopes (the figures).
 */
async function statsScope(deps: AppDeps, actor: Actor, q: DossierStatsQuery, version: number | undefined) {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
  const now = deps.clock.now();
  const today = vnDate(now);
  const period = statsPeriod(now, q.from, q.to);
  const d = dossierDeps(deps.database.db, deps, version);
  let scopes: string[];
  let groupBy: 'unit' | 'province' = 'unit';
  let aggregateScopes: AggregateScope[];
  if (q.unitCode) {
    const unit = await d.units.findUnit(q.unitCode, today);
    if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    if (q.provinceCode && q.provinceCode !== unit.provinceCode) {
      throw new AppError('VALIDATION_FAILED', { details: { unitCode: 'not in provinceCode' } });
    }
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
    scopes = [unit.code];
    aggregateScopes = [{ level: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code }];
  } else if (q.provinceCode) {
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: q.provinceCode, provinceCode: q.provinceCode });
    scopes = [q.provinceCode];
    aggregateScopes = [{ level: 'province', provinceCode: q.provinceCode }];
  } else if (mine.includes(NATIONAL_SCOPE)) {
    scopes = mine;
    groupBy = 'province';
    aggregateScopes = [{ level: 'nation' }];
  } else {
    scopes = mine;
    aggregateScopes = [];
    for (const code of mine) {
      const unit = await d.units.findUnit(code, today);
      if (!unit) continue;
      aggregateScopes.push(
        unit.level === 'province'
          ? { level: 'province', provinceCode: unit.code }
          : { level: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code },
      );
    }
  }
  const scope = { scopes, fromAt: period.fromAt, toAt: period.toAt, by: q.by, asOf: today };
  const perspective: AggregatePerspective = q.by === 'current_unit' ? 'current' : 'entry';
  return { scope, groupBy, aggregateScopes, perspective, period, now, d };
}

/** Aggregates for supervisors and the dossiers behind each figure. */
export const dossierStatsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary:
          'Aggregates of the caller’s area per unit at the time of receipt, or per today’s unit with by=current_unit (per province for a national supervisor): the dashboard’s aggregate tables, the in-progress split by deadline from the open dossiers',
        querystring: DossierStatsQuery,
        response: { 200: DossierStats },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const s = await statsScope(deps, actor, q, versionOf(req));
      const { period, now } = s;
      // The figures from the aggregates (the dashboard's), the clock-dependent split from the open dossiers.
      const repo = createStatsFromAggregatesRepository(deps.database.db);
      const units = await repo.openUnits(s.aggregateScopes, period, s.perspective, now);
      const marks = await dueSoonMarks(s.d.deadlines, units, now);
      const counts = await repo.counts(s.aggregateScopes, period, s.perspective, now, marks);
      const names = await findUnitNames(
        deps.database.db,
        counts.map((c) => c.code),
        vnDate(now),
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
        groupBy: s.groupBy,
        by: q.by,
        from: period.from,
        to: period.to,
        generatedAt: now.toISOString(),
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
      const { scope, groupBy, now, d } = await statsScope(deps, actor, q, versionOf(req));
      // The lists read the dossiers (paged), with the same predicates and due-soon marks as the figures.
      const marks = await dueSoonMarks(d.deadlines, await d.dossiers.statsOpenUnits(scope), now);
      const list = await d.dossiers.statsDossiers({
        ...scope,
        groupBy,
        now,
        dueSoonMarks: marks,
        bucket: q.bucket,
        code: q.code ?? null,
        limit: q.limit,
        offset: q.offset,
      });
      // Exact: the list's total is the figure it opens.
      return { items: list.items.map(presentSummary), total: list.total, totalCapped: false };
    },
  );
};

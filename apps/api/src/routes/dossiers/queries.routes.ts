import {
  AssigneeCandidates,
  DossierDetail,
  DossierList,
  DossierListQuery,
  DossierStats,
  DossierStatsQuery,
  NATIONAL_SCOPE,
} from '@mot-cua/contracts';
import {
  AppError,
  authorize,
  decide,
  jurisdictionFor,
  statsPeriod,
  statsRates,
  suggestAssignees,
  sumStatsCounts,
  vnDate,
} from '@mot-cua/core';
import { findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps, resourceFor } from './dossier-deps.js';
import { loadDossier, presentLoaded, versionOf } from './dossier-view.js';
import { presentSummary } from './dossiers.presenter.js';
import { auditDossierRead } from './read-audit.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['dossiers'];

/** Lists, aggregates, the detail and the assignment candidates of dossiers. */
export const dossierQueryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Dossiers received at or handled by the units in the caller’s jurisdiction',
        querystring: DossierListQuery,
        response: { 200: DossierList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      let scopes = jurisdictionFor(actor, 'dossier.read');
      if (scopes.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.read' } });
      const q = req.query;
      const now = deps.clock.now();
      if (q.unitCode) {
        // One unit's dossiers (the supervision page links here), only inside the caller's jurisdiction.
        const unit = await dossierDeps(db, deps, versionOf(req)).units.findUnit(q.unitCode, vnDate(now));
        if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
        authorize(actor, 'dossier.read', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
        scopes = [unit.code];
      }
      let dueBefore: Date | undefined;
      let dueAfter: Date | undefined;
      if (q.view === 'overdue') dueBefore = now;
      if (q.view === 'due_soon') {
        const port = dossierDeps(db, deps, versionOf(req)).deadlines;
        const soon = await port.computeDueDate({
          unitCode: scopes[0]!,
          provinceCode: scopes[0]!,
          receivedAt: now,
          duration: { value: 1, unit: 'working_days' },
        });
        dueBefore = soon.dueAt ?? now;
        dueAfter = now;
      }
      const list = await dossierDeps(db, deps, versionOf(req)).dossiers.listDossiers({
        scopes,
        ...(q.status ? { status: [q.status] } : {}),
        open: q.view !== 'all',
        ...(q.view === 'mine' ? { assigneeId: actor.userId } : {}),
        ...(q.view === 'unassigned' ? { unassigned: true } : {}),
        ...(dueBefore ? { dueBefore, runningClock: true } : {}),
        ...(dueAfter ? { dueAfter } : {}),
        ...(q.q ? { query: q.q } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { items: list.items.map(presentSummary), total: list.total };
    },
  );

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
      const mine = jurisdictionFor(actor, 'dossier.stats');
      if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
      const q = req.query;
      const now = deps.clock.now();
      const today = vnDate(now);
      const period = statsPeriod(now, q.from, q.to);
      const d = dossierDeps(db, deps, versionOf(req));
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
      const counts = await d.dossiers.stats({ ...scope, groupBy, now, dueSoonMarks });
      const names = await findUnitNames(
        db,
        counts.map((c) => c.code),
        today,
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
        groupBy,
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
    '/:id',
    {
      schema: {
        tags,
        summary: 'Dossier with timeline and process control sheet',
        params: IdParams,
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const loaded = await loadDossier(dossierDeps(db, deps, versionOf(req)), req.params.id);
      authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, loaded.dossier, 'detail');
      return presentLoaded(db, deps, loaded, actor, versionOf(req));
    },
  );

  app.get(
    '/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Qualified officials for the current step, least-loaded first',
        params: IdParams,
        response: { 200: AssigneeCandidates },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const d = dossierDeps(db, deps, versionOf(req));
      const { dossier, state } = await loadDossier(d, req.params.id);
      authorize(actor, 'dossier.assign', resourceFor(dossier, 'dossier.assign'));
      return { items: await suggestAssignees(d, dossier, state.currentStep?.role ?? 'specialist') };
    },
  );
};

import { AssigneeCandidates, DossierDetail, DossierList, DossierListQuery } from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  authorize,
  jurisdictionFor,
  suggestAssignees,
  vnDate,
  waitingScopes,
} from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps, resourceFor } from './dossier-deps.js';
import { loadDossier, presentLoaded, versionOf } from './dossier-view.js';
import { presentSummary } from './dossiers.presenter.js';
import { auditDossierRead } from './read-audit.js';

const IdParams = z.object({ id: z.uuid() });

/** "Waiting for me": assigned to the official, steps their roles may take, new online dossiers for reception. */
function waitingFor(actor: Actor) {
  return {
    userId: actor.userId,
    scopes: waitingScopes(actor.grants),
    intake: jurisdictionFor(actor, 'dossier.receive').length > 0,
  };
}
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
        ...(q.view === 'waiting' ? { waitingFor: waitingFor(actor) } : {}),
        ...(dueBefore ? { dueBefore, runningClock: true } : {}),
        ...(dueAfter ? { dueAfter } : {}),
        ...(q.q ? { query: q.q } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { items: list.items.map(presentSummary), total: list.total, totalCapped: list.totalCapped };
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
      const via = authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, via, loaded.dossier, 'detail');
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

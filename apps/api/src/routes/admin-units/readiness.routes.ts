import { NoApproverQuery, NoApproverReport, OnDateQuery, UnitReadiness } from '@mot-cua/contracts';
import { authorize, readinessOf, unitResource } from '@mot-cua/core';
import { createAdminUnitsRepository, createOfficialsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { CodeParams, tags, todayOf } from './shared.js';

/** Whether a unit's officials can work online (account, certificate, trained fields), and where nobody can approve. */
export const readinessRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const today = todayOf(deps);

  app.get(
    '/units/:code/readiness',
    {
      schema: {
        tags,
        summary: "Readiness of a unit's officials on a date: account, signature certificate, trained fields",
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: UnitReadiness },
      },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      const unit = await createAdminUnitsRepository(db).getUnit(req.params.code, onDate);
      authorize(requireActor(req), 'official.read', unitResource(unit));
      const rows = await createOfficialsRepository(db).listReadinessOfUnit(unit.code, onDate);
      const byUser = new Map<string, (typeof rows)[number] & { roles: string[] }>();
      for (const r of rows) {
        const seen = byUser.get(r.id);
        if (seen) seen.roles.push(r.role);
        else byUser.set(r.id, { ...r, roles: [r.role] });
      }
      const items = [...byUser.values()].map((r) => ({
        userId: r.id,
        username: r.username,
        fullName: r.fullName,
        roles: [...new Set(r.roles)],
        ...readinessOf(r, onDate, r.roles.includes('leader')),
        certificateValidTo: r.certificateValidTo,
        trainedFields: r.trainedFields ?? [],
      }));
      return { onDate, canApproveOnline: items.some((i) => i.canApproveOnline), items };
    },
  );

  app.get(
    '/readiness/no-online-approver',
    {
      schema: {
        tags,
        summary: 'Communes where no official can approve online (no leader with account and valid certificate)',
        querystring: NoApproverQuery,
        response: { 200: NoApproverReport },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const onDate = req.query.onDate ?? today();
      const p = req.query.provinceCode;
      authorize(actor, 'report.read', p ? { kind: 'unit', unitCode: p, provinceCode: p } : { kind: 'global' });
      const r = await createOfficialsRepository(db).listCommunesWithoutOnlineApprover({
        onDate,
        ...(p ? { provinceCode: p } : {}),
        limit: req.query.limit,
        offset: req.query.offset,
      });
      return { onDate, ...r };
    },
  );
};

import {
  type Assignment,
  AssignRequest,
  OfficialDetail,
  OfficialSearchQuery,
  OfficialSearchResult,
  OnDateQuery,
  ProfileRequest,
  UnitOfficialList,
} from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  assignOfficialAs,
  authorize,
  readinessOf,
  unitResource,
  updateOfficialProfile,
} from '@mot-cua/core';
import { createAdminUnitsRepository, createOfficialsPorts, createOfficialsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { CodeParams, IdParams, tags, todayOf, writeContext } from './shared.js';

/** Officials of a unit, one official's assignments and readiness, and the writes that place or profile them. */
export const officialsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const today = todayOf(deps);

  async function officialDetail(actor: Actor, userId: string) {
    const officials = createOfficialsRepository(db);
    const o = await officials.findOfficial(userId);
    if (!o) throw new AppError('OFFICIAL_NOT_FOUND');
    const assignments = await officials.listAssignments(userId);
    const units = createAdminUnitsRepository(db);
    const located = await Promise.all(
      assignments.map(
        async (a) => (await units.findUnit(a.unitCode, a.validFrom)) ?? { code: a.unitCode, provinceCode: a.unitCode },
      ),
    );
    authorize(
      actor,
      'official.read',
      located.length
        ? { kind: 'units', units: located.map((u) => ({ unitCode: u.code, provinceCode: u.provinceCode })) }
        : { kind: 'global' },
    );
    const onDate = today();
    const leads = assignments.some(
      (a) => a.roles.includes('leader') && a.validFrom <= onDate && (a.validTo === null || a.validTo >= onDate),
    );
    return {
      id: o.id,
      username: o.username,
      fullName: o.fullName,
      readiness: {
        ...readinessOf(o, onDate, leads),
        certificateValidTo: o.certificateValidTo,
        trainedFields: o.trainedFields,
      },
      assignments,
    };
  }

  app.get(
    '/units/:code/officials',
    {
      schema: {
        tags,
        summary: 'Officials assigned to a unit on a date',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: UnitOfficialList },
      },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      const unit = await createAdminUnitsRepository(db).getUnit(req.params.code, onDate);
      authorize(requireActor(req), 'official.read', unitResource(unit));
      const rows = await createOfficialsRepository(db).listAssignmentsOfUnit(unit.code, onDate);
      return {
        items: rows.map((r) => ({
          userId: r.userId,
          username: r.username,
          fullName: r.fullName,
          assignmentId: r.id,
          kind: r.kind as Assignment['kind'],
          roles: r.roles as Assignment['roles'],
          departmentName: r.departmentName,
          title: r.title,
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      };
    },
  );

  app.get(
    '/officials/:id',
    {
      schema: {
        tags,
        summary: "An official's assignments and readiness",
        params: IdParams,
        response: { 200: OfficialDetail },
      },
    },
    async (req) => officialDetail(requireActor(req), req.params.id),
  );

  app.post(
    '/officials/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Place, transfer, second or add a concurrent role in one action (history kept, grants follow)',
        params: IdParams,
        body: AssignRequest,
        response: { 201: OfficialDetail },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      await inTransaction(deps, req, createOfficialsPorts, (ports) =>
        assignOfficialAs(req.params.id, req.body, ctx, ports),
      );
      return reply.status(201).send(await officialDetail(ctx.actor, req.params.id));
    },
  );

  app.get(
    '/officials',
    {
      schema: {
        tags,
        summary: 'Find officials by user name or full name (accent-insensitive), to assign or transfer one',
        querystring: OfficialSearchQuery,
        response: { 200: OfficialSearchResult },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'official.assign', { kind: 'global' });
      return { items: await createOfficialsRepository(db).searchOfficials(req.query.q, req.query.limit) };
    },
  );

  app.put(
    '/officials/:id/profile',
    {
      schema: {
        tags,
        summary: 'Record digital signature certificate and trained fields',
        params: IdParams,
        body: ProfileRequest,
        response: { 200: OfficialDetail },
      },
    },
    async (req) => {
      const ctx = writeContext(deps, req);
      await inTransaction(deps, req, createOfficialsPorts, (ports) =>
        updateOfficialProfile(req.params.id, req.body, ctx, ports),
      );
      return officialDetail(ctx.actor, req.params.id);
    },
  );
};

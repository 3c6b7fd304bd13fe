import {
  AdminUnit,
  type Assignment,
  AssignRequest,
  ChangeApplied,
  ChangeEventList,
  ChangeEventRequest,
  ChangePreview,
  ConversionResult,
  ConvertRequest,
  CounterPatch,
  CounterRequest,
  Department,
  DepartmentPatch,
  DepartmentRequest,
  EndRequest,
  Lineage,
  NoApproverQuery,
  NoApproverReport,
  OfficialDetail,
  OnDateQuery,
  Organisation,
  ProfileRequest,
  ResolveReviewRequest,
  ReviewList,
  ReviewListQuery,
  ServiceCenterPatch,
  ServiceCenterRequest,
  UnitList,
  UnitOfficialList,
  UnitSearchQuery,
  UnitSearchResult,
} from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  applyChangeEvent,
  assignOfficial,
  authorize,
  type ChangeImpact,
  type ChangePlan,
  defaultOrganisation,
  previewChangeEvent,
  type Resource,
  type UnitVersion,
  vnDate,
} from '@mot-cua/core';
import {
  createAdminUnitsRepository,
  createAuditRepository,
  createChangeEventPorts,
  createOfficialsRepository,
  createOrganisationRepository,
  createRehomingRepository,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { unitIndexOf } from './unit-index-cache.js';

const CodeParams = z.object({ code: z.string().min(2).max(10) });
const IdParams = z.object({ id: z.string().uuid() });
const NumIdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['admin-units'];

const unitResource = (u: Pick<UnitVersion, 'code' | 'provinceCode'>): Resource => ({
  kind: 'unit',
  unitCode: u.code,
  provinceCode: u.provinceCode,
});

function presentPlan(plan: ChangePlan, impact: ChangeImpact) {
  return {
    kind: plan.event.kind,
    effectiveDate: plan.event.effectiveDate,
    description: plan.event.description,
    closeVersions: plan.closeVersions.map((c) => ({ code: c.code, validTo: c.validTo })),
    newVersions: plan.newVersions,
    links: plan.event.links,
    moves: impact.moves,
    reviews: impact.reviews,
  };
}

/** Routes of the admin-units feature, mounted at /api/admin-units. */
export const adminUnitsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const today = () => vnDate(deps.clock.now());
  const audit = (actor: Actor, reqId: string, action: string, entityType: string, entityId: string, data = {}) =>
    createAuditRepository(db).recordAudit({
      actorUserId: actor.userId,
      action,
      entityType,
      entityId,
      requestId: reqId,
      data,
    });

  // ---- Units over time (public master data) ----
  app.get(
    '/units',
    {
      schema: { tags, summary: 'Provinces in force on a date', querystring: OnDateQuery, response: { 200: UnitList } },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      return { onDate, items: (await unitIndexOf(deps.database)).index.listProvinces(onDate) };
    },
  );

  app.get(
    '/units/:code',
    {
      schema: {
        tags,
        summary: 'A unit as of a date',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: AdminUnit },
      },
    },
    async (req) => createAdminUnitsRepository(db).getUnit(req.params.code, req.query.onDate ?? today()),
  );

  app.get(
    '/units/:code/children',
    {
      schema: {
        tags,
        summary: 'Children of a unit as of a date (districts before 2025-07-01, communes after)',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: UnitList },
      },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      return { onDate, items: (await unitIndexOf(deps.database)).index.listChildren(req.params.code, onDate) };
    },
  );

  app.get(
    '/units/:code/lineage',
    {
      schema: {
        tags,
        summary: 'Predecessors and successors of a unit, transitively',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: Lineage },
      },
    },
    async (req) => (await unitIndexOf(deps.database)).index.lineage(req.params.code, req.query.onDate ?? today()),
  );

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Accent-insensitive, typo-tolerant search of units by name, or by code or old code alias',
        querystring: UnitSearchQuery,
        response: { 200: UnitSearchResult },
      },
    },
    async (req) => {
      const { index } = await unitIndexOf(deps.database);
      const hits = index.search(req.query.q, {
        onDate: req.query.onDate ?? today(),
        level: req.query.level,
        provinceCode: req.query.provinceCode,
        limit: req.query.limit,
      });
      return {
        items: hits.map((h) => ({
          unit: h.unit,
          provinceName: h.province?.fullName ?? null,
          score: h.score,
          alias: h.alias ?? null,
        })),
      };
    },
  );

  app.post(
    '/convert',
    {
      schema: {
        tags,
        summary: 'Convert an old (pre-2025-07-01) address or old code to the units in force on a date',
        body: ConvertRequest,
        response: { 200: ConversionResult },
      },
    },
    async (req) => {
      const onDate = req.body.onDate ?? today();
      const { converter } = await unitIndexOf(deps.database);
      const r = req.body.oldCode
        ? converter.convertCode(req.body.oldCode, onDate)
        : converter.convert(req.body.address!, onDate);
      return { ...r, onDate };
    },
  );

  // ---- Change events ----
  app.get(
    '/events',
    { schema: { tags, summary: 'Change events applied by administrators', response: { 200: ChangeEventList } } },
    async () => {
      const rows = await createAdminUnitsRepository(db).listEvents({ source: 'admin', limit: 100 });
      return {
        items: rows.map((r) => ({
          ...r,
          kind: r.kind as ChangeApplied['kind'],
          appliedAt: r.appliedAt.toISOString(),
        })),
      };
    },
  );

  const eventKey = () => `admin:${deps.clock.now().toISOString()}:${Math.random().toString(36).slice(2, 8)}`;

  app.post(
    '/events/preview',
    {
      schema: {
        tags,
        summary: 'Preview a change event: versions that end and begin, records that would move or need review',
        body: ChangeEventRequest,
        response: { 200: ChangePreview },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'admin_unit.change', { kind: 'global' });
      const { plan, impact } = await previewChangeEvent(
        req.body,
        createChangeEventPorts(db, { userId: null }),
        'preview',
      );
      return presentPlan(plan, impact);
    },
  );

  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Apply a change event and re-home open records in one audited transaction',
        body: ChangeEventRequest,
        response: { 201: ChangeApplied },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'admin_unit.change', { kind: 'global' });
      const r = await db
        .transaction()
        .execute((trx) =>
          applyChangeEvent(
            req.body,
            createChangeEventPorts(trx, { userId: actor.userId, requestId: String(req.id) }),
            eventKey(),
          ),
        );
      return reply
        .status(201)
        .send({ ...presentPlan(r.plan, r.impact), eventId: r.eventId, moved: r.moved, queued: r.queued });
    },
  );

  app.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: 'Records of split units waiting for a decision, one page at a time (limit, offset, total)',
        querystring: ReviewListQuery,
        response: { 200: ReviewList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'admin_unit.change', { kind: 'global' });
      const { status, limit, offset } = req.query;
      return createRehomingRepository(db).listReviews({ status, limit, offset });
    },
  );

  app.post(
    '/reviews/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Move one reviewed record to the chosen successor',
        params: NumIdParams,
        body: ResolveReviewRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'admin_unit.change', { kind: 'global' });
      await db.transaction().execute(async (trx) => {
        await createRehomingRepository(trx).resolveReview(req.params.id, req.body.unitCode, actor.userId);
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'admin_unit.review_resolved',
          entityType: 'rehoming_review',
          entityId: String(req.params.id),
          requestId: String(req.id),
          data: { unitCode: req.body.unitCode },
        });
      });
      return reply.status(204).send(null);
    },
  );

  // ---- Organisation ----
  async function organisationOf(code: string, onDate: string) {
    const unit = await createAdminUnitsRepository(db).getUnit(code, onDate);
    const org = createOrganisationRepository(db);
    const centers = await org.listServiceCenters(unit.code, onDate);
    return {
      unit,
      onDate,
      departments: await org.listDepartments(unit.code, onDate),
      serviceCenters: await Promise.all(centers.map(async (c) => ({ ...c, counters: await org.listCounters(c.id) }))),
    };
  }

  app.get(
    '/units/:code/organisation',
    {
      schema: {
        tags,
        summary: "A unit's departments, service centers and counters as of a date",
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: Organisation },
      },
    },
    async (req) => organisationOf(req.params.code, req.query.onDate ?? today()),
  );

  app.post(
    '/units/:code/organisation/default',
    {
      schema: {
        tags,
        summary: 'Create the default organisation of a unit (Decree 150/2025) when it has none',
        params: CodeParams,
        response: { 200: Organisation },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const onDate = today();
      const unit = await createAdminUnitsRepository(db).getUnit(req.params.code, onDate);
      authorize(actor, 'organisation.manage', unitResource(unit));
      if (unit.level === 'district') throw new AppError('ADMIN_UNIT_NOT_FOUND');
      await db.transaction().execute(async (trx) => {
        const created = await createOrganisationRepository(trx).ensureDefaultOrganisation(
          unit,
          defaultOrganisation(unit),
          unit.validFrom ?? onDate,
        );
        if (created) {
          await createAuditRepository(trx).recordAudit({
            actorUserId: actor.userId,
            action: 'organisation.default_created',
            entityType: 'admin_unit',
            entityId: unit.code,
            unitCode: unit.code,
            provinceCode: unit.provinceCode,
            requestId: String(req.id),
          });
        }
      });
      return organisationOf(unit.code, onDate);
    },
  );

  const unitForWrite = async (actor: Actor, code: string) => {
    const unit = await createAdminUnitsRepository(db).getUnit(code, today());
    authorize(actor, 'organisation.manage', unitResource(unit));
    return unit;
  };

  app.post(
    '/units/:code/departments',
    {
      schema: {
        tags,
        summary: 'Add a department',
        params: CodeParams,
        body: DepartmentRequest,
        response: { 201: Department },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const unit = await unitForWrite(actor, req.params.code);
      const org = createOrganisationRepository(db);
      const id = await org.createDepartment({
        unitCode: unit.code,
        ...req.body,
        validFrom: req.body.validFrom ?? today(),
      });
      await audit(actor, String(req.id), 'organisation.department_created', 'department', id, req.body);
      return reply.status(201).send((await org.findDepartment(id))!);
    },
  );

  const departmentForWrite = async (actor: Actor, id: string) => {
    const d = await createOrganisationRepository(db).findDepartment(id);
    if (!d) throw new AppError('DEPARTMENT_NOT_FOUND');
    await unitForWrite(actor, d.unitCode);
    return d;
  };

  app.patch(
    '/departments/:id',
    {
      schema: {
        tags,
        summary: 'Rename a department',
        params: IdParams,
        body: DepartmentPatch,
        response: { 200: Department },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await departmentForWrite(actor, req.params.id);
      const org = createOrganisationRepository(db);
      await org.updateDepartment(req.params.id, req.body);
      await audit(actor, String(req.id), 'organisation.department_updated', 'department', req.params.id, req.body);
      return (await org.findDepartment(req.params.id))!;
    },
  );

  app.post(
    '/departments/:id/end',
    {
      schema: {
        tags,
        summary: 'End a department (history kept)',
        params: IdParams,
        body: EndRequest,
        response: { 200: Department },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await departmentForWrite(actor, req.params.id);
      const org = createOrganisationRepository(db);
      await org.endDepartment(req.params.id, req.body.lastDay);
      await audit(actor, String(req.id), 'organisation.department_ended', 'department', req.params.id, req.body);
      return (await org.findDepartment(req.params.id))!;
    },
  );

  app.post(
    '/units/:code/service-centers',
    {
      schema: {
        tags,
        summary: 'Add a service center or reception point',
        params: CodeParams,
        body: ServiceCenterRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const unit = await unitForWrite(actor, req.params.code);
      const id = await createOrganisationRepository(db).createServiceCenter({
        unitCode: unit.code,
        ...req.body,
        validFrom: today(),
      });
      await audit(actor, String(req.id), 'organisation.center_created', 'service_center', id, req.body);
      return reply.status(201).send({ id });
    },
  );

  const centerForWrite = async (actor: Actor, id: string) => {
    const c = await createOrganisationRepository(db).findServiceCenter(id);
    if (!c) throw new AppError('SERVICE_CENTER_NOT_FOUND');
    await unitForWrite(actor, c.unitCode);
    return c;
  };

  app.patch(
    '/service-centers/:id',
    {
      schema: {
        tags,
        summary: 'Update a service center',
        params: IdParams,
        body: ServiceCenterPatch,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await centerForWrite(actor, req.params.id);
      await createOrganisationRepository(db).updateServiceCenter(req.params.id, req.body);
      await audit(actor, String(req.id), 'organisation.center_updated', 'service_center', req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/service-centers/:id/counters',
    {
      schema: {
        tags,
        summary: 'Add a counter',
        params: IdParams,
        body: CounterRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const c = await centerForWrite(actor, req.params.id);
      const id = await createOrganisationRepository(db).createCounter({
        serviceCenterId: c.id,
        unitCode: c.unitCode,
        ...req.body,
      });
      await audit(actor, String(req.id), 'organisation.counter_created', 'counter', id, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/counters/:id',
    {
      schema: {
        tags,
        summary: 'Update or close a counter',
        params: IdParams,
        body: CounterPatch,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = createOrganisationRepository(db);
      const counter = await org.findCounter(req.params.id);
      if (!counter) throw new AppError('COUNTER_NOT_FOUND');
      await centerForWrite(actor, counter.serviceCenterId);
      await org.updateCounter(req.params.id, req.body);
      await audit(actor, String(req.id), 'organisation.counter_updated', 'counter', req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- Officials ----
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
    const hasCertificate = Boolean(o.certificateSerial) && (!o.certificateValidTo || o.certificateValidTo >= onDate);
    const hasAccount = o.isActive && o.hasPassword;
    const leads = assignments.some(
      (a) => a.roles.includes('leader') && a.validFrom <= onDate && (a.validTo === null || a.validTo >= onDate),
    );
    return {
      id: o.id,
      username: o.username,
      fullName: o.fullName,
      readiness: {
        hasAccount,
        hasCertificate,
        certificateValidTo: o.certificateValidTo,
        trainedFields: o.trainedFields,
        canApproveOnline: hasAccount && hasCertificate && leads,
      },
      assignments,
    };
  }

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
      const actor = requireActor(req);
      const target = await createAdminUnitsRepository(db).getUnit(req.body.unitCode, req.body.effectiveDate);
      authorize(actor, 'official.assign', unitResource(target));
      await db.transaction().execute(async (trx) => {
        const units = createAdminUnitsRepository(trx);
        const org = createOrganisationRepository(trx);
        const officials = createOfficialsRepository(trx);
        const r = await assignOfficial(
          { userId: req.params.id, ...req.body },
          {
            findOfficial: (id) => officials.findOfficial(id),
            findUnit: (code, d) => units.findUnit(code, d),
            findDepartment: (id) => org.findDepartment(id),
            listAssignments: (id) => officials.listAssignments(id),
            endAssignment: (id, to) => officials.endAssignment(id, to),
            createAssignment: officials.createAssignment,
          },
          actor.userId,
        );
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'official.assigned',
          entityType: 'user',
          entityId: req.params.id,
          unitCode: target.code,
          provinceCode: target.provinceCode,
          requestId: String(req.id),
          data: { ...req.body, ...r },
        });
      });
      return reply.status(201).send(await officialDetail(actor, req.params.id));
    },
  );

  app.get(
    '/officials',
    {
      schema: {
        tags,
        summary: 'Find officials by user name or full name (accent-insensitive), to assign or transfer one',
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), username: z.string(), fullName: z.string(), isActive: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'official.assign', { kind: 'global' });
      return { items: await createOfficialsRepository(db).searchOfficials(req.query.q, req.query.limit) };
    },
  );

  app.get(
    '/units/:code/readiness',
    {
      schema: {
        tags,
        summary: "Readiness of a unit's officials on a date: account, signature certificate, trained fields",
        params: CodeParams,
        querystring: OnDateQuery,
        response: {
          200: z.object({
            onDate: z.string(),
            canApproveOnline: z.boolean().describe('At least one leader has an account and a valid certificate'),
            items: z.array(
              z.object({
                userId: z.string(),
                username: z.string(),
                fullName: z.string(),
                roles: z.array(z.string()),
                hasAccount: z.boolean(),
                hasCertificate: z.boolean(),
                certificateValidTo: z.string().nullable(),
                trainedFields: z.array(z.string()),
                canApproveOnline: z.boolean(),
              }),
            ),
          }),
        },
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
      const items = [...byUser.values()].map((r) => {
        const hasAccount = r.isActive && r.hasPassword;
        const hasCertificate =
          Boolean(r.certificateSerial) && (!r.certificateValidTo || r.certificateValidTo >= onDate);
        return {
          userId: r.id,
          username: r.username,
          fullName: r.fullName,
          roles: [...new Set(r.roles)],
          hasAccount,
          hasCertificate,
          certificateValidTo: r.certificateValidTo,
          trainedFields: r.trainedFields ?? [],
          canApproveOnline: hasAccount && hasCertificate && r.roles.includes('leader'),
        };
      });
      return { onDate, canApproveOnline: items.some((i) => i.canApproveOnline), items };
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
      const actor = requireActor(req);
      authorize(actor, 'official.assign', { kind: 'global' });
      const officials = createOfficialsRepository(db);
      if (!(await officials.findOfficial(req.params.id))) throw new AppError('OFFICIAL_NOT_FOUND');
      await officials.upsertProfile(req.params.id, req.body);
      await audit(actor, String(req.id), 'official.profile_updated', 'user', req.params.id, req.body);
      return officialDetail(actor, req.params.id);
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

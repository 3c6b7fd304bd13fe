import fastifyMultipart from '@fastify/multipart';
import {
  AcceptDossierRequest,
  AnswerConsultationRequest,
  ApologyRequest,
  AssigneeCandidates,
  AssignStepRequest,
  ClaimStepRequest,
  CompleteStepRequest,
  ConsultationRequest,
  DossierDetail,
  DossierList,
  DossierListQuery,
  DossierNoteRequest,
  DossierReasonRequest,
  DossierStats,
  DossierStatsQuery,
  FinancialObligationRequest,
  ForwardDossierRequest,
  NATIONAL_SCOPE,
  PublicDossierView,
  PublicLookupQuery,
  RateDossierRequest,
  ReceiveDossierRequest,
  RefuseDossierRequest,
  ReturnResultRequest,
  SlipKindName,
  SupplementRequestBody,
} from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  acceptDossier,
  answerConsultation,
  approveDossier,
  assignStep,
  authorizationActionFor,
  authorize,
  claimStep,
  completeStep,
  type DossierActionResult,
  type DossierActionType,
  type DossierActor,
  decide,
  deriveDossierState,
  forwardDossier,
  issueApology,
  issueResult,
  jurisdictionFor,
  lookupDossier,
  permittedActions,
  rateDossier,
  receiveDossier,
  recordPayment,
  refuseDossier,
  requestConsultation,
  requestFinancialObligation,
  requestSupplement,
  returnResult,
  statsPeriod,
  statsRates,
  stopDossier,
  suggestAssignees,
  sumStatsCounts,
  supplementDossier,
  vnDate,
  withdrawDossier,
} from '@mot-cua/core';
import { createAuditRepository, type DB, findUnitNames, type UnitMemo } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { optionalActor, requireActor } from '../../http/auth.js';
import { renderSlip } from '../../slips/slips.js';
import {
  authorizeOnDossier,
  checkedFile,
  dossierDeps,
  loadUnitNames,
  MAX_ATTACHMENT_BYTES,
  resourceFor,
} from './dossier-deps.js';
import { presentDetail, presentPublic, presentSummary, slipsOf } from './dossiers.presenter.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['dossiers'];

/** Routes of the dossiers feature, mounted at /api/dossiers. */
export const dossiersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 10, fields: 20 } });

  const lookupUrl = (code: string) =>
    `${deps.config.publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
  const fullName = (req: FastifyRequest) => req.session?.user.fullName ?? null;

  /** The detail view for the signed-in actor (its allowed actions are computed for them). */
  async function detail(trx: Kysely<DB>, id: string, actor: Actor, unitMemo?: UnitMemo) {
    const d = dossierDeps(trx, deps, unitMemo);
    const dossier = await d.dossiers.findDossier(id);
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
    const actions = await d.dossiers.listActions(id);
    const state = deriveDossierState(actions);
    const now = deps.clock.now();
    const dueSoonAt =
      state.dueAt && !state.finishedAt
        ? await d.deadlines.workingDaysBefore({
            unitCode: dossier.competentUnitCode,
            provinceCode: dossier.provinceCode,
            at: state.dueAt,
            days: 1,
          })
        : null;
    const unitName = await loadUnitNames(
      trx,
      [dossier.receivingUnitCode, dossier.competentUnitCode],
      vnDate(now),
      d.units,
    );
    const attachments = (await d.dossiers.listAttachments(id)).map((a) => ({
      id: a.id,
      kind: a.kind,
      componentKey: a.componentKey,
      fileName: a.fileName,
      sha256: a.sha256,
      sizeBytes: a.sizeBytes,
      mediaType: a.mediaType,
    }));
    // One working day before the due date is both the due-soon mark and the latest apology instant.
    const allowedActions = permittedActions(state, dossier, actor, { now, apologyLatestAt: dueSoonAt });
    return presentDetail({ dossier, state, actions, now, dueSoonAt, unitName, attachments, allowedActions });
  }

  /**
   * The one path of every dossier action: load, authorize with the action's policy line against the right
   * unit, run the use case in the same transaction, audit, present.
   */
  async function act(
    req: FastifyRequest,
    id: string,
    type: DossierActionType,
    run: (d: ReturnType<typeof dossierDeps>, actor: DossierActor) => Promise<DossierActionResult>,
  ) {
    const actor = requireActor(req);
    const unitMemo: UnitMemo = new Map();
    await db.transaction().execute(async (trx) => {
      const d = dossierDeps(trx, deps, unitMemo);
      const dossier = await d.dossiers.findDossier(id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
      const state = deriveDossierState(await d.dossiers.listActions(id));
      const policy = authorizationActionFor(type, state.phase, state.currentStep?.role);
      const who = authorizeOnDossier(actor, fullName(req), policy, dossier);
      const result = await run(d, who);
      await createAuditRepository(trx).recordAudit({
        actorUserId: actor.userId,
        action: `dossier.${type}`,
        entityType: 'dossier',
        entityId: id,
        provinceCode: dossier.provinceCode,
        unitCode: who.unitCode,
        requestId: String(req.id),
        data: { seq: result.action.seq, status: result.state.status },
      });
    });
    // The view is read after the commit: the dossier's lock is not held while it is built.
    return detail(db, id, actor, unitMemo);
  }

  // ------------------------------------------------------------------ reception
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Receive a dossier (counter, online, postal, any center of the province)',
        body: ReceiveDossierRequest,
        response: { 201: DossierDetail },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const body = req.body;
      const unitMemo: UnitMemo = new Map();
      const id = await db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, unitMemo);
        const today = vnDate(deps.clock.now());
        const unit = await d.units.findUnit(body.receivingUnitCode, today);
        if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
        const isCitizen = actor.grants.some((g) => g.role === 'citizen');
        const isOfficial = actor.grants.some((g) => g.role !== 'citizen');
        const action = isCitizen && !isOfficial ? 'dossier.submit' : 'dossier.receive';
        if (action === 'dossier.submit' && (body.mode !== 'submit' || body.channel !== 'online' || body.timeLimit)) {
          throw new AppError('FORBIDDEN');
        }
        const grant = authorize(actor, action, { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
        const who: DossierActor = { userId: actor.userId, name: fullName(req), role: grant.role, unitCode: unit.code };
        const r = await receiveDossier(d, who, {
          mode: body.mode,
          channel: body.channel,
          procedureCode: body.procedureCode,
          receivingUnitCode: unit.code,
          competentUnitCode: body.competentUnitCode ?? null,
          applicant: {
            type: body.applicant.type,
            fullName: body.applicant.fullName,
            idNumber: body.applicant.idNumber ?? null,
            phone: body.applicant.phone ?? null,
            email: body.applicant.email ?? null,
            address: body.applicant.address ?? null,
          },
          agent: body.agent
            ? {
                fullName: body.agent.fullName,
                idNumber: body.agent.idNumber ?? null,
                phone: body.agent.phone ?? null,
                relation: body.agent.relation ?? null,
              }
            : null,
          components: body.components.map((c) => ({
            key: c.key,
            state: c.state,
            reason: c.reason ?? null,
            ...(c.copies !== undefined ? { copies: c.copies } : {}),
          })),
          returnMethod: body.returnMethod,
          vneidVerified: body.vneidVerified ?? false,
          note: body.note ?? null,
          timeLimit: body.timeLimit ?? null,
        });
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'dossier.received',
          entityType: 'dossier',
          entityId: r.dossier.id,
          provinceCode: r.dossier.provinceCode,
          unitCode: unit.code,
          requestId: String(req.id),
          data: { code: r.dossier.code, mode: body.mode, channel: body.channel },
        });
        return r.dossier.id;
      });
      // Read after the commit: the day's code sequence row stays locked only while the dossier is written.
      return reply.status(201).send(await detail(db, id, actor, unitMemo));
    },
  );

  // ------------------------------------------------------------------ lists and detail
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
        const unit = await dossierDeps(db, deps).units.findUnit(q.unitCode, vnDate(now));
        if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
        authorize(actor, 'dossier.read', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
        scopes = [unit.code];
      }
      let dueBefore: Date | undefined;
      let dueAfter: Date | undefined;
      if (q.view === 'overdue') dueBefore = now;
      if (q.view === 'due_soon') {
        const port = dossierDeps(db, deps).deadlines;
        const soon = await port.computeDueDate({
          unitCode: scopes[0]!,
          provinceCode: scopes[0]!,
          receivedAt: now,
          duration: { value: 1, unit: 'working_days' },
        });
        dueBefore = soon.dueAt ?? now;
        dueAfter = now;
      }
      const list = await dossierDeps(db, deps).dossiers.listDossiers({
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
      const d = dossierDeps(db, deps);
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
      const d = await dossierDeps(db, deps).dossiers.findDossier(req.params.id);
      if (!d) throw new AppError('DOSSIER_NOT_FOUND');
      authorize(actor, 'dossier.read', resourceFor(d, 'dossier.read'));
      return detail(db, req.params.id, actor);
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
      const d = dossierDeps(db, deps);
      const dossier = await d.dossiers.findDossier(req.params.id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
      authorize(actor, 'dossier.assign', resourceFor(dossier, 'dossier.assign'));
      const state = deriveDossierState(await d.dossiers.listActions(dossier.id));
      return { items: await suggestAssignees(d, dossier, state.currentStep?.role ?? 'specialist') };
    },
  );

  // ------------------------------------------------------------------ actions
  const action = <S extends z.ZodType>(
    path: string,
    type: DossierActionType,
    summary: string,
    body: S,
    run: (
      d: ReturnType<typeof dossierDeps>,
      actor: DossierActor,
      id: string,
      body: z.infer<S>,
    ) => Promise<DossierActionResult>,
  ) =>
    app.post(
      `/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: DossierDetail } } },
      async (req) => act(req, req.params.id, type, (d, actor) => run(d, actor, req.params.id, req.body as z.infer<S>)),
    );

  action(
    'accept',
    'received',
    'Accept a registered dossier (complete checklist): the clock starts',
    AcceptDossierRequest,
    (d, actor, id, b) =>
      acceptDossier(d, {
        dossierId: id,
        actor,
        note: b.note ?? null,
        timeLimit: b.timeLimit ?? null,
        ...(b.components
          ? { components: b.components.map((c) => ({ key: c.key, state: c.state, reason: c.reason ?? null })) }
          : {}),
      }),
  );
  app.post(
    '/:id/supplement-request',
    {
      schema: {
        tags,
        summary: 'One consolidated supplement request (form 02); pauses the clock during processing',
        params: IdParams,
        body: SupplementRequestBody,
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      const id = req.params.id;
      const phase = await db.transaction().execute(async (trx) => {
        const x = dossierDeps(trx, deps);
        const dossier = await x.dossiers.findDossier(id);
        if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
        return { phase: deriveDossierState(await x.dossiers.listActions(id)).phase, dossier };
      });
      const names = new Map(phase.dossier.components.map((c) => [c.key, c.name]));
      return act(req, id, 'supplement_requested', (d, actor) =>
        requestSupplement(d, {
          dossierId: id,
          actor,
          items: req.body.items.map((i) => ({
            key: i.key,
            name: i.name ?? names.get(i.key) ?? i.key,
            state: i.state,
            reason: i.reason ?? null,
          })),
          deadlineAt: req.body.deadlineAt ? new Date(req.body.deadlineAt) : null,
          note: req.body.note ?? null,
        }),
      );
    },
  );
  action('supplement', 'supplemented', 'Record the applicant’s supplement', DossierNoteRequest, (d, actor, id, b) =>
    supplementDossier(d, { dossierId: id, actor, note: b.note ?? null }),
  );
  action('refuse', 'refused', 'Refuse with reasons (form 03)', RefuseDossierRequest, (d, actor, id, b) =>
    refuseDossier(d, { dossierId: id, actor, reasons: b.reasons, note: b.note ?? null }),
  );
  action(
    'assign',
    'assigned',
    'Assign or reassign the current step (least-loaded when no assignee)',
    AssignStepRequest,
    (d, actor, id, b) =>
      assignStep(d, {
        dossierId: id,
        actor,
        stepOrder: b.stepOrder,
        assigneeId: b.assigneeId ?? null,
        note: b.note ?? null,
      }),
  );
  action('claim', 'claimed', 'Take the current step', ClaimStepRequest, (d, actor, id, b) =>
    claimStep(d, { dossierId: id, actor, stepOrder: b.stepOrder }),
  );
  action('complete-step', 'step_completed', 'Hand over to the next step', CompleteStepRequest, (d, actor, id, b) =>
    completeStep(d, {
      dossierId: id,
      actor,
      fromStep: b.fromStep,
      toStep: b.toStep ?? null,
      toAssigneeId: b.toAssigneeId ?? null,
      note: b.note ?? null,
    }),
  );
  action(
    'forward',
    'forwarded',
    'Route to another competent unit of the province',
    ForwardDossierRequest,
    (d, actor, id, b) => forwardDossier(d, { dossierId: id, actor, toUnitCode: b.toUnitCode, note: b.note ?? null }),
  );
  action(
    'consultations',
    'consultation_requested',
    'Consult another agency with its own deadline',
    ConsultationRequest,
    (d, actor, id, b) =>
      requestConsultation(d, {
        dossierId: id,
        actor,
        agency: b.agency,
        question: b.question,
        workingDays: b.workingDays,
      }),
  );
  app.post(
    '/:id/consultations/:consultationId/answer',
    {
      schema: {
        tags,
        summary: 'Record a consulted agency’s answer',
        params: z.object({ id: z.uuid(), consultationId: z.uuid() }),
        body: AnswerConsultationRequest,
        response: { 200: DossierDetail },
      },
    },
    async (req) =>
      act(req, req.params.id, 'consultation_answered', (d, actor) =>
        answerConsultation(d, {
          dossierId: req.params.id,
          actor,
          consultationId: req.params.consultationId,
          answer: req.body.answer,
        }),
      ),
  );
  action(
    'financial-obligation',
    'financial_obligation_requested',
    'Ask the applicant to pay a financial obligation (clock pauses)',
    FinancialObligationRequest,
    (d, actor, id, b) =>
      requestFinancialObligation(d, {
        dossierId: id,
        actor,
        amount: b.amount ?? null,
        description: b.description ?? null,
      }),
  );
  action(
    'payment',
    'financial_obligation_paid',
    'The financial obligation is paid',
    DossierNoteRequest,
    (d, actor, id, b) => recordPayment(d, { dossierId: id, actor, note: b.note ?? null }),
  );
  action('approve', 'approved', 'The competent leader approves', DossierNoteRequest, (d, actor, id, b) =>
    approveDossier(d, { dossierId: id, actor, note: b.note ?? null }),
  );
  action(
    'apology',
    'apology_issued',
    'Apology with a new due date (form 04), once, ≥1 working day before',
    ApologyRequest,
    (d, actor, id, b) => issueApology(d, { dossierId: id, actor, reason: b.reason, newDueAt: new Date(b.newDueAt) }),
  );
  action(
    'withdraw',
    'withdrawn',
    'The applicant withdraws the dossier (stop notice)',
    DossierReasonRequest,
    (d, actor, id, b) => withdrawDossier(d, { dossierId: id, actor, reason: b.reason }),
  );
  action('stop', 'stopped', 'Stop processing (stop notice)', DossierReasonRequest, (d, actor, id, b) =>
    stopDossier(d, { dossierId: id, actor, reason: b.reason }),
  );
  action('return', 'returned', 'Hand the result back (counter, post, online)', ReturnResultRequest, (d, actor, id, b) =>
    returnResult(d, { dossierId: id, actor, method: b.method, note: b.note ?? null }),
  );
  action('rate', 'rated', 'Record the applicant’s rating at the counter', RateDossierRequest, (d, actor, id, b) =>
    rateDossier(d, {
      dossierId: id,
      actor,
      level: b.level as 1 | 2 | 3 | 4 | 5,
      ...(b.criteria ? { criteria: b.criteria } : {}),
      comment: b.comment ?? null,
    }),
  );

  // ------------------------------------------------------------------ files
  async function readFiles(req: FastifyRequest) {
    const files: Array<{ fileName: string; bytes: Buffer }> = [];
    const fields: Record<string, string> = {};
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated || bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
          files.push({ fileName: part.filename || 'tep-dinh-kem', bytes });
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('ATTACHMENT_TOO_LARGE');
      if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      throw e;
    }
    return { files, fields };
  }

  app.post(
    '/:id/result',
    {
      schema: {
        tags,
        summary: 'Issue the result: upload the digitized result files (multipart, PDF/JPEG/PNG, ≤10 MB each)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      requireActor(req);
      const { files, fields } = await readFiles(req);
      const checked = files.map((f) => ({ ...checkedFile(f.bytes), fileName: f.fileName }));
      return act(req, req.params.id, 'result_issued', async (d, actor) => {
        const r = await issueResult(d, {
          dossierId: req.params.id,
          actor,
          documents: checked.map((f) => ({ name: f.fileName, sha256: f.sha256 })),
          note: fields.note ?? null,
        });
        for (const f of checked) {
          await d.dossiers.storeFile(f);
          await d.dossiers.addAttachment({
            dossierId: r.dossier.id,
            provinceCode: r.dossier.provinceCode,
            kind: 'result',
            componentKey: null,
            fileName: f.fileName,
            sha256: f.sha256,
            uploadedBy: actor.userId,
          });
        }
        return r;
      });
    },
  );

  app.post(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach scanned components (multipart; field componentKey)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { files, fields } = await readFiles(req);
      const checked = files.map((f) => ({ ...checkedFile(f.bytes), fileName: f.fileName }));
      return db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps);
        const dossier = await d.dossiers.findDossier(req.params.id);
        if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
        authorize(actor, 'dossier.receive', resourceFor(dossier, 'dossier.receive'));
        const key = fields.componentKey ?? null;
        if (key && !dossier.components.some((c) => c.key === key)) throw new AppError('UNKNOWN_COMPONENT');
        for (const f of checked) {
          await d.dossiers.storeFile(f);
          await d.dossiers.addAttachment({
            dossierId: dossier.id,
            provinceCode: dossier.provinceCode,
            kind: 'component',
            componentKey: key,
            fileName: f.fileName,
            sha256: f.sha256,
            uploadedBy: actor.userId,
          });
        }
        return detail(trx, dossier.id, actor);
      });
    },
  );

  app.get(
    '/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      const d = dossierDeps(db, deps);
      const dossier = await d.dossiers.findDossier(req.params.id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
      authorize(actor, 'dossier.read', resourceFor(dossier, 'dossier.read'));
      const f = await d.dossiers.readAttachment(dossier.id, req.params.attachmentId);
      if (!f) throw new AppError('NOT_FOUND');
      return reply
        .type(f.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('etag', `"${f.sha256}"`)
        .send(Buffer.from(f.content));
    },
  );

  // ------------------------------------------------------------------ slips
  async function slipPdf(trx: Kysely<DB>, id: string, kind: z.infer<typeof SlipKindName>) {
    const d = dossierDeps(trx, deps);
    const dossier = await d.dossiers.findDossier(id);
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
    const actions = await d.dossiers.listActions(id);
    const now = deps.clock.now();
    const unitName = await loadUnitNames(trx, [dossier.receivingUnitCode, dossier.competentUnitCode], vnDate(now));
    const pdf = await renderSlip(kind, {
      dossier,
      actions,
      state: deriveDossierState(actions),
      unitName,
      lookupUrl: lookupUrl(dossier.code),
      now,
    });
    return { pdf, code: dossier.code };
  }

  app.get(
    '/:id/slips/:kind',
    {
      schema: {
        tags,
        summary: 'A slip as PDF (receipt, supplement, refusal, apology, stop, control-sheet)',
        params: z.object({ id: z.uuid(), kind: SlipKindName }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const dossier = await dossierDeps(db, deps).dossiers.findDossier(req.params.id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
      authorize(actor, 'dossier.read', resourceFor(dossier, 'dossier.read'));
      const { pdf, code } = await slipPdf(db, req.params.id, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );

  // ------------------------------------------------------------------ public (no login)
  const publicRate = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

  app.get(
    '/public/lookup',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Public lookup by dossier code plus phone or ID number (no login)',
        querystring: PublicLookupQuery,
        response: { 200: PublicDossierView },
      },
    },
    async (req) => {
      optionalActor(req);
      const d = dossierDeps(db, deps);
      const r = await lookupDossier(d, req.query.code, req.query.secondFactor);
      const unitName = await loadUnitNames(db, [r.dossier.receivingUnitCode], vnDate(deps.clock.now()));
      return presentPublic({ ...r, unitName });
    },
  );

  app.get(
    '/public/slips/:kind',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Download one of the applicant’s slips (code plus phone or ID number)',
        params: z.object({ kind: SlipKindName }),
        querystring: PublicLookupQuery,
      },
    },
    async (req, reply) => {
      const r = await lookupDossier(dossierDeps(db, deps), req.query.code, req.query.secondFactor);
      if (!slipsOf(r.actions).includes(req.params.kind) || req.params.kind === 'control-sheet') {
        throw new AppError('SLIP_NOT_AVAILABLE');
      }
      const { pdf, code } = await slipPdf(db, r.dossier.id, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/public/rate',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'The applicant rates a returned dossier (code plus phone or ID number)',
        body: PublicLookupQuery.extend(RateDossierRequest.shape),
        response: { 200: PublicDossierView },
      },
    },
    async (req) =>
      db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps);
        const found = await lookupDossier(d, req.body.code, req.body.secondFactor);
        await rateDossier(d, {
          dossierId: found.dossier.id,
          actor: {
            userId: null,
            name: found.dossier.applicant.fullName,
            role: 'applicant',
            unitCode: found.dossier.receivingUnitCode,
          },
          level: req.body.level as 1 | 2 | 3 | 4 | 5,
          ...(req.body.criteria ? { criteria: req.body.criteria } : {}),
          comment: req.body.comment ?? null,
        });
        await createAuditRepository(trx).recordAudit({
          actorUserId: null,
          action: 'dossier.rated',
          entityType: 'dossier',
          entityId: found.dossier.id,
          provinceCode: found.dossier.provinceCode,
          unitCode: found.dossier.receivingUnitCode,
          requestId: String(req.id),
          data: { level: req.body.level },
        });
        const again = await lookupDossier(d, req.body.code, req.body.secondFactor);
        const unitName = await loadUnitNames(trx, [again.dossier.receivingUnitCode], vnDate(deps.clock.now()));
        return presentPublic({ ...again, unitName });
      }),
  );
};

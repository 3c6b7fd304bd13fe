import {
  AcceptDossierRequest,
  AnswerConsultationRequest,
  ApologyRequest,
  AssignStepRequest,
  ClaimStepRequest,
  CompleteStepRequest,
  ConsultationRequest,
  DossierDetail,
  DossierNoteRequest,
  DossierReasonRequest,
  FinancialObligationRequest,
  ForwardDossierRequest,
  RateDossierRequest,
  RefuseDossierRequest,
  ReturnResultRequest,
  SupplementRequestBody,
} from '@mot-cua/contracts';
import {
  type ActorResolver,
  acceptDossier,
  answerConsultation,
  approveDossier,
  assignStep,
  claimStep,
  completeStep,
  type DossierActionResult,
  type DossierActionType,
  forwardDossier,
  issueApology,
  rateDossier,
  recordPayment,
  refuseDossier,
  requestConsultation,
  requestFinancialObligation,
  requestSupplement,
  returnResult,
  stopDossier,
  supplementDossier,
  withdrawDossier,
} from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import type { dossierDeps } from './dossier-deps.js';
import { actOnDossier } from './dossier-view.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['dossiers'];
type Deps = ReturnType<typeof dossierDeps>;

/** Every workflow action on a dossier: POST /api/dossiers/:id/<action>, one transaction, one pass. */
export const dossierActionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const action = <S extends z.ZodType>(
    path: string,
    type: DossierActionType,
    summary: string,
    body: S,
    run: (d: Deps, actor: ActorResolver, id: string, body: z.infer<S>) => Promise<DossierActionResult>,
  ) =>
    app.post(
      `/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: DossierDetail } } },
      async (req) => actOnDossier(deps, req, type, (d, who) => run(d, who, req.params.id, req.body as z.infer<S>)),
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
  action(
    'supplement-request',
    'supplement_requested',
    'One consolidated supplement request (form 02); pauses the clock during processing',
    SupplementRequestBody,
    (d, actor, id, b) =>
      requestSupplement(d, {
        dossierId: id,
        actor,
        items: b.items.map((i) => ({ key: i.key, name: i.name ?? null, state: i.state, reason: i.reason ?? null })),
        deadlineAt: b.deadlineAt ? new Date(b.deadlineAt) : null,
        note: b.note ?? null,
      }),
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
  action(
    'complete-step',
    'step_completed',
    'Hand over to the next step of the internal process (a named holder must be qualified for it)',
    CompleteStepRequest,
    (d, actor, id, b) =>
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
      actOnDossier(deps, req, 'consultation_answered', (d, actor) =>
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
  action(
    'approve',
    'approved',
    'The competent leader approves, at the approval step',
    DossierNoteRequest,
    (d, actor, id, b) => approveDossier(d, { dossierId: id, actor, note: b.note ?? null }),
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
};

import type { DossierDetail, DossierSummary, PublicDossierView, SlipKindName } from '@mot-cua/contracts';
import {
  availableActions,
  buildProcessControlSheet,
  classifyProgress,
  type DossierAction,
  type DossierActionType,
  type DossierRecord,
  type DossierState,
  dossierActionLabel,
  initials,
  nationalStatusName,
} from '@mot-cua/core';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentSummary(d: DossierRecord): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    nationalStatus: d.nationalStatus,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicant.fullName,
    channel: d.channel,
    receivingUnitCode: d.receivingUnitCode,
    competentUnitCode: d.competentUnitCode,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    finishedAt: iso(d.finishedAt),
    currentStepOrder: d.currentStepOrder,
    currentAssigneeId: d.currentAssigneeId,
  };
}

function actionData(a: DossierAction): Record<string, unknown> {
  const { seq: _s, at: _a, actorId: _i, actorName: _n, actorRole: _r, unitCode: _u, note: _no, type: _t, ...rest } = a;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

export function presentDetail(input: {
  dossier: DossierRecord;
  state: DossierState;
  actions: DossierAction[];
  now: Date;
  dueSoonAt: Date | null;
  unitName: (code: string) => string;
  attachments: DossierDetail['attachments'];
  /** Actions the signed-in actor may take now (permittedActions). */
  allowedActions: DossierActionType[];
}): DossierDetail {
  const { dossier: d, state: s } = input;
  return {
    ...presentSummary(d),
    applicant: d.applicant,
    agent: d.agent,
    returnMethod: d.returnMethod,
    duration: d.duration,
    components: d.components.map((c) => ({ key: c.key, name: c.name, state: c.state, reason: c.reason ?? null })),
    steps: s.steps.map((x) => ({ order: x.order, name: x.name, role: x.role })),
    currentStep: s.currentStep
      ? {
          order: s.currentStep.order,
          name: s.currentStep.name,
          role: s.currentStep.role,
          assigneeId: s.currentStep.assigneeId,
          assigneeName: s.currentStep.assigneeName,
          dueAt: iso(s.currentStep.dueAt),
        }
      : null,
    progress: classifyProgress(s, input.now, input.dueSoonAt),
    intakeDueAt: iso(s.intakeDueAt),
    openConsultations: s.openConsultations,
    counters: s.counters,
    availableActions: availableActions(s),
    allowedActions: input.allowedActions,
    timeline: input.actions.map((a) => ({
      seq: a.seq,
      type: a.type,
      at: a.at.toISOString(),
      actorName: a.actorName ?? null,
      actorRole: a.actorRole,
      unitCode: a.unitCode,
      note: a.note ?? null,
      label: dossierActionLabel[a.type],
      data: actionData(a),
    })),
    controlSheet: buildProcessControlSheet(input.actions, { now: input.now, unitName: input.unitName }).rows.map(
      (r) => ({
        ...r,
        at: r.at.toISOString(),
        stepDueAt: iso(r.stepDueAt),
      }),
    ),
    attachments: input.attachments,
    rating: s.rating,
    book: d.book ?? null,
    feeTotal: d.feeTotal,
    feeCollected: d.feeCollected ? { amountVnd: d.feeCollected.amountVnd, at: d.feeCollected.at.toISOString() } : null,
  };
}

/** Slips a dossier has, given its log. */
export function slipsOf(actions: DossierAction[]): SlipKindName[] {
  const has = (t: DossierAction['type']) => actions.some((a) => a.type === t);
  const out: SlipKindName[] = [];
  if (has('received')) out.push('receipt');
  if (has('supplement_requested')) out.push('supplement');
  if (has('refused')) out.push('refusal');
  if (has('apology_issued')) out.push('apology');
  if (has('withdrawn') || has('stopped')) out.push('stop');
  if (has('received')) out.push('control-sheet');
  return out;
}

/** The steps the public lookup shows (internal hand-overs and the approval stay inside). */
export const PUBLIC_TIMELINE_ACTIONS: ReadonlySet<DossierActionType> = new Set<DossierActionType>([
  'submitted',
  'received',
  'supplement_requested',
  'supplemented',
  'refused',
  'forwarded',
  'financial_obligation_requested',
  'financial_obligation_paid',
  'result_issued',
  'apology_issued',
  'withdrawn',
  'stopped',
  'returned',
]);

/** What the public sees after a code + second-factor lookup: no personal data beyond initials. */
export function presentPublic(input: {
  dossier: DossierRecord;
  state: DossierState;
  actions: DossierAction[];
  unitName: (code: string) => string;
  accessLog: PublicDossierView['accessLog'];
}): PublicDossierView {
  const { dossier: d, state: s } = input;
  return {
    code: d.code,
    procedureName: d.procedureName,
    applicantInitials: initials(d.applicant.fullName),
    status: s.status,
    nationalStatus: d.nationalStatus,
    statusName: nationalStatusName[d.nationalStatus],
    receivingUnitName: input.unitName(d.receivingUnitCode),
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(s.receivedAt),
    dueAt: iso(s.dueAt),
    returnedAt: iso(s.returnedAt),
    pendingSupplement:
      s.status === 'supplement_requested'
        ? s.pendingSupplement.map((p) => ({ name: p.name, reason: p.reason ?? null }))
        : [],
    timeline: input.actions
      .filter((a) => PUBLIC_TIMELINE_ACTIONS.has(a.type))
      .map((a) => ({ at: a.at.toISOString(), label: dossierActionLabel[a.type] })),
    slips: slipsOf(input.actions).filter((k) => k !== 'control-sheet'),
    canRate: s.status === 'returned' && !s.rating,
    accessLog: input.accessLog,
  };
}

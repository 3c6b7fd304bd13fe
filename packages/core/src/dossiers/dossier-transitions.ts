import type { ErrorCode } from '@mot-cua/contracts';
import type { Action } from '../authorization/actions.js';
import { AppError } from '../errors.js';
import type { ActionPayload, ActorRole, DossierActionType } from './dossier-actions.js';
import { type DossierState, type DossierStatus, terminalStatuses } from './dossier-state.js';

/**
 * Which authorization action (core/authorization/actions.ts) guards each dossier action. The API
 * authorizes with it against the unit the action happens in; the role table there is the one truth
 * about who may do what.
 */
export function authorizationActionFor(
  type: DossierActionType,
  phase: DossierState['phase'],
  /** Role responsible for the current step: claiming or handing over a step is that role's work. */
  stepRole?: string | null,
): Action {
  if ((type === 'claimed' || type === 'step_completed') && stepRole) {
    if (stepRole === 'reception') return 'dossier.receive';
    if (stepRole === 'leader') return 'dossier.approve';
    if (stepRole === 'center_director') return 'dossier.assign';
  }
  switch (type) {
    case 'submitted':
      return 'dossier.submit';
    case 'received':
    case 'supplemented':
      return 'dossier.receive';
    case 'supplement_requested':
    case 'refused':
      return phase === 'intake' ? 'dossier.receive' : 'dossier.process';
    case 'assigned':
      return 'dossier.assign';
    case 'claimed':
    case 'step_completed':
    case 'consultation_requested':
    case 'consultation_answered':
    case 'financial_obligation_requested':
    case 'financial_obligation_paid':
    case 'result_issued':
      return 'dossier.process';
    case 'forwarded':
      return 'dossier.forward';
    case 'approved':
      return 'dossier.approve';
    case 'apology_issued':
      return 'dossier.apologize';
    case 'withdrawn':
    case 'stopped':
      return 'dossier.stop';
    case 'returned':
      return 'dossier.return';
    case 'rated':
      return 'dossier.rate';
  }
}

/** Statuses from which each action may be taken (before the specific guards below). */
const allowedFrom: Record<DossierActionType, readonly DossierStatus[]> = {
  submitted: [],
  received: ['new'],
  supplement_requested: ['new', 'received', 'processing'],
  supplemented: ['supplement_requested'],
  refused: ['new', 'supplement_requested', 'received', 'processing'],
  assigned: ['received', 'processing'],
  claimed: ['received', 'processing'],
  step_completed: ['received', 'processing'],
  forwarded: ['received', 'processing'],
  consultation_requested: ['received', 'processing'],
  consultation_answered: ['received', 'processing', 'awaiting_payment', 'supplement_requested'],
  financial_obligation_requested: ['received', 'processing'],
  financial_obligation_paid: ['awaiting_payment'],
  approved: ['received', 'processing'],
  result_issued: ['processing'],
  apology_issued: ['received', 'processing', 'supplement_requested', 'awaiting_payment'],
  withdrawn: ['new', 'supplement_requested', 'received', 'processing', 'awaiting_payment'],
  stopped: ['new', 'supplement_requested', 'received', 'processing', 'awaiting_payment'],
  returned: ['result_ready'],
  rated: ['returned'],
};

/** Roles that may take over another official's step (heads and leaders). */
export const supervisingRoles: ReadonlySet<ActorRole> = new Set(['department_head', 'center_director', 'leader']);

export type TransitionContext = {
  now: Date;
  actorId: string | null;
  actorRole: ActorRole;
  /** Competent unit currently recorded for the dossier (for forwarding). */
  competentUnitCode?: string;
  /** Latest instant an apology may be issued: one working day before the due date (from the calendar). */
  apologyLatestAt?: Date | null;
};

export type TransitionRefusal = { code: ErrorCode; details?: Record<string, unknown> };

/** Why an action is refused in a state, or undefined when it is allowed. Pure. */
export function refuseTransition(
  state: DossierState,
  action: ActionPayload,
  ctx: TransitionContext,
): TransitionRefusal | undefined {
  const type = action.type;
  if (type === 'submitted') return { code: 'TRANSITION_NOT_ALLOWED' };
  if (terminalStatuses.has(state.status) && !(type === 'rated' && state.status === 'returned')) {
    return { code: 'DOSSIER_CLOSED', details: { status: state.status } };
  }
  const decided = state.approvedAt !== null || state.resultIssuedAt !== null;
  if ((type === 'withdrawn' || type === 'stopped' || type === 'refused') && decided) {
    return { code: 'DECISION_ALREADY_ISSUED' };
  }
  if (type === 'supplement_requested') {
    const count =
      state.phase === 'intake' ? state.counters.intakeSupplementRequests : state.counters.processingSupplementRequests;
    if (count >= 1 || state.status === 'supplement_requested') return { code: 'SUPPLEMENT_ALREADY_REQUESTED' };
    if (action.items.filter((i) => i.state !== 'present').length === 0) return { code: 'SUPPLEMENT_ITEMS_REQUIRED' };
    if (decided) return { code: 'DECISION_ALREADY_ISSUED' };
  }
  if (type === 'apology_issued') {
    if (state.counters.apologies >= 1) return { code: 'APOLOGY_ALREADY_ISSUED' };
    if (state.status === 'result_ready' || state.resultIssuedAt) return { code: 'DOSSIER_CLOSED' };
  }
  if (type === 'returned' && state.status !== 'result_ready') return { code: 'RESULT_NOT_READY' };
  if (type === 'rated') {
    if (state.status !== 'returned') return { code: 'RATING_NOT_ALLOWED' };
    if (state.rating) return { code: 'ALREADY_RATED' };
  }
  if (type === 'result_issued' && !state.approvedAt) return { code: 'NOT_APPROVED' };
  if (!allowedFrom[type].includes(state.status)) {
    return { code: 'TRANSITION_NOT_ALLOWED', details: { status: state.status, action: type } };
  }

  switch (action.type) {
    case 'assigned':
    case 'claimed': {
      const step = state.currentStep;
      if (!step) return { code: 'NO_CURRENT_STEP' };
      if (action.stepOrder !== step.order) return { code: 'STEP_CHANGED', details: { currentStep: step.order } };
      if (action.type === 'claimed' && step.assigneeId) return { code: 'STEP_ALREADY_CLAIMED' };
      if (action.type === 'assigned' && step.assigneeId === action.assigneeId) return { code: 'STEP_ALREADY_CLAIMED' };
      return undefined;
    }
    case 'step_completed': {
      const step = state.currentStep;
      if (!step) return { code: 'NO_CURRENT_STEP' };
      if (action.fromStep !== step.order) return { code: 'STEP_CHANGED', details: { currentStep: step.order } };
      if (!state.steps.some((s) => s.order === action.toStep) || action.toStep <= action.fromStep) {
        return { code: 'STEP_NOT_FOUND' };
      }
      if (step.assigneeId && step.assigneeId !== ctx.actorId && !supervisingRoles.has(ctx.actorRole)) {
        return { code: 'NOT_STEP_ASSIGNEE' };
      }
      return undefined;
    }
    case 'forwarded':
      if (action.toUnitCode === (state.forwardedToUnitCode ?? ctx.competentUnitCode)) {
        return { code: 'FORWARD_TO_SAME_UNIT' };
      }
      return undefined;
    case 'consultation_answered':
      if (!state.openConsultations.includes(action.consultationId)) return { code: 'CONSULTATION_NOT_FOUND' };
      return undefined;
    case 'approved':
      if (state.approvedAt) return { code: 'ALREADY_APPROVED' };
      if (state.openConsultations.length > 0) return { code: 'CONSULTATION_PENDING' };
      return undefined;
    case 'apology_issued':
      if (!state.dueAt) return { code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'no due date' } };
      if (action.newDueAt.getTime() <= state.dueAt.getTime()) return { code: 'APOLOGY_DATE_NOT_LATER' };
      if (ctx.apologyLatestAt && ctx.now.getTime() > ctx.apologyLatestAt.getTime()) {
        return { code: 'APOLOGY_TOO_LATE', details: { latestAt: ctx.apologyLatestAt.toISOString() } };
      }
      if (!ctx.apologyLatestAt && ctx.now.getTime() > state.dueAt.getTime()) return { code: 'APOLOGY_TOO_LATE' };
      return undefined;
    case 'refused':
      if (action.reasons.filter((r) => r.trim()).length === 0) return { code: 'REASON_REQUIRED' };
      return undefined;
    case 'withdrawn':
    case 'stopped':
      if (!action.reason.trim()) return { code: 'REASON_REQUIRED' };
      return undefined;
    default:
      return undefined;
  }
}

/** Throw AppError with the refusal code unless the action is allowed. */
export function assertTransition(state: DossierState, action: ActionPayload, ctx: TransitionContext): void {
  const r = refuseTransition(state, action, ctx);
  if (r) throw new AppError(r.code, { details: r.details ?? {} });
}

/** Action types a UI may offer in this state (status-level check; guards with data run on submit). */
export function availableActions(state: DossierState): DossierActionType[] {
  return (Object.keys(allowedFrom) as DossierActionType[]).filter((t) => {
    if (t === 'submitted') return false;
    if (!allowedFrom[t].includes(state.status)) return false;
    if (t === 'supplement_requested') {
      const n =
        state.phase === 'intake'
          ? state.counters.intakeSupplementRequests
          : state.counters.processingSupplementRequests;
      if (n >= 1) return false;
    }
    if (t === 'apology_issued' && (state.counters.apologies >= 1 || !state.dueAt)) return false;
    if (t === 'rated' && state.rating) return false;
    if (t === 'approved' && state.approvedAt) return false;
    if (t === 'result_issued' && !state.approvedAt) return false;
    if ((t === 'withdrawn' || t === 'stopped' || t === 'refused') && state.approvedAt) return false;
    if (t === 'claimed' && state.currentStep?.assigneeId) return false;
    if (t === 'consultation_answered' && state.openConsultations.length === 0) return false;
    return true;
  });
}

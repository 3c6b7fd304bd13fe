import type { ErrorCode } from '@mot-cua/contracts';
import type { ActionPayload, ActorRole, DossierStep } from './dossier-actions.js';
import type { DossierState } from './dossier-state.js';
import { qualifiedRoles } from './suggest-assignee.js';

/**
 * The internal process (quy trình nội bộ) as a gate on every action, on top of the status rules of
 * dossier-transitions.ts: steps are taken in order, a step is worked only by an official qualified for its
 * role (or its assignee), the approval happens only at the approval step, a hand-over names a qualified
 * official, and a result has files. Pure; the use cases run it on the locked, folded state.
 */
export type ProcessContext = {
  actorId: string | null;
  actorRole: ActorRole;
  /**
   * For a hand-over naming the next holder: whether that official holds the next step's role in the
   * handling unit today (checked by the use case against the candidates); undefined when nobody is named.
   */
  toAssigneeQualified?: boolean;
};

export type ProcessRefusal = { code: ErrorCode; details?: Record<string, unknown> };

/** The step at which the competent leader approves: the first leader step, else none (no gate). */
export function approvalStep(steps: readonly DossierStep[]): DossierStep | undefined {
  return steps.find((s) => s.role === 'leader');
}

/** The step that follows `order` in the process (by order), or undefined at the last step. */
export function nextStep(steps: readonly DossierStep[], order: number): DossierStep | undefined {
  return [...steps].sort((a, b) => a.order - b.order).find((s) => s.order > order);
}

/** Whether an official in `role` may work on a step whose responsible role is `stepRole`. */
export function mayWorkOnStep(role: ActorRole, stepRole: string): boolean {
  return qualifiedRoles(stepRole).includes(role);
}

/** Why the internal process forbids this action now, or undefined. */
export function refuseByProcess(
  state: DossierState,
  action: ActionPayload,
  ctx: ProcessContext,
): ProcessRefusal | undefined {
  const step = state.currentStep;
  const holdsStep = (s: NonNullable<typeof step>) => s.assigneeId !== null && s.assigneeId === ctx.actorId;
  switch (action.type) {
    case 'claimed':
      if (step && !mayWorkOnStep(ctx.actorRole, step.role)) {
        return { code: 'STEP_ROLE_MISMATCH', details: { stepRole: step.role, role: ctx.actorRole } };
      }
      return undefined;
    case 'step_completed': {
      if (!step) return undefined;
      if (!holdsStep(step) && !mayWorkOnStep(ctx.actorRole, step.role)) {
        return { code: 'STEP_ROLE_MISMATCH', details: { stepRole: step.role, role: ctx.actorRole } };
      }
      const next = nextStep(state.steps, step.order);
      if (next && action.toStep !== next.order) {
        return { code: 'STEP_OUT_OF_ORDER', details: { currentStep: step.order, nextStep: next.order } };
      }
      const approval = approvalStep(state.steps);
      if (approval && step.order === approval.order && !state.approvedAt) return { code: 'NOT_APPROVED' };
      if (ctx.toAssigneeQualified === false) return { code: 'ASSIGNEE_NOT_QUALIFIED' };
      return undefined;
    }
    case 'approved': {
      const approval = approvalStep(state.steps);
      if (!approval) return undefined;
      if (!step || step.order !== approval.order) {
        return {
          code: 'NOT_APPROVAL_STEP',
          details: { currentStep: step?.order ?? null, approvalStep: approval.order },
        };
      }
      if (step.assigneeId && !holdsStep(step)) return { code: 'NOT_STEP_ASSIGNEE' };
      return undefined;
    }
    case 'result_issued':
      if (action.documents.length === 0) return { code: 'RESULT_FILES_REQUIRED' };
      return undefined;
    default:
      return undefined;
  }
}

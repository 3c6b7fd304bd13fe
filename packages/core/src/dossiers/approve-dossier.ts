import { completeStepAction } from './complete-step.js';
import type { DossierAction } from './dossier-actions.js';
import { approvalStep, nextStep } from './internal-process-rules.js';
import {
  type ActorResolver,
  type DossierActionResult,
  type DossierActor,
  type DossierDeps,
  type PerformInput,
  performDossierAction,
} from './perform-dossier-action.js';
import { type AssigneeCandidate, suggestAssignees } from './suggest-assignee.js';

/**
 * Who takes the step after the approval, as the process chooses: the official who received the dossier when
 * they may hold that step (the result goes back to the counter it came from), else the least-loaded qualified
 * official of the handling unit, else nobody (the step waits to be claimed).
 */
export function nextHolderAfterApproval(
  log: readonly DossierAction[],
  candidates: readonly AssigneeCandidate[],
): AssigneeCandidate | undefined {
  const receivedBy = log.find((a) => a.type === 'received' || a.type === 'submitted')?.actorId;
  return candidates.find((c) => c.userId === receivedBy) ?? candidates[0];
}

/**
 * The competent leader approves (signs) the decision, and in the same action the dossier moves on to the next
 * step of the internal process with the holder the process chooses (nextHolderAfterApproval): one action for
 * the leader instead of approve, claim and hand on. The hand-on is the approval's follow-on: decided on the
 * state the approval leaves and written atomically with it (same transaction, or same statement).
 */
export async function approveDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; note?: string | null },
): Promise<DossierActionResult> {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'approved' }),
    followOn: (approved, approver) => handOnAfterApproval(deps, approved, approver),
  });
}

/** The hand-on to the step after the approval, or null when the approval was not at the approval step. */
async function handOnAfterApproval(
  deps: DossierDeps,
  approved: DossierActionResult,
  approver: DossierActor,
): Promise<PerformInput | null> {
  const { state, dossier, actions } = approved;
  const approval = approvalStep(state.steps);
  const current = state.currentStep;
  if (!approval || !current || current.order !== approval.order) return null;
  const next = nextStep(state.steps, current.order);
  if (!next) return null;
  const unit = {
    competentUnitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
    provinceCode: dossier.provinceCode,
  };
  const holder = nextHolderAfterApproval(actions, await suggestAssignees(deps, unit, next.role));
  return completeStepAction(deps, {
    dossierId: dossier.id,
    actor: approver,
    fromStep: current.order,
    toStep: next.order,
    toAssigneeId: holder?.userId ?? null,
    note: null,
  });
}

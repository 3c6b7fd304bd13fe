import { AppError } from '../errors.js';
import { nextStep } from './internal-process-rules.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  type PerformInput,
  performDossierAction,
} from './perform-dossier-action.js';
import { suggestAssignees } from './suggest-assignee.js';

/**
 * Hand the work over to the next step of the internal process, with that step's deadline. A named next
 * holder must hold the next step's role in the handling unit today (their name is taken from the
 * candidates, never from the request).
 */
export async function completeStep(deps: DossierDeps, input: CompleteStepInput) {
  return performDossierAction(deps, completeStepAction(deps, input));
}

export type CompleteStepInput = {
  dossierId: string;
  actor: DossierActor | ActorResolver;
  fromStep: number;
  toStep?: number | null;
  toAssigneeId?: string | null;
  note?: string | null;
};

/** The hand-over as an action to perform (alone, or as the approval's follow-on). */
export function completeStepAction(deps: DossierDeps, input: CompleteStepInput): PerformInput {
  let toAssigneeName: string | null = null;
  let toAssigneeQualified: boolean | undefined;
  return {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (state, dossier) => {
      toAssigneeName = null;
      toAssigneeQualified = undefined;
      const current = state.currentStep?.order ?? input.fromStep;
      const toStep = input.toStep ?? nextStep(state.steps, current)?.order;
      if (toStep === undefined) throw new AppError('STEP_NOT_FOUND');
      const step = state.steps.find((s) => s.order === toStep);
      const unitCode = state.forwardedToUnitCode ?? dossier.competentUnitCode;
      if (input.toAssigneeId && step) {
        const candidates = await suggestAssignees(
          deps,
          { competentUnitCode: unitCode, provinceCode: dossier.provinceCode },
          step.role,
        );
        const chosen = candidates.find((c) => c.userId === input.toAssigneeId);
        toAssigneeQualified = chosen !== undefined;
        toAssigneeName = chosen?.fullName ?? null;
      } else if (input.toAssigneeId) {
        toAssigneeQualified = false;
      }
      const due = step
        ? await deps.deadlines.computeDueDate({
            unitCode,
            provinceCode: dossier.provinceCode,
            receivedAt: deps.clock.now(),
            duration: step.duration,
          })
        : null;
      return {
        type: 'step_completed',
        fromStep: input.fromStep,
        toStep,
        toAssigneeId: toAssigneeQualified ? (input.toAssigneeId ?? null) : null,
        toAssigneeName,
        stepDueAt: due?.dueAt ?? null,
      };
    },
    context: async () => (toAssigneeQualified === undefined ? {} : { toAssigneeQualified }),
  };
}

import { AppError } from '../errors.js';
import { type DossierActor, type DossierDeps, performDossierAction } from './perform-dossier-action.js';

/** Hand the work over to the next step of the internal process, with that step's deadline. */
export async function completeStep(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor;
    fromStep: number;
    toStep?: number | null;
    toAssigneeId?: string | null;
    toAssigneeName?: string | null;
    note?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (state, dossier) => {
      const toStep = input.toStep ?? state.steps.find((s) => s.order > input.fromStep)?.order;
      if (toStep === undefined) throw new AppError('STEP_NOT_FOUND');
      const step = state.steps.find((s) => s.order === toStep);
      const due = step
        ? await deps.deadlines.computeDueDate({
            unitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
            provinceCode: dossier.provinceCode,
            receivedAt: deps.clock.now(),
            duration: step.duration,
          })
        : null;
      return {
        type: 'step_completed',
        fromStep: input.fromStep,
        toStep,
        toAssigneeId: input.toAssigneeId ?? null,
        toAssigneeName: input.toAssigneeName ?? null,
        stepDueAt: due?.dueAt ?? null,
      };
    },
  });
}

import { AppError } from '../errors.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';
import { suggestAssignees } from './suggest-assignee.js';

/**
 * Assign (or reassign) the current step to an official of the handling unit. Without an assignee,
 * the least-loaded qualified official is chosen.
 */
export async function assignStep(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    stepOrder: number;
    assigneeId?: string | null;
    note?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (state, dossier) => {
      const role = state.currentStep?.role ?? 'specialist';
      const candidates = await suggestAssignees(
        deps,
        {
          competentUnitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
          provinceCode: dossier.provinceCode,
        },
        role,
      );
      const chosen = input.assigneeId ? candidates.find((c) => c.userId === input.assigneeId) : candidates[0];
      if (!chosen) throw new AppError('ASSIGNEE_NOT_QUALIFIED');
      return { type: 'assigned', stepOrder: input.stepOrder, assigneeId: chosen.userId, assigneeName: chosen.fullName };
    },
  });
}

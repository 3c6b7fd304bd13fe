import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/**
 * Late dossier: apology with a new due date (form 04). Allowed once, and only up to one working day
 * before the current due date (counted on the handling unit's calendar).
 */
export async function issueApology(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; reason: string; newDueAt: Date },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.reason,
    build: (state) => ({
      type: 'apology_issued',
      reason: input.reason,
      newDueAt: input.newDueAt,
      previousDueAt: state.dueAt,
    }),
    context: async (state, dossier) => {
      if (!state.dueAt) return {};
      const apologyLatestAt = await deps.deadlines.workingDaysBefore({
        unitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
        provinceCode: dossier.provinceCode,
        at: state.dueAt,
        days: 1,
      });
      return { apologyLatestAt };
    },
  });
}

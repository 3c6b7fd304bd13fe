import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/**
 * Record the applicant's supplement. During processing the time limit restarts from now with the
 * full legal duration (domain.md §1.6); at intake the dossier returns to "new" for acceptance.
 */
export async function supplementDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (state, dossier) => {
      if (state.phase !== 'processing' || state.status !== 'supplement_requested') return { type: 'supplemented' };
      const due = await deps.deadlines.computeDueDate({
        unitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
        provinceCode: dossier.provinceCode,
        receivedAt: deps.clock.now(),
        duration: dossier.duration,
      });
      return { type: 'supplemented', clockStartsAt: due.clockStartsAt, dueAt: due.dueAt };
    },
  });
}

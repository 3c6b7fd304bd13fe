import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** An official takes the current (unassigned) step; under concurrency exactly one claim wins. */
export async function claimStep(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; stepOrder: number; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'claimed', stepOrder: input.stepOrder }),
  });
}

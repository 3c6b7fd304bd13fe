import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** The applicant withdraws the dossier before a decision; a stop notice is issued. */
export async function withdrawDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; reason: string },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.reason,
    build: () => ({ type: 'withdrawn', reason: input.reason }),
  });
}

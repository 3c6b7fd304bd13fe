import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Stop processing for another cause (e.g. supplement not provided in time); a stop notice is issued. */
export async function stopDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; reason: string },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.reason,
    build: () => ({ type: 'stopped', reason: input.reason }),
  });
}

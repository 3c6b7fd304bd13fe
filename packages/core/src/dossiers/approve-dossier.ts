import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** The competent leader approves (signs) the decision. */
export async function approveDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'approved' }),
  });
}

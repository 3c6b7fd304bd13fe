import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Refuse a dossier with reasons (form 03): at reception, or by the competent body before a decision. */
export async function refuseDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; reasons: string[]; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'refused', reasons: input.reasons.map((r) => r.trim()).filter(Boolean) }),
  });
}

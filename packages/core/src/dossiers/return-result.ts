import type { ReturnMethod } from './dossier-actions.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Hand the result back at the receiving center's counter, by post or online. */
export async function returnResult(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; method: ReturnMethod; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'returned', method: input.method }),
  });
}

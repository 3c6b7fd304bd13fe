import { type DossierActor, type DossierDeps, performDossierAction } from './perform-dossier-action.js';

/** The result is registered, digitized (attachments by sha256) and sent back to the receiving center. */
export async function issueResult(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor;
    documents: Array<{ name: string; sha256?: string | null }>;
    note?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'result_issued', documents: input.documents }),
  });
}

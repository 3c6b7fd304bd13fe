import type { DossierFile } from './dossier-files.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/**
 * The result is registered, digitized and sent back to the receiving center. With `files`, the uploaded
 * result files are stored and linked with the action (same transaction or same statement); at least one
 * document is required.
 */
export async function issueResult(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    documents?: Array<{ name: string; sha256?: string | null }>;
    files?: readonly DossierFile[];
    note?: string | null;
  },
) {
  const documents = input.documents ?? (input.files ?? []).map((f) => ({ name: f.fileName, sha256: f.sha256 }));
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({ type: 'result_issued', documents }),
    // The files' rows are written with the action (same transaction, or same statement).
    records: (actor) =>
      input.files?.length ? { resultFiles: { files: input.files, uploadedBy: actor.userId } } : undefined,
  });
}

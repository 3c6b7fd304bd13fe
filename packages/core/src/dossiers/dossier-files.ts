import { AppError } from '../errors.js';
import { deriveDossierState } from './dossier-state.js';
import type { ActorResolver, DossierActor, DossierDeps } from './perform-dossier-action.js';

/**
 * A checked upload whose content is already in the file store (media type sniffed from its bytes, sha256
 * computed on the way): the use case records it and links it to the dossier.
 */
export type DossierFile = {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
};

/** Record stored files (content-addressed) and link them to a dossier, inside the caller's transaction. */
export async function storeDossierFiles(
  deps: Pick<DossierDeps, 'dossiers'>,
  dossier: { id: string; provinceCode: string },
  kind: 'component' | 'result',
  componentKey: string | null,
  files: readonly DossierFile[],
  uploadedBy: string | null,
): Promise<void> {
  for (const f of files) {
    await deps.dossiers.storeFile(f);
    await deps.dossiers.addAttachment({
      dossierId: dossier.id,
      provinceCode: dossier.provinceCode,
      kind,
      componentKey,
      fileName: f.fileName,
      sha256: f.sha256,
      uploadedBy,
    });
  }
}

/**
 * Attach scanned components to an open dossier: locked, folded, authorized on the locked state; a
 * closed dossier (returned, refused, withdrawn, stopped) or one whose result is issued takes no more files.
 */
export async function attachComponentFiles(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    componentKey: string | null;
    files: readonly DossierFile[];
  },
) {
  const dossier = await deps.dossiers.lockDossier(input.dossierId);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const actions = await deps.dossiers.listActions(dossier.id);
  const state = deriveDossierState(actions);
  const actor = typeof input.actor === 'function' ? input.actor(dossier, state) : input.actor;
  if (state.phase === 'closed' || state.status === 'result_ready') {
    throw new AppError('DOSSIER_CLOSED', { details: { status: state.status } });
  }
  if (input.componentKey && !dossier.components.some((c) => c.key === input.componentKey)) {
    throw new AppError('UNKNOWN_COMPONENT');
  }
  if (input.files.length === 0) throw new AppError('VALIDATION_FAILED', { details: { files: 'none' } });
  await storeDossierFiles(deps, dossier, 'component', input.componentKey, input.files, actor.userId);
  await deps.audit?.record({
    actorUserId: actor.userId,
    action: 'dossier.attachment_added',
    entityType: 'dossier',
    entityId: dossier.id,
    provinceCode: dossier.provinceCode,
    unitCode: actor.unitCode,
    data: { componentKey: input.componentKey, files: input.files.map((f) => f.sha256) },
  });
  return { dossier, state, actions, actor };
}

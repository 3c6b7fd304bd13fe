import type { AuditPort } from '../audit.js';
import { AppError } from '../errors.js';

/** A draft is kept this long after its last save; then it is no longer shown and is deleted. */
export const DRAFT_TTL_DAYS = 30;

export type DraftFile = {
  id: string;
  componentKey: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
};

export type CitizenDraft = {
  id: string;
  userId: string;
  procedureCode: string;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  files: DraftFile[];
};

/** Drafts of online submissions, always addressed by their owner: no method reads another citizen's draft. */
export interface CitizenDraftsPort {
  findDraft(userId: string, procedureCode: string, now: Date): Promise<CitizenDraft | undefined>;
  listDrafts(userId: string, now: Date): Promise<CitizenDraft[]>;
  upsertDraft(d: Omit<CitizenDraft, 'files' | 'createdAt'> & { createdAt: Date }): Promise<CitizenDraft>;
  deleteDraft(userId: string, procedureCode: string): Promise<boolean>;
  deleteExpired(userId: string, now: Date): Promise<number>;
  storeFile(f: { sha256: string; sizeBytes: number; mediaType: string }): Promise<void>;
  addDraftFile(draftId: string, f: DraftFile, at: Date): Promise<void>;
  removeDraftFile(draftId: string, fileId: string): Promise<boolean>;
  /** The mark left by a draft sent as a dossier (its id is never saved again). */
  findSubmitted(userId: string, draftId: string): Promise<{ dossierId: string; submittedAt: Date } | undefined>;
  recordSubmitted(r: {
    draftId: string;
    userId: string;
    procedureCode: string;
    dossierId: string;
    at: Date;
  }): Promise<void>;
  /** Delete every draft last saved before `cutoff` (with its files) and the submission marks older than it. */
  purgeUntouchedSince(cutoff: Date): Promise<{ drafts: number; files: number; submittedMarks: number }>;
}

type Deps = { drafts: CitizenDraftsPort; audit?: AuditPort | undefined; now: Date; newId: () => string };

export const draftExpiry = (now: Date) => new Date(now.getTime() + DRAFT_TTL_DAYS * 86_400_000);

/**
 * Save (create or replace) the citizen's draft for a procedure; each save renews its expiry. `draftId` is the draft
 * the client is editing: when that draft was already sent as a dossier the save is refused (409
 * DRAFT_ALREADY_SUBMITTED) rather than bringing it back. The mark is read after the write, so a save racing the
 * submission (which deletes the row it waits on, then commits the mark) is refused too and rolls back.
 */
export async function saveCitizenDraft(
  deps: Deps,
  input: { userId: string; procedureCode: string; data: Record<string, unknown>; draftId?: string | null },
): Promise<CitizenDraft> {
  const refuseIfSubmitted = async () => {
    const sent = input.draftId ? await deps.drafts.findSubmitted(input.userId, input.draftId) : undefined;
    if (sent) throw new AppError('DRAFT_ALREADY_SUBMITTED', { details: { dossierId: sent.dossierId } });
  };
  await refuseIfSubmitted();
  const existing = await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now);
  const draft = await deps.drafts.upsertDraft({
    id: existing?.id ?? deps.newId(),
    userId: input.userId,
    procedureCode: input.procedureCode,
    data: input.data,
    createdAt: existing?.createdAt ?? deps.now,
    updatedAt: deps.now,
    expiresAt: draftExpiry(deps.now),
  });
  await refuseIfSubmitted();
  await deps.audit?.record({
    actorUserId: input.userId,
    action: existing ? 'citizen.draft_saved' : 'citizen.draft_created',
    entityType: 'citizen_draft',
    entityId: draft.id,
    data: { procedureCode: input.procedureCode },
  });
  return draft;
}

/** Attach checked uploads (content already in the file store) to the citizen's draft, creating it if needed. */
export async function attachDraftFiles(
  deps: Deps,
  input: { userId: string; procedureCode: string; files: Map<string, Omit<DraftFile, 'id' | 'componentKey'>[]> },
): Promise<CitizenDraft> {
  if (input.files.size === 0) throw new AppError('VALIDATION_FAILED', { details: { files: 'none' } });
  let draft = await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now);
  draft ??= await saveCitizenDraft(deps, { userId: input.userId, procedureCode: input.procedureCode, data: {} });
  const added: string[] = [];
  for (const [componentKey, list] of input.files) {
    for (const f of list) {
      await deps.drafts.storeFile(f);
      const file = { ...f, id: deps.newId(), componentKey };
      await deps.drafts.addDraftFile(draft.id, file, deps.now);
      added.push(f.sha256);
    }
  }
  await deps.audit?.record({
    actorUserId: input.userId,
    action: 'citizen.draft_files_added',
    entityType: 'citizen_draft',
    entityId: draft.id,
    data: { procedureCode: input.procedureCode, files: added },
  });
  return (await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now))!;
}

export async function removeDraftFile(
  deps: Deps,
  input: { userId: string; procedureCode: string; fileId: string },
): Promise<CitizenDraft> {
  const draft = await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now);
  if (!draft || !(await deps.drafts.removeDraftFile(draft.id, input.fileId))) throw new AppError('DRAFT_NOT_FOUND');
  await deps.audit?.record({
    actorUserId: input.userId,
    action: 'citizen.draft_file_removed',
    entityType: 'citizen_draft',
    entityId: draft.id,
    data: { procedureCode: input.procedureCode, fileId: input.fileId },
  });
  return (await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now))!;
}

/** Delete the citizen's draft (discarded, or submitted: then `reason` says so). False when there was none. */
export async function deleteCitizenDraft(
  deps: Deps,
  input:
    | { userId: string; procedureCode: string; reason: 'discarded' }
    | { userId: string; procedureCode: string; reason: 'submitted'; dossierId: string },
): Promise<boolean> {
  const draft = await deps.drafts.findDraft(input.userId, input.procedureCode, deps.now);
  if (!draft) return false;
  await deps.drafts.deleteDraft(input.userId, input.procedureCode);
  if (input.reason === 'submitted') {
    await deps.drafts.recordSubmitted({
      draftId: draft.id,
      userId: input.userId,
      procedureCode: input.procedureCode,
      dossierId: input.dossierId,
      at: deps.now,
    });
  }
  await deps.audit?.record({
    actorUserId: input.userId,
    action: 'citizen.draft_deleted',
    entityType: 'citizen_draft',
    entityId: draft.id,
    data: {
      procedureCode: input.procedureCode,
      reason: input.reason,
      ...(input.reason === 'submitted' ? { dossierId: input.dossierId } : {}),
    },
  });
  return true;
}

/** The citizen's drafts still valid, newest first; the expired ones are deleted on the way (audited). */
export async function listCitizenDrafts(deps: Deps, userId: string): Promise<CitizenDraft[]> {
  const purged = await deps.drafts.deleteExpired(userId, deps.now);
  if (purged > 0) {
    await deps.audit?.record({
      actorUserId: null,
      action: 'citizen.drafts_expired',
      entityType: 'user',
      entityId: userId,
      data: { count: purged, ttlDays: DRAFT_TTL_DAYS },
    });
  }
  return deps.drafts.listDrafts(userId, deps.now);
}

/**
 * The scheduled purge: drafts nobody saved for `afterDays` days (whoever owns them, whether or not they come back),
 * their files, and the submission marks as old; one audit row per pass that removed anything.
 */
export async function purgeStaleDrafts(
  deps: Pick<Deps, 'drafts' | 'audit' | 'now'>,
  input: { afterDays: number },
): Promise<{ drafts: number; files: number; submittedMarks: number; cutoff: Date }> {
  if (!Number.isInteger(input.afterDays) || input.afterDays < 1) throw new RangeError('afterDays must be ≥ 1');
  const cutoff = new Date(deps.now.getTime() - input.afterDays * 86_400_000);
  const done = await deps.drafts.purgeUntouchedSince(cutoff);
  if (done.drafts + done.submittedMarks > 0) {
    await deps.audit?.record({
      actorUserId: null,
      action: 'citizen.drafts_purged',
      entityType: 'citizen_draft',
      entityId: 'stale',
      data: { ...done, afterDays: input.afterDays, untouchedSince: cutoff.toISOString() },
    });
  }
  return { ...done, cutoff };
}

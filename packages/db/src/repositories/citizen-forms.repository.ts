import type { StoredEform } from '@mot-cua/contracts/eforms';
import type { CitizenDraft, CitizenDraftsPort, DossierEformsPort, DraftFile } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

const json = (v: unknown) => JSON.stringify(v);

/** Dossiers' e-forms (table dossier_eforms, migration 0180). */
export function createDossierEformsRepository(db: Kysely<DB>): DossierEformsPort & {
  findEform(dossierId: string): Promise<(StoredEform & { createdAt: Date }) | undefined>;
} {
  return {
    async saveEform(r) {
      await db
        .insertInto('dossierEforms')
        .values({
          dossierId: r.dossierId,
          provinceCode: r.provinceCode,
          schemaId: r.eform.schemaId,
          schemaVersion: r.eform.version,
          values: json(r.eform.values),
          createdBy: r.createdBy,
          createdAt: r.at,
        })
        .execute();
    },
    async findEform(dossierId) {
      const r = await db
        .selectFrom('dossierEforms')
        .select(['schemaId', 'schemaVersion', 'values', 'createdAt'])
        .where('dossierId', '=', dossierId)
        .executeTakeFirst();
      return r && { schemaId: r.schemaId, version: r.schemaVersion, values: r.values, createdAt: r.createdAt };
    },
  };
}

/** Citizens' drafts (tables citizen_drafts and citizen_draft_files, migration 0181), always by their owner. */
export function createCitizenDraftsRepository(db: Kysely<DB>): CitizenDraftsPort {
  const filesOf = async (draftIds: string[]): Promise<Map<string, DraftFile[]>> => {
    const by = new Map<string, DraftFile[]>();
    if (draftIds.length === 0) return by;
    const rows = await db
      .selectFrom('citizenDraftFiles')
      .select(['id', 'draftId', 'componentKey', 'fileName', 'sha256', 'sizeBytes', 'mediaType'])
      .where('draftId', 'in', draftIds)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    for (const { draftId, ...f } of rows)
      by.set(draftId, [...(by.get(draftId) ?? []), { ...f, sizeBytes: Number(f.sizeBytes) }]);
    return by;
  };
  const base = () =>
    db
      .selectFrom('citizenDrafts')
      .select(['id', 'userId', 'procedureCode', 'data', 'createdAt', 'updatedAt', 'expiresAt']);
  const withFiles = async (rows: Omit<CitizenDraft, 'files'>[]): Promise<CitizenDraft[]> => {
    const files = await filesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, files: files.get(r.id) ?? [] }));
  };
  return {
    async findDraft(userId, procedureCode, now) {
      const r = await base()
        .where('userId', '=', userId)
        .where('procedureCode', '=', procedureCode)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      return r ? (await withFiles([r]))[0] : undefined;
    },
    async listDrafts(userId, now) {
      const rows = await base()
        .where('userId', '=', userId)
        .where('expiresAt', '>', now)
        .orderBy('updatedAt', 'desc')
        .limit(50)
        .execute();
      return withFiles(rows);
    },
    async upsertDraft(d) {
      await db
        .insertInto('citizenDrafts')
        .values({ ...d, data: json(d.data) })
        .onConflict((oc) =>
          oc.columns(['userId', 'procedureCode']).doUpdateSet({
            data: json(d.data),
            updatedAt: d.updatedAt,
            expiresAt: d.expiresAt,
          }),
        )
        .execute();
      const r = await base()
        .where('userId', '=', d.userId)
        .where('procedureCode', '=', d.procedureCode)
        .executeTakeFirstOrThrow();
      return (await withFiles([r]))[0]!;
    },
    async deleteDraft(userId, procedureCode) {
      const r = await db
        .deleteFrom('citizenDrafts')
        .where('userId', '=', userId)
        .where('procedureCode', '=', procedureCode)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteExpired(userId, now) {
      const r = await db
        .deleteFrom('citizenDrafts')
        .where('userId', '=', userId)
        .where('expiresAt', '<=', now)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async storeFile(f) {
      await db
        .insertInto('storedFiles')
        .values({ sha256: f.sha256, sizeBytes: f.sizeBytes, mediaType: f.mediaType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },
    async addDraftFile(draftId, f, at) {
      await db
        .insertInto('citizenDraftFiles')
        .values({ ...f, draftId, createdAt: at })
        .execute();
    },
    async removeDraftFile(draftId, fileId) {
      const r = await db
        .deleteFrom('citizenDraftFiles')
        .where('draftId', '=', draftId)
        .where('id', '=', fileId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async findSubmitted(userId, draftId) {
      return db
        .selectFrom('citizenSubmittedDrafts')
        .select(['dossierId', 'submittedAt'])
        .where('userId', '=', userId)
        .where('draftId', '=', draftId)
        .executeTakeFirst();
    },
    async recordSubmitted(r) {
      await db
        .insertInto('citizenSubmittedDrafts')
        .values({
          draftId: r.draftId,
          userId: r.userId,
          procedureCode: r.procedureCode,
          dossierId: r.dossierId,
          submittedAt: r.at,
        })
        .onConflict((oc) => oc.column('draftId').doNothing())
        .execute();
    },
    async purgeUntouchedSince(cutoff) {
      // The files go with their draft (ON DELETE CASCADE); counted first so the audit row can say how many.
      const stale = db.selectFrom('citizenDrafts').select('id').where('updatedAt', '<', cutoff);
      const files = await db.selectFrom('citizenDraftFiles').select('sha256').where('draftId', 'in', stale).execute();
      const drafts = await db.deleteFrom('citizenDrafts').where('updatedAt', '<', cutoff).executeTakeFirst();
      // Their contents' rows go too when nothing else uses them (a dossier, another draft, a feedback photo), so the
      // files sweep removes the contents after its grace period.
      const hashes = [...new Set(files.map((f) => f.sha256))];
      if (hashes.length > 0) {
        await db
          .deleteFrom('storedFiles as s')
          .where('s.sha256', 'in', hashes)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('dossierAttachments as a')
                  .select('a.sha256')
                  .whereRef('a.sha256', '=', 's.sha256')
                  .unionAll(
                    selectFrom('citizenDraftFiles as f').select('f.sha256').whereRef('f.sha256', '=', 's.sha256'),
                  )
                  .unionAll(selectFrom('feedbackPhotos as p').select('p.sha256').whereRef('p.sha256', '=', 's.sha256')),
              ),
            ),
          )
          .execute();
      }
      const marks = await db.deleteFrom('citizenSubmittedDrafts').where('submittedAt', '<', cutoff).executeTakeFirst();
      return {
        drafts: Number(drafts.numDeletedRows),
        files: files.length,
        submittedMarks: Number(marks.numDeletedRows),
      };
    },
  };
}

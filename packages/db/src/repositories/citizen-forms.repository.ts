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
  };
}

import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/** The file store's records and the files linked to a dossier (the dossiers repository's part). */
export function createDossierAttachmentsRepository(db: Kysely<DB>) {
  return {
    /** Record a content of the file store once by its sha256 (same content → same row); no bytes here. */
    async storeFile(f: { sha256: string; sizeBytes: number; mediaType: string }): Promise<void> {
      await db
        .insertInto('storedFiles')
        .values({ sha256: f.sha256, sizeBytes: f.sizeBytes, mediaType: f.mediaType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },

    async addAttachment(a: {
      dossierId: string;
      provinceCode: string;
      kind: 'component' | 'result';
      componentKey: string | null;
      fileName: string;
      sha256: string;
      uploadedBy: string | null;
    }) {
      // One statement: the link, and a touch of the dossier's row so that its version moves. A list of files
      // read with the row (readForAction) is then as current as the row, and an action written at that version
      // presents it without reading the files again.
      return db
        .with('d', (q) =>
          q
            .updateTable('dossiers')
            .set({ lastActionSeq: sql`last_action_seq` })
            .where('id', '=', a.dossierId)
            .returning('id'),
        )
        .insertInto('dossierAttachments')
        .columns(['dossierId', 'provinceCode', 'kind', 'componentKey', 'fileName', 'sha256', 'uploadedBy'])
        .expression((eb) =>
          eb
            .selectFrom('d')
            .select([
              'd.id',
              sql<string>`${a.provinceCode}::text`.as('provinceCode'),
              sql<string>`${a.kind}::text`.as('kind'),
              sql<string | null>`${a.componentKey}::text`.as('componentKey'),
              sql<string>`${a.fileName}::text`.as('fileName'),
              sql<string>`${a.sha256}::text`.as('sha256'),
              sql<string | null>`${a.uploadedBy}::uuid`.as('uploadedBy'),
            ]),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async listAttachments(dossierId: string) {
      return db
        .selectFrom('dossierAttachments as a')
        .innerJoin('storedFiles as f', 'f.sha256', 'a.sha256')
        .select([
          'a.id',
          'a.kind',
          'a.componentKey',
          'a.fileName',
          'a.sha256',
          'a.uploadedAt',
          'f.sizeBytes',
          'f.mediaType',
        ])
        .where('a.dossierId', '=', dossierId)
        .orderBy('a.uploadedAt')
        .execute();
    },

    async readAttachment(dossierId: string, attachmentId: string) {
      if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return undefined;
      return db
        .selectFrom('dossierAttachments as a')
        .innerJoin('storedFiles as f', 'f.sha256', 'a.sha256')
        .select(['a.fileName', 'f.mediaType', 'f.sha256', 'f.sizeBytes'])
        .where('a.dossierId', '=', dossierId)
        .where('a.id', '=', attachmentId)
        .executeTakeFirst();
    },
  };
}

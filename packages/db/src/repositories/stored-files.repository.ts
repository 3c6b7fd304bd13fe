import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * The rows of attachment contents (`stored_files`) as the file store's tools see them: contents still in the
 * database waiting to be moved out (migration 0145), which hashes the database knows (orphan sweep), counts
 * (backup verification).
 */
export function createStoredFilesRepository(db: Kysely<DB>) {
  return {
    /**
     * A content kept in its row until the start-up step moves it out: the demo seed (which has no file store)
     * writes its generated PDFs this way. Same hash twice: one row.
     */
    async insertWithContent(f: { sha256: string; sizeBytes: number; mediaType: string; content: Uint8Array }) {
      await db
        .insertInto('storedFiles')
        .values(f)
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },

    /** Up to `limit` rows whose content is still in the database. */
    async pendingContents(limit: number) {
      return db
        .selectFrom('storedFiles')
        .select(['sha256', 'sizeBytes', 'mediaType', 'content'])
        .where('content', 'is not', null)
        .orderBy('sha256')
        .limit(limit)
        .execute();
    },

    /** The hashes of the rows whose content is still in the database (no bytes read). */
    async pendingHashes(): Promise<Set<string>> {
      const rows = await db.selectFrom('storedFiles').select('sha256').where('content', 'is not', null).execute();
      return new Set(rows.map((r) => r.sha256));
    },

    /** Drop a row's bytes once the store holds them (verified by the caller). */
    async releaseContent(sha256: string) {
      await db.updateTable('storedFiles').set({ content: null }).where('sha256', '=', sha256).execute();
    },

    /** Which of these hashes the database knows (rows of `stored_files`). */
    async knownHashes(hashes: readonly string[]): Promise<Set<string>> {
      if (hashes.length === 0) return new Set();
      const rows = await db.selectFrom('storedFiles').select('sha256').where('sha256', 'in', hashes).execute();
      return new Set(rows.map((r) => r.sha256));
    },

    /** Every hash the database knows, in pages (backup: the contents to copy). */
    async hashesAfter(after: string, limit: number) {
      return db
        .selectFrom('storedFiles')
        .select(['sha256', 'sizeBytes', 'mediaType'])
        .where('sha256', '>', after)
        .orderBy('sha256')
        .limit(limit)
        .execute();
    },

    async count(): Promise<{ files: number; pending: number }> {
      const r = await sql<{ files: number; pending: number }>`
        select count(*)::int as files, count(content)::int as pending from stored_files`.execute(db);
      return r.rows[0] ?? { files: 0, pending: 0 };
    },
  };
}
export type StoredFilesRepository = ReturnType<typeof createStoredFilesRepository>;

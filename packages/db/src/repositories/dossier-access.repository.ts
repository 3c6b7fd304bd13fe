import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * Officials' reads of one dossier (`dossier.read` audit rows, found by the entity index), newest first: the time
 * and the row's data.
 */
export async function listDossierReads(
  db: Kysely<DB>,
  dossierId: string,
  limit = 200,
): Promise<{ at: Date; data: Record<string, unknown> }[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .select(['occurredAt', 'data'])
    .where('action', '=', 'dossier.read')
    .where('entityType', '=', 'dossier')
    .where('entityId', '=', dossierId)
    .orderBy('occurredAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: new Date(r.occurredAt), data: r.data }));
}

import type { PortalImportsPort } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/** Online dossiers imported from the national portal, the review list and the importer's durable cursor. */
export function createPortalImportsRepository(db: Kysely<DB>) {
  const port: PortalImportsPort = {
    async findImport(portalCode) {
      return db
        .selectFrom('portalImports')
        .select(['state', 'dossierId'])
        .where('portalCode', '=', portalCode)
        .executeTakeFirst();
    },
    async recordImport(r) {
      await db
        .insertInto('portalImports')
        .values({ ...r, payload: JSON.stringify(r.payload) })
        .execute();
    },
    async lockImport(portalCode) {
      const r = await sql<{
        state: string;
        reason: string | null;
        dossierId: string | null;
        payload: Record<string, unknown>;
      }>`select state, reason, dossier_id, payload from portal_imports where portal_code = ${portalCode} for update`.execute(
        db,
      );
      return r.rows[0];
    },
    async resolveImport(r) {
      await db
        .updateTable('portalImports')
        .set({
          state: 'imported',
          provinceCode: r.provinceCode,
          unitCode: r.unitCode,
          dossierId: r.dossierId,
          resolvedAt: r.resolvedAt,
        })
        .where('portalCode', '=', r.portalCode)
        .where('state', '=', 'needs_review')
        .execute();
    },
    async saveCursor(source, cursor, now) {
      await db
        .insertInto('portalImportCursors')
        .values({ source, cursor, updatedAt: now })
        .onConflict((oc) => oc.column('source').doUpdateSet({ cursor, updatedAt: now }))
        .execute();
    },
  };
  return {
    ...port,
    async readCursor(source: string): Promise<string | undefined> {
      const r = await db
        .selectFrom('portalImportCursors')
        .select('cursor')
        .where('source', '=', source)
        .executeTakeFirst();
      return r?.cursor;
    },
    /**
     * The review list: online dossiers imported into the given units (or provinces) that still wait for a
     * reception official (registered, not yet accepted or refused), and, for `includeUnmapped`, those that could
     * not be mapped to a unit or procedure, with the reason.
     */
    async listForReview(input: {
      scopes: string[] | 'all';
      includeUnmapped: boolean;
      pendingOnly: boolean;
      limit: number;
    }) {
      const scoped =
        input.scopes === 'all'
          ? sql`true`
          : input.scopes.length
            ? sql`(i.unit_code in (${sql.join(input.scopes)}) or i.province_code in (${sql.join(input.scopes)}))`
            : sql`false`;
      // A split old commune's dossier is offered to the reception of each successor (routed by hand).
      const successorOf =
        input.scopes === 'all'
          ? sql`true`
          : input.scopes.length
            ? sql`exists (select 1
                 from jsonb_array_elements_text(coalesce(i.payload -> 'successorUnitCodes', '[]'::jsonb)) s(code)
                 join admin_units u on u.code = s.code
                 where u.code in (${sql.join(input.scopes)}) or u.province_code in (${sql.join(input.scopes)}))`
            : sql`false`;
      const r = await sql<{
        portalCode: string;
        state: 'imported' | 'needs_review';
        reason: string | null;
        unitCode: string | null;
        procedureCode: string;
        importedAt: Date;
        payload: Record<string, unknown>;
        dossierId: string | null;
        dossierCode: string | null;
        status: string | null;
        procedureName: string | null;
      }>`
        select i.portal_code, i.state, i.reason, i.unit_code, i.procedure_code, i.imported_at, i.payload,
               d.id as dossier_id, d.code as dossier_code, d.status, d.procedure_name
        from portal_imports i
        left join dossiers d on d.id = i.dossier_id
        where ((i.state = 'imported' and ${scoped}
                ${input.pendingOnly ? sql`and d.status = 'new'` : sql``})
           or (i.state = 'needs_review' and (${scoped} or ${successorOf} or (${input.includeUnmapped} and i.unit_code is null))))
        order by i.imported_at desc, i.portal_code
        limit ${input.limit}`.execute(db);
      return r.rows;
    },
    /** One import record (the review record of a dossier to route by hand). */
    async getImport(portalCode: string) {
      return db
        .selectFrom('portalImports')
        .select(['portalCode', 'state', 'reason', 'provinceCode', 'unitCode', 'dossierId', 'payload'])
        .where('portalCode', '=', portalCode)
        .executeTakeFirst();
    },
    async countImports() {
      const r = await sql<{ imported: number; review: number }>`
        select count(*) filter (where state = 'imported')::int as imported,
               count(*) filter (where state = 'needs_review')::int as review
        from portal_imports`.execute(db);
      return { imported: Number(r.rows[0]!.imported), needsReview: Number(r.rows[0]!.review) };
    },
  };
}
export type PortalImportsRepository = ReturnType<typeof createPortalImportsRepository>;

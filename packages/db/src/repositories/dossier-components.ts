import type { ComponentCheck, DossierRecord } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { componentRows, type DossierRow, toRecord } from './dossier-rows.js';

/**
 * A dossier's checklist as JSON, in position order, for a select of `dossiers` (one statement reads the dossier
 * with it): as componentsOf maps the rows (the origin flags only when set).
 */
export const checklistOfDossier = () =>
  sql<ComponentCheck[]>`(select coalesce(jsonb_agg(jsonb_build_object('key', c.key, 'name', c.name,
    'state', c.state, 'reason', c.reason, 'copies', c.copies)
    || case when c.reused then '{"reused": true}'::jsonb else '{}'::jsonb end
    || case when c.from_citizen_store then '{"fromCitizenStore": true}'::jsonb else '{}'::jsonb end
    order by c.position), '[]'::jsonb)
    from dossier_components c where c.dossier_id = dossiers.id)`;

/** A dossier's checklist (its components), read with the dossier rows and written with them. */
export function dossierComponents(db: Kysely<DB>) {
  async function componentsOf(dossierIds: string[]): Promise<Map<string, ComponentCheck[]>> {
    const map = new Map<string, ComponentCheck[]>();
    if (dossierIds.length === 0) return map;
    const rows = await db
      .selectFrom('dossierComponents')
      .selectAll()
      .where('dossierId', 'in', dossierIds)
      .orderBy('dossierId')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = map.get(r.dossierId) ?? [];
      list.push({
        key: r.key,
        name: r.name,
        state: r.state as ComponentCheck['state'],
        reason: r.reason,
        copies: r.copies,
        ...(r.reused ? { reused: true } : {}),
        ...(r.fromCitizenStore ? { fromCitizenStore: true } : {}),
      });
      map.set(r.dossierId, list);
    }
    return map;
  }

  async function insertComponents(dossier: Pick<DossierRecord, 'id' | 'provinceCode'>, checks: ComponentCheck[]) {
    if (checks.length === 0) return;
    await db.insertInto('dossierComponents').values(componentRows(dossier, checks)).execute();
  }

  async function withComponents(rows: DossierRow[]): Promise<DossierRecord[]> {
    const comps = await componentsOf(rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, comps.get(r.id) ?? []));
  }

  /** One dossier with its checklist in one statement (optionally locking the dossier row). */
  async function oneWithComponents(id: string, lock: boolean): Promise<DossierRecord | undefined> {
    let q = db
      .selectFrom('dossiers')
      .selectAll('dossiers')
      .select(checklistOfDossier().as('checklist'))
      .where('dossiers.id', '=', id);
    if (lock) q = q.forUpdate(['dossiers']);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    const { checklist, ...rest } = row;
    return toRecord(rest as DossierRow, checklist);
  }
  return { insertComponents, withComponents, oneWithComponents };
}

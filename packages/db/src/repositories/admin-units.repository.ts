import {
  type AdminUnitsDataset,
  AppError,
  type ChangeEvent,
  type ChangeKind,
  type ChangePlan,
  type CodeAlias,
  type UnitLevel,
  type UnitType,
  type UnitVersion,
} from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

const unitColumns = [
  'code',
  'level',
  'type',
  'name',
  'fullName',
  'provinceCode',
  'districtCode',
  'validFrom',
  'validTo',
] as const;

type UnitRow = {
  code: string;
  level: string;
  type: string;
  name: string;
  fullName: string;
  provinceCode: string;
  districtCode: string | null;
  validFrom: string | null;
  validTo: string | null;
};
const toVersion = (r: UnitRow): UnitVersion => ({
  ...r,
  level: r.level as UnitLevel,
  type: r.type as UnitType,
});

const BATCH = 1000;
async function inBatches<T>(rows: T[], size: number, fn: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/**
 * The one lookup of a unit in force on a date, in one query: the version of `code` itself, or else of the unit a
 * code alias hands `code` on to (alias valid from that date or earlier), the latest version first. The admin-units
 * repository's `findUnit` and the dossier path's units port both ask it; `agencyIdentifier` is for the latter.
 */
export async function findUnitInForce(
  db: Kysely<DB>,
  code: string,
  onDate: string,
): Promise<(UnitVersion & { agencyIdentifier: string | null }) | undefined> {
  const r = await sql<UnitRow & { agencyIdentifier: string | null }>`
    select u.code, u.level, u.type, u.name, u.full_name, u.province_code, u.district_code, u.valid_from, u.valid_to,
      u.agency_identifier
    from admin_units u
    where (u.code = ${code}
           or u.code in (select a.code from admin_unit_aliases a where a.alias = ${code} and a.valid_from <= ${onDate}::date))
      and ${inForceOn(onDate, 'u')}
    order by (u.code = ${code}) desc, u.valid_from desc nulls last limit 1`.execute(db);
  const row = r.rows[0];
  return row ? { ...toVersion(row), agencyIdentifier: row.agencyIdentifier } : undefined;
}

/** SQL of the admin units: versions as of a date, events and links, aliases, and writing a change plan. */
export function createAdminUnitsRepository(db: Kysely<DB>) {
  const validOn = (onDate: string) => inForceOn(onDate);

  const repo = {
    /** The unit in force on a date (following a code alias), or undefined. */
    async findUnit(code: string, onDate: string): Promise<UnitVersion | undefined> {
      const found = await findUnitInForce(db, code, onDate);
      if (!found) return undefined;
      const { agencyIdentifier: _, ...unit } = found;
      return unit;
    },

    async getUnit(code: string, onDate: string): Promise<UnitVersion> {
      const u = await repo.findUnit(code, onDate);
      if (!u) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code, onDate } });
      return u;
    },

    /** Communes of a province (or districts before 2025-07-01), or communes of a district, as of a date. */
    async listChildren(code: string, onDate: string): Promise<UnitVersion[]> {
      const parent = await repo.getUnit(code, onDate);
      let q = db.selectFrom('adminUnits').select(unitColumns).where(validOn(onDate));
      if (parent.level === 'district') q = q.where('districtCode', '=', parent.code).where('level', '=', 'commune');
      else {
        q = q.where('provinceCode', '=', parent.code).where('level', '!=', 'province');
        const hasDistricts = await db
          .selectFrom('adminUnits')
          .select('code')
          .where('provinceCode', '=', parent.code)
          .where('level', '=', 'district')
          .where(validOn(onDate))
          .executeTakeFirst();
        q = q.where('level', '=', hasDistricts ? 'district' : 'commune');
      }
      return (await q.orderBy('code').execute()).map(toVersion);
    },

    /** Every version of some codes (for planning a change event). */
    async listVersions(codes: string[]): Promise<Map<string, UnitVersion[]>> {
      const out = new Map<string, UnitVersion[]>(codes.map((c) => [c, []]));
      if (codes.length === 0) return out;
      const rows = await db.selectFrom('adminUnits').select(unitColumns).where('code', 'in', codes).execute();
      for (const r of rows) out.get(r.code)?.push(toVersion(r));
      return out;
    },

    /** A token that changes whenever units change (for caches of the in-memory index). */
    async revision(): Promise<string> {
      const r = await db
        .selectFrom('adminUnitEvents')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')])
        .executeTakeFirstOrThrow();
      return `${r.n}:${r.max ?? 0}`;
    },

    /** The whole dataset (about 14,000 versions and 11,000 links), to build the in-memory index. */
    async loadDataset(): Promise<AdminUnitsDataset> {
      const [versions, events, links, aliases] = await Promise.all([
        db.selectFrom('adminUnits').select(unitColumns).execute(),
        db
          .selectFrom('adminUnitEvents')
          .select(['id', 'key', 'kind', 'effectiveDate', 'legalBasis', 'description'])
          .orderBy('id')
          .execute(),
        db.selectFrom('adminUnitEventLinks').select(['eventId', 'fromCode', 'toCode', 'share']).execute(),
        db.selectFrom('adminUnitAliases').select(['alias', 'code', 'validFrom', 'note']).execute(),
      ]);
      const byId = new Map<number, ChangeEvent>();
      for (const e of events) {
        byId.set(e.id, {
          key: e.key,
          kind: e.kind as ChangeKind,
          effectiveDate: e.effectiveDate,
          legalBasis: e.legalBasis,
          description: e.description,
          links: [],
        });
      }
      for (const l of links)
        byId.get(l.eventId)?.links.push({ fromCode: l.fromCode, toCode: l.toCode, share: l.share });
      return { versions: versions.map(toVersion), events: [...byId.values()], aliases: aliases as CodeAlias[] };
    },

    /** Insert versions: one statement per 5,000 rows, columns passed as arrays (unnest). */
    async insertVersions(versions: UnitVersion[], eventId: number | null = null): Promise<void> {
      await inBatches(versions, 5000, (b) =>
        sql`INSERT INTO admin_units (code, level, type, name, full_name, province_code, district_code, valid_from,
              valid_to, event_id)
            SELECT c, l, t, n, f, p, d, vf, vt, ${eventId}::bigint FROM unnest(
              ${b.map((v) => v.code)}::text[], ${b.map((v) => v.level)}::text[], ${b.map((v) => v.type)}::text[],
              ${b.map((v) => v.name)}::text[], ${b.map((v) => v.fullName)}::text[],
              ${b.map((v) => v.provinceCode)}::text[], ${b.map((v) => v.districtCode)}::text[],
              ${b.map((v) => v.validFrom)}::date[], ${b.map((v) => v.validTo)}::date[]
            ) AS x(c, l, t, n, f, p, d, vf, vt)`.execute(db),
      );
    },

    /** Insert events and their links in batches; returns event ids by key. */
    async insertEvents(
      events: ChangeEvent[],
      meta: { source: 'master_data' | 'admin'; appliedBy?: string | null; data?: Record<string, unknown> },
    ): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      await inBatches(events, BATCH, async (batch) => {
        const rows = await db
          .insertInto('adminUnitEvents')
          .values(
            batch.map((e) => ({
              key: e.key,
              kind: e.kind,
              effectiveDate: e.effectiveDate,
              legalBasis: e.legalBasis,
              description: e.description,
              source: meta.source,
              appliedBy: meta.appliedBy ?? null,
              data: JSON.stringify(meta.data ?? {}),
            })),
          )
          .returning(['id', 'key'])
          .execute();
        for (const r of rows) ids.set(r.key, r.id);
      });
      const links = events.flatMap((e) => e.links.map((l) => ({ eventId: ids.get(e.key)!, ...l })));
      await inBatches(links, 5000, (b) =>
        sql`INSERT INTO admin_unit_event_links (event_id, from_code, to_code, share)
            SELECT * FROM unnest(${b.map((l) => l.eventId)}::bigint[], ${b.map((l) => l.fromCode)}::text[],
              ${b.map((l) => l.toCode)}::text[], ${b.map((l) => l.share)}::text[])`.execute(db),
      );
      return ids;
    },

    async insertAliases(aliases: CodeAlias[]): Promise<void> {
      if (aliases.length) await db.insertInto('adminUnitAliases').values(aliases).execute();
    },

    /** Write a planned change event (call inside the transaction that also re-homes records). */
    async applyPlan(
      plan: ChangePlan,
      meta: { source: 'master_data' | 'admin'; appliedBy?: string | null; data?: Record<string, unknown> },
    ): Promise<number> {
      const ids = await repo.insertEvents([plan.event], meta);
      const eventId = ids.get(plan.event.key)!;
      for (const c of plan.closeVersions) {
        const r = await db
          .updateTable('adminUnits')
          .set({ validTo: c.validTo })
          .where('code', '=', c.code)
          .where((eb) => (c.validFrom === null ? eb('validFrom', 'is', null) : eb('validFrom', '=', c.validFrom)))
          .where('validTo', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) {
          throw new AppError('UNIT_VERSION_CONFLICT', { details: { code: c.code } });
        }
      }
      await repo.insertVersions(plan.newVersions, eventId);
      await repo.insertAliases(plan.aliases);
      return eventId;
    },

    async listEvents(opts: { source?: 'master_data' | 'admin'; limit?: number } = {}) {
      let q = db
        .selectFrom('adminUnitEvents')
        .select(['id', 'key', 'kind', 'effectiveDate', 'legalBasis', 'description', 'source', 'appliedAt', 'data'])
        .orderBy('id', 'desc')
        .limit(opts.limit ?? 50);
      if (opts.source) q = q.where('source', '=', opts.source);
      return q.execute();
    },

    async findEvent(id: number) {
      return db
        .selectFrom('adminUnitEvents')
        .select(['id', 'key', 'kind', 'effectiveDate', 'legalBasis', 'description', 'source', 'appliedAt', 'data'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async loadedDataVersion(): Promise<string | undefined> {
      const r = await db
        .selectFrom('adminUnitDataLoads')
        .select('dataVersion')
        .orderBy('loadedAt', 'desc')
        .executeTakeFirst();
      return r?.dataVersion;
    },

    async recordDataLoad(dataVersion: string, counts: Record<string, number>): Promise<void> {
      await db
        .insertInto('adminUnitDataLoads')
        .values({ dataVersion, counts: JSON.stringify(counts) })
        .onConflict((oc) => oc.column('dataVersion').doNothing())
        .execute();
    },

    async existingVersionKeys(): Promise<Set<string>> {
      const rows = await db.selectFrom('adminUnits').select(['code', 'validFrom']).execute();
      return new Set(rows.map((r) => `${r.code}|${r.validFrom ?? ''}`));
    },

    async existingEventKeys(): Promise<Set<string>> {
      const rows = await db.selectFrom('adminUnitEvents').select('key').execute();
      return new Set(rows.map((r) => r.key));
    },
  };
  return repo;
}
export type AdminUnitsRepo = ReturnType<typeof createAdminUnitsRepository>;

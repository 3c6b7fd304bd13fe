import type {
  CatalogProcedure,
  ProcedureFacets,
  ProcedureLevel,
  ProcedureSummary,
  ProcedureVersionInfo,
} from '@mot-cua/contracts';
import { AppError, unitLevelOf } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

export type ProcedureFilter = {
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  q?: string | undefined;
  /** Report `enabled` for this unit (a commune row wins over its province's row). */
  unit?: { unitCode: string; provinceCode: string | null } | undefined;
  enabledOnly?: boolean | undefined;
  codes?: ReadonlyArray<string> | undefined;
  includeWithdrawn?: boolean | undefined;
  limit: number;
  offset: number;
};

export type ProcedureVersionRow = ProcedureVersionInfo & { procedureCode: string; record: CatalogProcedure };

const toInfo = (r: {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
}): ProcedureVersionInfo => ({
  id: r.id,
  version: r.version,
  validFrom: r.validFrom,
  validTo: r.validTo,
  decisionNumber: r.decisionNumber,
  decisionDate: r.decisionDate ?? null,
});
/** The publishing decision's date as the version's record states it (absent when the source does not). */
const decisionDate = sql<string | null>`record->>'decisionDate'`.as('decisionDate');

/** Catalog queries: list and filter, detail with history, versions by id or date. */
export function createProceduresRepository(db: Kysely<DB>) {
  return {
    async listProcedures(f: ProcedureFilter): Promise<{ total: number; items: ProcedureSummary[] }> {
      const unit = f.unit;
      let q = db
        .selectFrom('procedures as p')
        .leftJoin('procedureUnitConfigs as cu', (j) =>
          j.onRef('cu.procedureCode', '=', 'p.code').on('cu.unitCode', '=', unit?.unitCode ?? ''),
        )
        .leftJoin('procedureUnitConfigs as cp', (j) =>
          j.onRef('cp.procedureCode', '=', 'p.code').on('cp.unitCode', '=', unit?.provinceCode ?? ''),
        );
      if (!f.includeWithdrawn) q = q.where('p.withdrawnOn', 'is', null);
      if (f.level) q = q.where(sql<boolean>`${f.level} = ANY(p.levels)`);
      if (f.field) q = q.where('p.field', '=', f.field);
      if (f.agency) q = q.where('p.agency', '=', f.agency);
      if (f.codes) q = q.where('p.code', 'in', f.codes.length ? [...f.codes] : ['']);
      if (f.q?.trim()) {
        const needle = f.q.trim();
        q = q.where((eb) =>
          eb.or([
            eb('p.code', 'like', `${needle.replace(/[%_\\]/g, '')}%`),
            eb(sql`f_unaccent_fold(p.name)`, 'like', sql`'%' || f_unaccent_fold(${needle}) || '%'`),
          ]),
        );
      }
      // the rule of core's isProcedureEnabled: own config, else the province's, else the catalog level
      const enabledExpr = unit
        ? sql<boolean>`coalesce(cu.enabled, cp.enabled, ${unitLevelOf(unit.unitCode)} = ANY(p.levels))`
        : sql<boolean>`false`;
      if (unit && f.enabledOnly) q = q.where(enabledExpr);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .select([
          'p.code',
          'p.name',
          'p.field',
          'p.agency',
          'p.agencyName',
          'p.levels',
          'p.timeLimit',
          'p.onlineServiceLevel',
          'p.origin',
          'p.currentVersion',
          enabledExpr.as('enabled'),
        ])
        .orderBy('p.code')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          field: r.field,
          agency: r.agency,
          agencyName: r.agencyName,
          levels: r.levels as ProcedureLevel[],
          timeLimit: r.timeLimit,
          onlineServiceLevel: r.onlineServiceLevel as ProcedureSummary['onlineServiceLevel'],
          origin: r.origin,
          version: r.currentVersion,
          ...(unit ? { enabled: Boolean(r.enabled) } : {}),
        })),
      };
    },

    async findProcedureHead(
      code: string,
    ): Promise<{ code: string; agency: string; withdrawnOn: string | null; currentVersion: number } | undefined> {
      return db
        .selectFrom('procedures')
        .select(['code', 'agency', 'withdrawnOn', 'currentVersion'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    /** The version in force (latest, also for a withdrawn procedure) and the whole history, newest first. */
    async getProcedure(
      code: string,
    ): Promise<{ procedure: CatalogProcedure; version: ProcedureVersionInfo; history: ProcedureVersionInfo[] }> {
      const versions = await db
        .selectFrom('procedureVersions')
        .select(['id', 'version', 'validFrom', 'validTo', 'decisionNumber', decisionDate])
        .where('procedureCode', '=', code)
        .orderBy('version', 'desc')
        .execute();
      if (versions.length === 0) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code } });
      const latest = versions[0]!;
      const rec = await db
        .selectFrom('procedureVersions')
        .select('record')
        .where('id', '=', latest.id)
        .executeTakeFirstOrThrow();
      return { procedure: rec.record, version: toInfo(latest), history: versions.map(toInfo) };
    },

    async findVersion(id: string): Promise<ProcedureVersionRow | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const r = await db
        .selectFrom('procedureVersions')
        .select(['id', 'procedureCode', 'version', 'validFrom', 'validTo', 'decisionNumber', 'record', decisionDate])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { ...toInfo(r), procedureCode: r.procedureCode, record: r.record } : undefined;
    },

    /** The version of a procedure in force on a date ('YYYY-MM-DD'), e.g. when a dossier was received. */
    async findVersionAt(code: string, onDate: string): Promise<ProcedureVersionRow | undefined> {
      const r = await db
        .selectFrom('procedureVersions')
        .select(['id', 'procedureCode', 'version', 'validFrom', 'validTo', 'decisionNumber', 'record', decisionDate])
        .where('procedureCode', '=', code)
        .where(inForceOn(onDate))
        .orderBy('version', 'desc')
        .executeTakeFirst();
      return r ? { ...toInfo(r), procedureCode: r.procedureCode, record: r.record } : undefined;
    },

    /** The open (current) version of a procedure. */
    async findCurrentVersion(code: string): Promise<ProcedureVersionRow | undefined> {
      const r = await db
        .selectFrom('procedureVersions')
        .select(['id', 'procedureCode', 'version', 'validFrom', 'validTo', 'decisionNumber', 'record', decisionDate])
        .where('procedureCode', '=', code)
        .where('validTo', 'is', null)
        .executeTakeFirst();
      return r ? { ...toInfo(r), procedureCode: r.procedureCode, record: r.record } : undefined;
    },

    async listFacets(): Promise<ProcedureFacets> {
      const fields = await db
        .selectFrom('procedures')
        .select(['field', (eb) => eb.fn.countAll<number>().as('count')])
        .where('withdrawnOn', 'is', null)
        .groupBy('field')
        .orderBy('field')
        .execute();
      const agencies = await db
        .selectFrom('procedures')
        .select(['agency', 'agencyName', (eb) => eb.fn.countAll<number>().as('count')])
        .where('withdrawnOn', 'is', null)
        .groupBy(['agency', 'agencyName'])
        .orderBy('agency')
        .execute();
      return {
        fields: fields.map((f) => ({ field: f.field, count: Number(f.count) })),
        agencies: agencies.map((a) => ({ agency: a.agency, agencyName: a.agencyName, count: Number(a.count) })),
      };
    },
  };
}
export type ProceduresRepo = ReturnType<typeof createProceduresRepository>;

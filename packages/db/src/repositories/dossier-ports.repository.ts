import type { CatalogProcedure } from '@mot-cua/contracts';
import {
  type CalendarLoader,
  conditionAppliesTo,
  createDeadlines,
  type DeadlinePort,
  type DossierDuration,
  type DossierStep,
  effectiveCondition,
  hasTimeLimit,
  isProcedureEnabled,
  type ProcedurePort,
  type ReceptionProcedure,
  sumDurations,
  type UnitInfo,
  type UnitsPort,
  type WorkingCalendar,
} from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { findUnitInForce } from './admin-units.repository.js';
import { loadWorkingCalendar } from './calendar.repository.js';
import { createComponentConditionsRepository } from './component-conditions.repository.js';
import { inForceOn } from './in-force.js';
import { VersionedCache } from './master-data-cache.js';
import { createProcedureConfigRepository } from './procedure-config.repository.js';

/**
 * Caches of the master data on the dossier path, shared by the requests of a process and keyed by the
 * master-data version (see master-data-cache.ts). Pass `version` (read with the session) to use them;
 * without it, a port memoizes for its own lifetime only (one request, one seed run).
 */
export type MasterDataCaches = {
  calendars: VersionedCache<WorkingCalendar>;
  units: VersionedCache<UnitInfo | undefined>;
  procedures: VersionedCache<ReceptionProcedure | undefined>;
};

export function createMasterDataCaches(): MasterDataCaches {
  return {
    calendars: new VersionedCache(5_000),
    units: new VersionedCache(20_000),
    procedures: new VersionedCache(20_000),
  };
}

export type MasterDataAccess = { caches?: MasterDataCaches | undefined; version?: number | undefined };

/** A loader memoized for this port's lifetime when no version is known, else through the shared cache. */
function cached<V>(shared: VersionedCache<V> | undefined, version: number | undefined) {
  const local = new Map<string, Promise<V>>();
  return (key: string, load: () => Promise<V>): Promise<V> => {
    if (shared && version !== undefined) return shared.get(key, version, load);
    let hit = local.get(key);
    if (!hit) {
      hit = load();
      local.set(key, hit);
      hit.catch(() => local.delete(key));
    }
    return hit;
  };
}

/**
 * Working calendars for the dossier path (loadWorkingCalendar: three years around the year asked), through the
 * master-data cache; core computes the due dates from them (createDeadlines).
 */
export function createDossierCalendarLoader(db: Kysely<DB>, access: MasterDataAccess = {}): CalendarLoader {
  const load = cached(access.caches?.calendars, access.version);
  return (unitCode, provinceCode, year) =>
    load(`${unitCode}|${provinceCode}|${year}`, () =>
      loadWorkingCalendar(db, { unitCode, provinceCode, fromYear: year - 1, toYear: year + 1 }),
    );
}

/** Due dates for dossiers: core's rules over this database's calendars. */
export function createDossierDeadlinePort(db: Kysely<DB>, access: MasterDataAccess = {}): DeadlinePort {
  return createDeadlines(createDossierCalendarLoader(db, access));
}

/**
 * Admin units as of a date, by the admin-units repository's one lookup (`findUnitInForce`: in force by `inForceOn`,
 * following a code alias to the unit that took the code over); `extra` may supply units the table does not hold
 * (tests).
 */
export function createDossierUnitsPort(
  db: Kysely<DB>,
  extra: ReadonlyMap<string, UnitInfo> = new Map(),
  access: MasterDataAccess = {},
): UnitsPort {
  const load = cached(access.caches?.units, access.version);
  return {
    async findUnit(code, onDate) {
      const known = extra.get(code);
      if (known) return known;
      return load(`${code}|${onDate}`, async () => {
        const u = await findUnitInForce(db, code, onDate);
        if (!u) return undefined;
        return {
          code: u.code,
          name: u.fullName,
          provinceCode: u.provinceCode,
          level: u.level as UnitInfo['level'],
          agencyIdentifier: u.agencyIdentifier,
        };
      });
    },
  };
}

/** Units looked up during one request, by code and date (a request asks for the same unit several times). */
export type UnitMemo = Map<string, Promise<UnitInfo | undefined>>;

/** The same port, asking the database once per code and date for the lifetime of `memo` (one request). */
export function memoizeUnits(port: UnitsPort, memo: UnitMemo): UnitsPort {
  return {
    findUnit(code, onDate) {
      const key = `${code}|${onDate}`;
      let hit = memo.get(key);
      if (!hit) {
        hit = port.findUnit(code, onDate);
        memo.set(key, hit);
        hit.catch(() => memo.delete(key));
      }
      return hit;
    },
  };
}

/**
 * Parsed catalog records by procedure version id. A version's record never changes (a new content is a new
 * version; only valid_to is closed), so the id is its version key and the cache never goes stale. Bounded.
 */
const versionRecords = new Map<string, CatalogProcedure>();
const MAX_CACHED_VERSIONS = 5_000;

/** The version in force on a date (the rule of procedures.findVersionAt), its record from the cache. */
async function versionInForce(db: Kysely<DB>, code: string, onDate: string) {
  const v = await db
    .selectFrom('procedureVersions')
    .select('id')
    .where('procedureCode', '=', code)
    .where(inForceOn(onDate))
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!v) return undefined;
  let record = versionRecords.get(v.id);
  if (!record) {
    const row = await db
      .selectFrom('procedureVersions')
      .select('record')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    record = row.record as CatalogProcedure;
    if (versionRecords.size >= MAX_CACHED_VERSIONS) versionRecords.delete(versionRecords.keys().next().value!);
    versionRecords.set(v.id, record);
  }
  return { id: v.id, record };
}

/** Total of an internal process's step durations, when they set one (all in one family, above zero). */
function processLimit(durations: DossierDuration[]): DossierDuration {
  const set = durations.filter(hasTimeLimit);
  const none: DossierDuration = { value: 0, unit: 'none' };
  if (set.length === 0) return none;
  const calendar = set.filter((d) => d.unit === 'calendar_days').length;
  if (calendar > 0 && calendar < set.length) return none;
  const unit = calendar
    ? 'calendar_days'
    : set.some((d) => d.unit === 'working_hours')
      ? 'working_hours'
      : 'working_days';
  const total = sumDurations(set, unit);
  return total.value > 0 ? total : none;
}

/**
 * Procedures from the catalog feature: the version in force, its components (checklist keys), the
 * channel's time limit, the unit's configuration (enabled, local fee) and internal process.
 */
export function createDossierProcedurePort(
  db: Kysely<DB>,
  units: UnitsPort,
  access: MasterDataAccess = {},
): ProcedurePort {
  const configs = createProcedureConfigRepository(db);
  const conditions = createComponentConditionsRepository(db);
  const load = cached(access.caches?.procedures, access.version);
  return {
    findProcedureForReception(input) {
      const key = `${input.procedureCode}|${input.competentUnitCode}|${input.channel}|${input.onDate}`;
      return load(key, () => loadReceptionProcedure(input));
    },
  };

  async function loadReceptionProcedure(
    input: Parameters<ProcedurePort['findProcedureForReception']>[0],
  ): Promise<ReceptionProcedure | undefined> {
    {
      const version = await versionInForce(db, input.procedureCode, input.onDate);
      if (!version) return undefined;
      const unit = await units.findUnit(input.competentUnitCode, input.onDate);
      const scope = { unitCode: input.competentUnitCode, provinceCode: unit?.provinceCode ?? null };
      const config = await configs.findEffectiveConfig(input.procedureCode, scope);
      const r = version.record;
      const own = config?.unitCode === input.competentUnitCode ? config : undefined;
      const enabled = isProcedureEnabled({
        levels: r.levels,
        unitCode: input.competentUnitCode,
        unitConfig: own,
        provinceConfig: own ? undefined : config,
      });
      if (!enabled) return undefined;
      const channel = r.channels.find((c) => c.kind === input.channel);
      const process = await configs.getInternalProcess(input.procedureCode, scope);
      const overrides = await conditions.findConditions(input.procedureCode, scope);
      // The channel's limit, else the procedure's; without one, the total of the unit's own internal process
      // (the built-in default splits nothing); else none, and the receiving official must enter one.
      const duration: DossierDuration = hasTimeLimit(channel?.duration)
        ? channel.duration
        : hasTimeLimit(r.timeLimit)
          ? r.timeLimit
          : process.source === 'unit'
            ? processLimit(process.steps.map((s) => s.duration))
            : { value: 0, unit: 'none' };
      const steps: DossierStep[] = process.steps.map((s) => ({
        order: s.order,
        name: s.name,
        role: s.responsible.role,
        departmentKind: s.responsible.departmentKind ?? null,
        duration: s.duration,
      }));
      const catalogFee = (channel?.fees ?? [])
        .filter((f) => f.kind === 'amount' && f.currency !== 'USD')
        .reduce((t, f) => t + (f.amount ?? 0), 0);
      return {
        versionId: version.id,
        code: r.code,
        name: r.name,
        fieldCode: null,
        fieldName: r.field,
        // The channel's checklist: shown-only documents and those of other channels only are left out; the
        // condition is the one an administrator set for the unit or its province, else the catalog's parsed one.
        components: r.components
          .filter((c) => !c.presentOnly)
          .map((c) => ({ c, condition: effectiveCondition(c, overrides.get(c.key)?.condition) }))
          .filter(({ condition }) => conditionAppliesTo(condition, input.channel))
          .map(({ c, condition }) => ({
            key: c.key,
            name: c.name,
            group: c.group,
            copies: Math.max(1, c.copies + c.originals),
            required: condition.kind !== 'if_applicable',
            condition,
          })),
        duration,
        steps,
        feeTotal: config?.localFeeVnd ?? catalogFee,
        hasFinancialObligation: /đất đai/i.test(r.field),
      };
    }
  }
}

/** Names of many units at a date in one query (admin_units; codes without a row are left out). */
export async function findUnitNames(db: Kysely<DB>, codes: string[], onDate: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (codes.length === 0) return out;
  const r = await sql<{ code: string; fullName: string }>`
    select distinct on (code) code, full_name from admin_units
    where code in (${sql.join(codes)}) and ${inForceOn(onDate)}
    order by code, valid_from desc nulls last`.execute(db);
  for (const row of r.rows) out.set(row.code, row.fullName);
  return out;
}

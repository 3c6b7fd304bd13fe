import type { InternalProcess, InternalProcessStep, ProcedureDuration, UnitProcedureConfig } from '@mot-cua/contracts';
import { AppError, defaultInternalProcess, type UnitScope } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAdminUnitsRepository } from './admin-units.repository.js';

/** Official codes: a province has 2 digits, a commune 5. Letters are allowed for local and test units. */
export const UNIT_CODE_PATTERN = /^[0-9A-Z]{2,10}$/;

export type { UnitScope } from '@mot-cua/core';

/**
 * Locate a unit in the admin-unit register: its province is that of the unit in force on the date (following a
 * code alias, as every unit lookup does), else of its latest version. A 2-digit code is a province. An unknown
 * commune gets provinceCode null, so only grants on the commune itself (or national ones) cover it: never broader
 * access than the register supports.
 */
export async function locateUnit(db: Kysely<DB>, unitCode: string, onDate?: string): Promise<UnitScope> {
  if (!UNIT_CODE_PATTERN.test(unitCode)) throw new AppError('UNIT_CODE_INVALID', { details: { unitCode } });
  if (unitCode.length === 2) return { unitCode, provinceCode: unitCode };
  const inForce = onDate ? await createAdminUnitsRepository(db).findUnit(unitCode, onDate) : undefined;
  if (inForce) return { unitCode, provinceCode: inForce.provinceCode };
  const latest = await db
    .selectFrom('adminUnits')
    .select('provinceCode')
    .where('code', '=', unitCode)
    .orderBy(sql`valid_from DESC NULLS LAST`)
    .limit(1)
    .executeTakeFirst();
  return { unitCode, provinceCode: latest?.provinceCode ?? null };
}

const configColumns = ['unitCode', 'procedureCode', 'enabled', 'localFeeVnd', 'localFeeNote', 'updatedAt'] as const;
type ConfigRow = {
  unitCode: string;
  procedureCode: string;
  enabled: boolean;
  localFeeVnd: number | null;
  localFeeNote: string | null;
  updatedAt: Date;
};
const toConfig = (r: ConfigRow): UnitProcedureConfig => ({
  unitCode: r.unitCode,
  procedureCode: r.procedureCode,
  enabled: r.enabled,
  localFeeVnd: r.localFeeVnd === null ? null : Number(r.localFeeVnd),
  localFeeNote: r.localFeeNote,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** Per-unit configuration: enabled procedures, local fees and internal processes. */
export function createProcedureConfigRepository(db: Kysely<DB>) {
  return {
    /** Rows set on this very unit (not inherited). */
    async listUnitConfigs(unitCode: string): Promise<UnitProcedureConfig[]> {
      const rows = await db
        .selectFrom('procedureUnitConfigs')
        .select(configColumns)
        .where('unitCode', '=', unitCode)
        .orderBy('procedureCode')
        .execute();
      return rows.map(toConfig);
    },

    /** The configuration that applies in a unit: its own row, else its province's row. */
    async findEffectiveConfig(procedureCode: string, scope: UnitScope): Promise<UnitProcedureConfig | undefined> {
      const units = [
        scope.unitCode,
        ...(scope.provinceCode && scope.provinceCode !== scope.unitCode ? [scope.provinceCode] : []),
      ];
      const rows = await db
        .selectFrom('procedureUnitConfigs')
        .select(configColumns)
        .where('procedureCode', '=', procedureCode)
        .where('unitCode', 'in', units)
        .execute();
      const own = rows.find((r) => r.unitCode === scope.unitCode) ?? rows[0];
      return own ? toConfig(own) : undefined;
    },

    async putUnitConfig(c: {
      unitCode: string;
      procedureCode: string;
      enabled: boolean;
      localFeeVnd: number | null;
      localFeeNote: string | null;
      updatedBy: string | null;
    }): Promise<UnitProcedureConfig> {
      const row = await db
        .insertInto('procedureUnitConfigs')
        .values(c)
        .onConflict((oc) =>
          oc.columns(['unitCode', 'procedureCode']).doUpdateSet({
            enabled: c.enabled,
            localFeeVnd: c.localFeeVnd,
            localFeeNote: c.localFeeNote,
            updatedBy: c.updatedBy,
            updatedAt: sql`now()`,
          }),
        )
        .returning(configColumns)
        .executeTakeFirstOrThrow();
      return toConfig(row);
    },

    /** Enable or disable many procedures at once, keeping any local fee already set. Returns rows written. */
    async setEnabled(
      unitCode: string,
      procedureCodes: ReadonlyArray<string>,
      enabled: boolean,
      updatedBy: string | null,
    ): Promise<number> {
      let n = 0;
      for (let i = 0; i < procedureCodes.length; i += 500) {
        const part = procedureCodes.slice(i, i + 500);
        const res = await db
          .insertInto('procedureUnitConfigs')
          .values(part.map((procedureCode) => ({ unitCode, procedureCode, enabled, updatedBy })))
          .onConflict((oc) =>
            oc.columns(['unitCode', 'procedureCode']).doUpdateSet({ enabled, updatedBy, updatedAt: sql`now()` }),
          )
          .executeTakeFirst();
        n += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
      return n;
    },

    async putInternalProcess(p: {
      unitCode: string;
      procedureCode: string;
      steps: InternalProcessStep[];
      /** Defaults to the procedure's current legal limit. */
      legalLimit?: ProcedureDuration | null;
      updatedBy: string | null;
    }): Promise<void> {
      const steps = JSON.stringify(p.steps);
      const limit =
        p.legalLimit !== undefined
          ? p.legalLimit
          : ((
              await db
                .selectFrom('procedures')
                .select('timeLimit')
                .where('code', '=', p.procedureCode)
                .executeTakeFirst()
            )?.timeLimit ?? null);
      const legalLimit = limit ? JSON.stringify(limit) : null;
      await db
        .insertInto('procedureInternalProcesses')
        .values({ unitCode: p.unitCode, procedureCode: p.procedureCode, steps, legalLimit, updatedBy: p.updatedBy })
        .onConflict((oc) =>
          oc
            .columns(['unitCode', 'procedureCode'])
            .doUpdateSet({ steps, legalLimit, updatedBy: p.updatedBy, updatedAt: sql`now()` }),
        )
        .execute();
    },

    async deleteInternalProcess(unitCode: string, procedureCode: string): Promise<boolean> {
      const r = await db
        .deleteFrom('procedureInternalProcesses')
        .where('unitCode', '=', unitCode)
        .where('procedureCode', '=', procedureCode)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /**
     * The internal process that applies to a procedure in a unit: the unit's own, else its province's,
     * else the built-in split of the current legal limit. Throws PROCEDURE_NOT_FOUND.
     */
    async getInternalProcess(procedureCode: string, scope: UnitScope): Promise<InternalProcess> {
      const head = await db
        .selectFrom('procedures')
        .select(['code', 'agency', 'timeLimit'])
        .where('code', '=', procedureCode)
        .executeTakeFirst();
      if (!head) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code: procedureCode } });
      const units = [
        scope.unitCode,
        ...(scope.provinceCode && scope.provinceCode !== scope.unitCode ? [scope.provinceCode] : []),
      ];
      const rows = await db
        .selectFrom('procedureInternalProcesses')
        .select(['unitCode', 'steps'])
        .where('procedureCode', '=', procedureCode)
        .where('unitCode', 'in', units)
        .execute();
      const row = rows.find((r) => r.unitCode === scope.unitCode) ?? rows[0];
      const legalLimit = head.timeLimit;
      if (row) return { procedureCode, unitCode: scope.unitCode, source: 'unit', legalLimit, steps: row.steps };
      return {
        procedureCode,
        unitCode: scope.unitCode,
        source: 'default',
        legalLimit,
        steps: defaultInternalProcess(legalLimit, head.agency),
      };
    },
  };
}
export type ProcedureConfigRepo = ReturnType<typeof createProcedureConfigRepository>;

/**
 * The agreed cross-feature entry point: the internal process of a procedure in a unit (falls back to the
 * province's, then to a default split of the legal limit).
 */
export async function getInternalProcess(
  db: Kysely<DB>,
  procedureCode: string,
  unitCode: string,
): Promise<InternalProcess> {
  const scope = await locateUnit(db, unitCode);
  return createProcedureConfigRepository(db).getInternalProcess(procedureCode, scope);
}

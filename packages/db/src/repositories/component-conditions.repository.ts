import type { ComponentCondition, ProcedureComponent } from '@mot-cua/contracts';
import type { ComponentConditionPorts, ConditionOverride, UnitScope } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createProceduresRepository } from './procedures.repository.js';

/** Conditions of procedure components set by administrators (0120): per unit, a unit's row over its province's. */
export function createComponentConditionsRepository(db: Kysely<DB>) {
  return {
    /** The overrides that apply in a unit: its own rows, else its province's, per component. */
    async findConditions(procedureCode: string, scope: UnitScope): Promise<Map<string, ConditionOverride>> {
      const units = [
        scope.unitCode,
        ...(scope.provinceCode && scope.provinceCode !== scope.unitCode ? [scope.provinceCode] : []),
      ];
      const rows = await db
        .selectFrom('procedureComponentConditions')
        .select(['unitCode', 'componentKey', 'condition'])
        .where('procedureCode', '=', procedureCode)
        .where('unitCode', 'in', units)
        .execute();
      const out = new Map<string, ConditionOverride>();
      // the province's first, so the unit's own row replaces it
      for (const r of rows.sort(
        (a, b) => Number(a.unitCode === scope.unitCode) - Number(b.unitCode === scope.unitCode),
      ))
        out.set(r.componentKey, { condition: r.condition, unitCode: r.unitCode });
      return out;
    },

    async findOwnConditions(unitCode: string, procedureCode: string): Promise<Map<string, ComponentCondition>> {
      const rows = await db
        .selectFrom('procedureComponentConditions')
        .select(['componentKey', 'condition'])
        .where('procedureCode', '=', procedureCode)
        .where('unitCode', '=', unitCode)
        .execute();
      return new Map(rows.map((r) => [r.componentKey, r.condition]));
    },

    async putConditions(p: {
      unitCode: string;
      procedureCode: string;
      set: Array<{ key: string; condition: ComponentCondition }>;
      clear: string[];
      updatedBy: string | null;
    }): Promise<void> {
      if (p.clear.length) {
        await db
          .deleteFrom('procedureComponentConditions')
          .where('unitCode', '=', p.unitCode)
          .where('procedureCode', '=', p.procedureCode)
          .where('componentKey', 'in', p.clear)
          .execute();
      }
      if (p.set.length) {
        await db
          .insertInto('procedureComponentConditions')
          .values(
            p.set.map((s) => ({
              unitCode: p.unitCode,
              procedureCode: p.procedureCode,
              componentKey: s.key,
              condition: JSON.stringify(s.condition),
              updatedBy: p.updatedBy,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['unitCode', 'procedureCode', 'componentKey']).doUpdateSet((eb) => ({
              condition: eb.ref('excluded.condition'),
              updatedBy: p.updatedBy,
              updatedAt: sql`now()`,
            })),
          )
          .execute();
      }
    },
  };
}

/** Ports of setComponentConditions over one transaction. */
export function createComponentConditionPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
): ComponentConditionPorts {
  const repo = createComponentConditionsRepository(trx);
  const procedures = createProceduresRepository(trx);
  return {
    findProcedureHead: procedures.findProcedureHead,
    async findCurrentComponents(code): Promise<ProcedureComponent[]> {
      return (await procedures.findCurrentVersion(code))?.record.components ?? [];
    },
    findOwnConditions: repo.findOwnConditions,
    putConditions: repo.putConditions,
    audit: createAuditPort(trx, requestId),
  };
}

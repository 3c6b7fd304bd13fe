import type { ProcedureLevel } from '@mot-cua/contracts';

/** The level a unit acts at: a 2-character code is a province, anything longer a commune (xã, phường, đặc khu). */
export const unitLevelOf = (unitCode: string): 'province' | 'commune' =>
  unitCode.length === 2 ? 'province' : 'commune';

/**
 * Whether a unit receives a procedure. The unit's own configuration wins, then its province's; with neither,
 * the national catalog decides: a procedure is received where its level is the unit's level (every commune
 * receives the commune-level procedures until the province or the commune turns one off).
 * `listProcedures` in the db package applies the same rule in SQL.
 */
export function isProcedureEnabled(input: {
  levels: readonly ProcedureLevel[];
  unitCode: string;
  unitConfig?: { enabled: boolean } | undefined;
  provinceConfig?: { enabled: boolean } | undefined;
}): boolean {
  if (input.unitConfig) return input.unitConfig.enabled;
  if (input.provinceConfig) return input.provinceConfig.enabled;
  return input.levels.includes(unitLevelOf(input.unitCode));
}

import { type CalendarScope, NATIONAL_CALENDAR_SCOPE } from '@mot-cua/core';
import { type Database, loadWorkingCalendar, locateUnit } from '@mot-cua/db';

/** A commune (its province from the admin-unit register when not given), a province, or the nation. */
export async function resolveScope(
  database: Database,
  q: { unitCode?: string | undefined; provinceCode?: string | undefined },
  onDate: string,
): Promise<CalendarScope> {
  const unit = q.unitCode && q.unitCode !== q.provinceCode ? q.unitCode : undefined;
  if (unit && unit.length > 2) {
    const provinceCode = q.provinceCode ?? (await locateUnit(database.db, unit, onDate)).provinceCode ?? undefined;
    return {
      scopeCode: unit,
      unitCode: unit,
      ...(provinceCode ? { provinceCode } : {}),
      resource: { kind: 'unit', unitCode: unit, provinceCode: provinceCode ?? unit },
    };
  }
  const province = unit ?? q.provinceCode;
  if (province) {
    return {
      scopeCode: province,
      provinceCode: province,
      resource: { kind: 'unit', unitCode: province, provinceCode: province },
    };
  }
  return { scopeCode: NATIONAL_CALENDAR_SCOPE, resource: { kind: 'global' } };
}

export const loadScopeCalendar = (database: Database, s: CalendarScope, fromYear: number, toYear: number) =>
  loadWorkingCalendar(database.db, { unitCode: s.unitCode, provinceCode: s.provinceCode, fromYear, toYear });

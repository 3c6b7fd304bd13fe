import { NATIONAL_SCOPE } from '@mot-cua/contracts';
import { type Actor, AppError, authorize, jurisdictionFor } from '@mot-cua/core';
import { createAdminUnitsRepository, findUnitNames } from '@mot-cua/db';

type Db = Parameters<typeof createAdminUnitsRepository>[0];

export type SupervisionScope = {
  code: string;
  name: string;
  level: 'nation' | 'province' | 'unit';
  provinceCode: string;
};

/**
 * The area a supervision read covers, authorized: a unit or a province the caller supervises (action
 * dossier.stats), or by default the caller's own area (the nation for a national supervisor, their one province
 * or unit otherwise). A province supervisor asking for another province, or a unit outside it, is 403.
 */
export async function supervisionScope(
  db: Db,
  actor: Actor,
  q: { provinceCode?: string | undefined; unitCode?: string | undefined },
  today: string,
): Promise<SupervisionScope> {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
  let code: string;
  let provinceCode: string;
  let level: SupervisionScope['level'];
  if (q.unitCode) {
    const unit = await createAdminUnitsRepository(db).findUnit(q.unitCode, today);
    if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    if (q.provinceCode && q.provinceCode !== unit.provinceCode) {
      throw new AppError('VALIDATION_FAILED', { details: { unitCode: 'not in provinceCode' } });
    }
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
    code = unit.code;
    provinceCode = unit.provinceCode;
    level = 'unit';
  } else if (q.provinceCode) {
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: q.provinceCode, provinceCode: q.provinceCode });
    code = q.provinceCode;
    provinceCode = q.provinceCode;
    level = 'province';
  } else if (mine.includes(NATIONAL_SCOPE)) {
    return { code: NATIONAL_SCOPE, name: 'Toàn quốc', level: 'nation', provinceCode: NATIONAL_SCOPE };
  } else if (mine.length === 1 && mine[0]) {
    const own = await createAdminUnitsRepository(db).findUnit(mine[0], today);
    if (!own) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    return supervisionScope(
      db,
      actor,
      own.level === 'province' ? { provinceCode: own.code } : { unitCode: own.code },
      today,
    );
  } else {
    throw new AppError('VALIDATION_FAILED', {
      details: { provinceCode: 'required: the caller supervises several areas' },
    });
  }
  const names = await findUnitNames(db, [code], today);
  return { code, name: names.get(code) ?? code, level, provinceCode };
}

/** The provinces a caller supervises as a whole (every province for a national supervisor). */
export async function supervisedProvinces(db: Db, actor: Actor, today: string): Promise<string[] | 'all'> {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.includes(NATIONAL_SCOPE)) return 'all';
  const units = createAdminUnitsRepository(db);
  const out: string[] = [];
  for (const code of mine) if ((await units.findUnit(code, today))?.level === 'province') out.push(code);
  return out;
}

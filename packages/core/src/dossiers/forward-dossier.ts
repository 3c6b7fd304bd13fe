import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Route the dossier to another competent unit of the same province (commune ↔ province). */
export async function forwardDossier(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; toUnitCode: string; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (_state, dossier) => {
      const unit = await deps.units.findUnit(input.toUnitCode, vnDate(deps.clock.now()));
      if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
      if (unit.provinceCode !== dossier.provinceCode) throw new AppError('UNIT_NOT_IN_PROVINCE');
      return { type: 'forwarded', toUnitCode: unit.code, toUnitName: unit.name };
    },
  });
}

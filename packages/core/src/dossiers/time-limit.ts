import { AppError } from '../errors.js';
import type { DossierDuration } from './dossier-actions.js';

/** Longest time limit an official may set by hand (a year of working days, or the same in hours/days). */
const MAX_SUPPLIED = { working_days: 260, working_hours: 260 * 8, calendar_days: 366 } as const;

/** A time limit the receiving official supplies for a procedure that has none. */
export type SuppliedTimeLimit = { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' };

export const hasTimeLimit = (d: DossierDuration | null | undefined): d is DossierDuration => !!d && d.unit !== 'none';

function validSupplied(t: SuppliedTimeLimit): SuppliedTimeLimit {
  const max = MAX_SUPPLIED[t.unit as keyof typeof MAX_SUPPLIED];
  if (max === undefined || !Number.isFinite(t.value) || t.value <= 0 || t.value > max) {
    throw new AppError('VALIDATION_FAILED', {
      details: { timeLimit: `a positive number of working_days, working_hours or calendar_days (at most ${max ?? 0})` },
    });
  }
  return { value: t.value, unit: t.unit };
}

/**
 * The time limit a dossier runs with. The procedure's own (the catalog's for the channel, else the unit's
 * internal process) always wins, and the official may not replace it (DOSSIER_TIME_LIMIT_FIXED). When it
 * has none, the one the official supplies now, else one recorded earlier on the dossier. When the clock
 * starts (`required`) and there is still none: DOSSIER_TIME_LIMIT_REQUIRED.
 */
export function resolveTimeLimit(input: {
  procedure: DossierDuration;
  supplied?: SuppliedTimeLimit | null | undefined;
  recorded?: DossierDuration | null | undefined;
  required: boolean;
}): DossierDuration {
  if (hasTimeLimit(input.procedure)) {
    if (input.supplied) throw new AppError('DOSSIER_TIME_LIMIT_FIXED', { details: { timeLimit: input.procedure } });
    return input.procedure;
  }
  if (input.supplied) return validSupplied(input.supplied);
  if (hasTimeLimit(input.recorded)) return input.recorded;
  if (input.required) throw new AppError('DOSSIER_TIME_LIMIT_REQUIRED');
  return { value: 0, unit: 'none' };
}

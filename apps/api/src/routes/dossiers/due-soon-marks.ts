import type { DeadlinePort } from '@mot-cua/core';

/**
 * The due-soon mark (core `dueSoonBefore`: one working day ahead on the unit's calendar) of each handling unit, so
 * SQL classifies open dossiers as the dossier's own badge does. Calendars come from the process's caches.
 */
export async function dueSoonMarks(
  deadlines: Pick<DeadlinePort, 'dueSoonBefore'>,
  units: ReadonlyArray<{ unitCode: string; provinceCode: string }>,
  now: Date,
): Promise<Map<string, Date>> {
  const marks = new Map<string, Date>();
  for (const u of units) {
    if (!marks.has(u.unitCode)) marks.set(u.unitCode, await deadlines.dueSoonBefore({ ...u, now }));
  }
  return marks;
}

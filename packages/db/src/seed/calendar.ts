import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkYearSchedule, NATIONAL_CALENDAR_SCOPE, type YearSchedule } from '@mot-cua/core';
import type { Database } from '../database.js';
import { createCalendarRepository } from '../repositories/calendar.repository.js';
import type { SeedLog } from './types.js';

/** Announced national schedules shipped with the product (one JSON file per year). */
export const SCHEDULES_DIR = fileURLToPath(new URL('../../../../data/calendar/schedules', import.meta.url));

type ScheduleFile = YearSchedule & { scope?: string };

export function readScheduleFiles(dir = SCHEDULES_DIR): ScheduleFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScheduleFile);
}

/**
 * Real master data of the calendar feature, loaded on every start (idempotent): each shipped national
 * schedule whose year has none in the database yet. A schedule edited by an administrator is never
 * overwritten.
 */
export async function loadCalendarMasterData(database: Database, log: SeedLog, dir = SCHEDULES_DIR): Promise<void> {
  const files = readScheduleFiles(dir);
  const loaded: number[] = [];
  await database.db.transaction().execute(async (trx) => {
    const repo = createCalendarRepository(trx);
    for (const f of files) {
      const problems = checkYearSchedule(f, 'national');
      if (problems.length > 0) {
        log(`calendar: schedule ${f.year} skipped: ${problems.map((p) => p.message).join('; ')}`);
        continue;
      }
      const ok = await repo.saveSchedule(
        {
          scopeCode: NATIONAL_CALENDAR_SCOPE,
          year: f.year,
          source: f.source ?? null,
          entries: f.entries,
          updatedBy: null,
          updatedAt: new Date(),
        },
        0,
      );
      if (ok) loaded.push(f.year);
    }
  });
  if (loaded.length > 0) log(`calendar: announced schedules loaded for ${loaded.join(', ')}`);
}

/** Demo data of the calendar feature for a first start (none: the national calendar is real data). */
export async function seedCalendarDemo(_database: Database, _log: SeedLog): Promise<void> {}

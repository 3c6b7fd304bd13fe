import { vnDate } from '@mot-cua/contracts';
import { createAdminUnitsRepository, type Database } from '@mot-cua/db';
import { Open311Error } from './open311-format.js';

/**
 * `jurisdiction_id`: a province or a commune/ward code in force today (old codes followed). Unknown → the
 * specification's 404; absent → the whole installation.
 */
export async function open311Jurisdiction(database: Database, id: string | undefined, now: Date) {
  if (id === undefined || id === '') return undefined;
  const unit = /^[0-9A-Za-z]{2,10}$/.test(id)
    ? await createAdminUnitsRepository(database.db).findUnit(id, vnDate(now))
    : undefined;
  if (!unit) throw new Open311Error(404, `jurisdiction_id "${id}" not found`);
  return unit;
}

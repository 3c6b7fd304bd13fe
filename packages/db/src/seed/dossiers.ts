import { vnDate } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { createDossierUnitsPort } from '../repositories/dossier-ports.repository.js';
import { createUsersRepository } from '../repositories/users.repository.js';
import type { DB } from '../schema/index.js';
import { BEN_THANH, type DemoOfficialIds, demoDossierKit, HOAN_KIEM } from './demo-dossier-kit.js';
import { seedBenThanhDossiers } from './demo-dossiers-ben-thanh.js';
import { seedHoanKiemDossiers } from './demo-dossiers-hoan-kiem.js';
import { DEMO_LOOKUP } from './demo-lookup.js';
import type { SeedLog } from './types.js';

/** Real master data of the dossiers feature, loaded on every start when missing (idempotent). */
export async function loadDossiersMasterData(_database: Database, _log: SeedLog): Promise<void> {}

export { DEMO_LOOKUP } from './demo-lookup.js';

/**
 * Demo data of the dossiers feature for a first start: dossiers in every state at Phường Bến Thành
 * (and two at Phường Hoàn Kiếm), made through the real use cases with a clock set in the past, so
 * their logs, due dates, process control sheets and outbox rows are exactly what the product makes.
 * Skipped when the demo units already hold dossiers or the admin units are not loaded.
 */
/** Demo dossiers of Bến Thành and Hoàn Kiếm; `systemCode` is the config's SYSTEM_CODE (the AA of the codes). */
export async function seedDossiersDemo(database: Database, log: SeedLog, systemCode = '01'): Promise<void> {
  const db = database.db;
  const now = new Date();
  const today = vnDate(now);
  const any = await db
    .selectFrom('dossiers')
    .select('id')
    .where('receivingUnitCode', 'in', [BEN_THANH, HOAN_KIEM])
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  if (!(await createDossierUnitsPort(db).findUnit(BEN_THANH, today))) return;
  const users = createUsersRepository(db);
  const idOf = async (username: string) => (await users.findUserByUsername(username))?.id ?? null;
  const ids = {
    lan: await idOf('tiepnhan.benthanh'),
    hung: await idOf('chuyenvien.benthanh'),
    mai: await idOf('truongphong.benthanh'),
    minh: await idOf('lanhdao.benthanh'),
    huy: await idOf('tiepnhan.hoankiem'),
  };
  const started = performance.now();
  const made = await db.transaction().execute((trx) => seedIn(trx, now, ids, systemCode));
  log(
    `dossiers: ${made.count} demo dossiers; public lookup demo: ${made.lookupCode} + ${DEMO_LOOKUP.phone} (${Math.round(performance.now() - started)} ms)`,
  );
}

async function seedIn(
  trx: Kysely<DB>,
  now: Date,
  ids: DemoOfficialIds,
  systemCode: string,
): Promise<{ count: number; lookupCode: string }> {
  const kit = await demoDossierKit(trx, now, ids, systemCode);
  const lookupCode = await seedBenThanhDossiers(kit);
  await seedHoanKiemDossiers(kit);
  return { count: kit.count(), lookupCode };
}

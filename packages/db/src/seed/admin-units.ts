import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildMasterDataset,
  defaultOrganisation,
  type RawAdminUnitsFile,
  type RawChangesFile,
  REFORM_DATE,
} from '@mot-cua/core';
import type { Database } from '../database.js';
import { createAdminUnitsRepository } from '../repositories/admin-units.repository.js';
import { createOfficialsRepository } from '../repositories/officials.repository.js';
import { createOrganisationRepository } from '../repositories/organisation.repository.js';
import { createUsersRepository } from '../repositories/users.repository.js';
import { demoOfficials } from './demo-officials.js';
import type { SeedLog } from './types.js';

export const ADMIN_UNITS_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../data/admin-units');
const UNITS_FILE = 'vn-admin-units-2025-07-01.json';
const CHANGES_FILE = 'changes-after-2025-07-01.json';
/** Bump when buildMasterDataset changes what it makes of the same files. */
const BUILDER_VERSION = '1';

export function readShippedAdminUnits(dir = ADMIN_UNITS_DATA_DIR) {
  const unitsText = readFileSync(join(dir, UNITS_FILE), 'utf8');
  const changesText = readFileSync(join(dir, CHANGES_FILE), 'utf8');
  const dataVersion = createHash('sha256')
    .update(BUILDER_VERSION)
    .update(unitsText)
    .update(changesText)
    .digest('hex')
    .slice(0, 16);
  return {
    dataVersion,
    raw: JSON.parse(unitsText) as RawAdminUnitsFile,
    changes: JSON.parse(changesText) as RawChangesFile,
  };
}

/**
 * Load the shipped units (about 14,000 versions, 3,400 events, 10,700 links) when this data version is not
 * loaded yet: batched multi-row inserts in one transaction. Idempotent: a loaded version is skipped at once, and a
 * new data version inserts only the versions and events that are missing (admin-applied changes are kept).
 */
export async function loadAdminUnitsMasterData(database: Database, log: SeedLog): Promise<void> {
  const { dataVersion, raw, changes } = readShippedAdminUnits();
  const repo = createAdminUnitsRepository(database.db);
  if ((await repo.loadedDataVersion()) === dataVersion) return;
  const started = Date.now();
  const dataset = buildMasterDataset(raw, changes);
  const counts = await database.db.transaction().execute(async (trx) => {
    const r = createAdminUnitsRepository(trx);
    const haveVersions = await r.existingVersionKeys();
    const haveEvents = await r.existingEventKeys();
    const versions = dataset.versions.filter((v) => !haveVersions.has(`${v.code}|${v.validFrom ?? ''}`));
    const events = dataset.events.filter((e) => !haveEvents.has(e.key));
    await r.insertVersions(versions);
    await r.insertEvents(events, { source: 'master_data' });
    const haveAliases = new Set(
      (await trx.selectFrom('adminUnitAliases').select('alias').execute()).map((a) => a.alias),
    );
    await r.insertAliases(dataset.aliases.filter((a) => !haveAliases.has(a.alias)));
    const c = { versions: versions.length, events: events.length };
    await r.recordDataLoad(dataVersion, c);
    return c;
  });
  log(
    `admin units: data ${dataVersion} loaded (${counts.versions} versions, ${counts.events} events) in ${Date.now() - started} ms`,
  );
}

/** Demo wards with a full default organisation: Bến Thành (HCM) and Hoàn Kiếm (Hà Nội), and their provinces. */
export const DEMO_ORGANISATION_UNITS = ['26743', '00070', '79', '01'];

/**
 * Default organisation (departments per Decree 150/2025, a service center and three counters) for the demo
 * units, and a permanent assignment for each demo official holding the grants they were created with (so the
 * organisation page lists them and moving one keeps their grants in step). Every other unit gets its default structure lazily, the first time an administrator opens it, or all
 * at once with `npx tsx scripts/admin-units-seed-organisation.ts` (measured in docs/notes/issue-3.md).
 */
export async function seedAdminUnitsDemo(database: Database, log: SeedLog): Promise<void> {
  const onDate = REFORM_DATE;
  let n = 0;
  await database.db.transaction().execute(async (trx) => {
    const units = createAdminUnitsRepository(trx);
    const org = createOrganisationRepository(trx);
    for (const code of DEMO_ORGANISATION_UNITS) {
      const unit = await units.findUnit(code, onDate);
      if (!unit) continue;
      if (await org.ensureDefaultOrganisation(unit, defaultOrganisation(unit), onDate)) n++;
    }
  });
  if (n) log(`demo: default organisation of ${n} units created`);
  const placed = await placeDemoCenters(database);
  if (placed) log(`demo: address and position of ${placed} service centers set (demonstration data)`);
  let adopted = 0;
  await database.db.transaction().execute(async (trx) => {
    const users = createUsersRepository(trx);
    const officials = createOfficialsRepository(trx);
    for (const o of demoOfficials) {
      const user = await users.findUserByUsername(o.username);
      if (user) adopted += await officials.adoptUnassignedGrants(user.id);
    }
  });
  if (adopted) log(`demo: ${adopted} assignments of demo officials created`);
}

/**
 * Where the demo units' main service centers are, so "where to go" shows an address and a map on a fresh install.
 * **Demonstration data**: we have no published address of these centers, so the address names the People's
 * Committee's seat (where a commune's one-stop center sits) without a street, and the position of a ward is its
 * centroid (`data/geo/ward-centroids-2025.csv`, MIT, tranngocminhhieu/vietnamadminunits). The demo provinces' centers
 * stay without an address ("chưa cập nhật"): the centroid of a merged province says nothing about where its center
 * is, and we know no published address. `demo_data` is set, so the page says the place is approximate. Only a center without an address is touched: an administrator's address stays.
 */
export const DEMO_CENTER_PLACES: ReadonlyArray<{
  unitCode: string;
  address: string;
  position: { latitude: number; longitude: number };
}> = [
  {
    unitCode: '26743',
    address: 'Trụ sở Ủy ban nhân dân Phường Bến Thành, Thành phố Hồ Chí Minh',
    position: { latitude: 10.7713, longitude: 106.694 },
  },
  {
    unitCode: '00070',
    address: 'Trụ sở Ủy ban nhân dân Phường Hoàn Kiếm, Thành phố Hà Nội',
    position: { latitude: 21.032, longitude: 105.85 },
  },
];

export async function placeDemoCenters(
  database: Pick<Database, 'db'>,
  places: typeof DEMO_CENTER_PLACES = DEMO_CENTER_PLACES,
): Promise<number> {
  let placed = 0;
  for (const p of places) {
    const r = await database.db
      .updateTable('serviceCenters')
      .set({
        address: p.address,
        latitude: p.position.latitude,
        longitude: p.position.longitude,
        demoData: true,
      })
      .where('unitCode', '=', p.unitCode)
      .where('isMain', '=', true)
      .where('validTo', 'is', null)
      .where('address', 'is', null)
      .executeTakeFirst();
    placed += Number(r.numUpdatedRows);
  }
  return placed;
}

/**
 * Create the default organisation (Decree 150/2025 departments, a public administrative service center and three
 * counters, by unit type) of every province and commune in force on a date that has none yet:
 *
 *   npx tsx scripts/admin-units-seed-organisation.ts [--on-date 2025-07-01] [--province 01]
 *
 * Uses DATABASE_URL (PostgreSQL) or the embedded database folder, like `npm start`. Idempotent: units that already
 * have departments and a center are skipped, so it can run again after a change event created new units. Without
 * it, a unit gets its default structure the first time an administrator opens its organisation page.
 */
import { pathToFileURL } from 'node:url';
import { databaseOptions, loadConfig } from '@mot-cua/config';
import { AdminUnitIndex, defaultOrganisation, REFORM_DATE, type UnitVersion } from '@mot-cua/core';
import {
  createAdminUnitsRepository,
  createOrganisationRepository,
  type Database,
  loadAdminUnitsMasterData,
  migrate,
  openDatabase,
  withStartupLock,
} from '@mot-cua/db';
import { SingleBar } from 'cli-progress';

export async function seedAllOrganisations(
  database: Database,
  opts: { onDate: string; provinceCode?: string; onProgress?: (done: number, total: number) => void },
): Promise<{ units: number; created: number }> {
  const units = createAdminUnitsRepository(database.db);
  const provinces = opts.provinceCode
    ? [await units.getUnit(opts.provinceCode, opts.onDate)]
    : new AdminUnitIndex(await units.loadDataset()).listProvinces(opts.onDate);
  const all: UnitVersion[] = [];
  for (const p of provinces) {
    all.push(p, ...(await units.listChildren(p.code, opts.onDate)));
  }
  let created = 0;
  const BATCH = 50;
  for (let i = 0; i < all.length; i += BATCH) {
    await database.db.transaction().execute(async (trx) => {
      const org = createOrganisationRepository(trx);
      for (const u of all.slice(i, i + BATCH)) {
        if (await org.ensureDefaultOrganisation(u, defaultOrganisation(u), u.validFrom ?? opts.onDate)) created++;
      }
    });
    opts.onProgress?.(Math.min(i + BATCH, all.length), all.length);
  }
  return { units: all.length, created };
}

/**
 * The database the command works on: the product's (DATABASE_URL, else the embedded one in DATA_DIR/pglite, as
 * `npm start` opens it), with the maintenance statement limit (seeding every unit of the country is a long write).
 */
export function openSeedDatabase(env: Record<string, string | undefined>): Promise<Database> {
  return openDatabase({ ...databaseOptions(loadConfig(env), 'maintenance'), poolSize: 2 });
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const onDate = flag('--on-date') ?? REFORM_DATE;
  const provinceCode = flag('--province');
  const database = await openSeedDatabase(process.env);
  await migrate(database);
  await withStartupLock(database, () => loadAdminUnitsMasterData(database, (m) => console.error(m)));
  const bar = new SingleBar({ format: 'Cơ cấu tổ chức |{bar}| {value}/{total} đơn vị', stream: process.stderr });
  const started = Date.now();
  let begun = false;
  const r = await seedAllOrganisations(database, {
    onDate,
    ...(provinceCode ? { provinceCode } : {}),
    onProgress: (done, total) => {
      if (!begun) bar.start(total, 0);
      begun = true;
      bar.update(done);
    },
  });
  bar.stop();
  console.error(
    `${r.created} of ${r.units} units given a default organisation in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await database.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

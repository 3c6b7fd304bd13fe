import type { Database } from '../database.js';
import { loadAdminUnitsMasterData, seedAdminUnitsDemo } from './admin-units.js';
import { loadCalendarMasterData, seedCalendarDemo } from './calendar.js';
import { seedDemoOfficials } from './demo-officials.js';
import { loadDossiersMasterData, seedDossiersDemo } from './dossiers.js';
import { seedFeedbackDemo } from './feedback.js';
import { loadProceduresMasterData, seedProceduresDemo } from './procedures.js';
import { seedQueueDemo } from './queue.js';
import type { SeedLog } from './types.js';

export { DEMO_CENTER_PLACES, placeDemoCenters } from './admin-units.js';
export { DEMO_PASSWORD, demoOfficials } from './demo-officials.js';
export type { SeedLog } from './types.js';

/**
 * Real master data every installation needs (admin units, calendar, procedure catalog), in
 * dependency order. Idempotent: each loader loads only what is missing.
 */
export async function loadMasterData(database: Database, log: SeedLog = () => {}): Promise<void> {
  await loadAdminUnitsMasterData(database, log);
  await loadCalendarMasterData(database, log);
  await loadProceduresMasterData(database, log);
  await loadDossiersMasterData(database, log);
}

/** Demo data for a first start: officials of two real wards, then each feature's demo records. */
export async function seedDemo(
  database: Database,
  opts: {
    hashPassword: (p: string) => Promise<string>;
    log?: SeedLog;
    /** Two-digit SYSTEM_CODE of the configuration (the AA part of demo dossier codes). */
    systemCode?: string;
    /** PUBLIC_URL of the configuration: the links in the demo's notifications are absolute, as in the product's. */
    publicUrl?: string;
  },
): Promise<void> {
  const log = opts.log ?? (() => {});
  const n = await seedDemoOfficials(database.db, opts.hashPassword);
  if (n) log(`demo: ${n} officials created (password in README)`);
  await seedAdminUnitsDemo(database, log);
  await seedCalendarDemo(database, log);
  await seedProceduresDemo(database, log);
  await seedDossiersDemo(database, log, opts.systemCode);
  await seedFeedbackDemo(database, log, opts.publicUrl);
  await seedQueueDemo(database, log);
}

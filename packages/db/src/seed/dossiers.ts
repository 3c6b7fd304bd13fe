import type { Database } from '../database.js';
import type { SeedLog } from './types.js';

/** Real master data of the dossiers feature, loaded on every start when missing (idempotent). */
export async function loadDossiersMasterData(_database: Database, _log: SeedLog): Promise<void> {}

/** Demo data of the dossiers feature for a first start. */
export async function seedDossiersDemo(_database: Database, _log: SeedLog): Promise<void> {}

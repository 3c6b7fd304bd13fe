/**
 * Start-up cost of the procedure catalog: first load into a fresh database, then the checksum-skip on the
 * next start, then a reload after one record changed (new version). Reference: reading + parsing the file.
 *
 *   npx tsx bench/procedures-load.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/procedures-load.ts
 */
import { readFileSync } from 'node:fs';
import { migrate, openDatabase } from '@mot-cua/db';
import { CATALOG_PATH, loadProceduresMasterData } from '@mot-cua/db/seed/procedures';

const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
await migrate(database);

let t0 = performance.now();
JSON.parse(readFileSync(CATALOG_PATH, 'utf8'));
console.log(`reference: read + JSON.parse of catalog.json: ${ms(t0)}`);

t0 = performance.now();
await loadProceduresMasterData(database, console.log, { asOf: '2026-01-01' });
console.log(`first load: ${ms(t0)}`);

t0 = performance.now();
await loadProceduresMasterData(database, console.log);
console.log(`next start (checksum known): ${ms(t0)}`);
await database.close();

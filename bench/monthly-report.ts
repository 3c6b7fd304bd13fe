/**
 * The monthly report of a province on a generated database (issue 15): how long reading its month (dashboard,
 * workload, 766 index) and rendering the XLSX and the PDF take, once per month as the scheduled job does it, and
 * the files' sizes. Read-only (nothing is stored).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a clone> BENCH_MONTH=2025-10 npx tsx bench/monthly-report.ts
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mot-cua/config';
import { monthDays, systemClock } from '@mot-cua/core';
import { openDatabase } from '@mot-cua/db';
import { sql } from 'kysely';
import { openFileStore } from '../apps/api/src/files/open-file-store.js';
import { monthlyReportTables, renderMonthlyReport } from '../apps/api/src/supervision/monthly-report.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL: a database generated with `npm run generate` (a clone)');
const month = process.env.BENCH_MONTH ?? '2025-10';
const runs = Number(process.env.BENCH_RUNS ?? 3);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  PORT: '0',
  DATA_DIR: mkdtempSync(join(os.tmpdir(), 'mr-')),
});
const database = await openDatabase({ databaseUrl: url, poolSize: 4, statementTimeoutMs: 0 });
const deps = { config, database, clock: systemClock, files: openFileStore(config) };
const provinceCode = (
  await sql<{ p: string }>`select province_code as p from dossiers group by 1 order by count(*) desc limit 1`.execute(
    database.db,
  )
).rows[0]!.p;
console.log(`province ${provinceCode}, month ${month}; ${runs} runs; load ${load()}`);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const tables = await monthlyReportTables(deps, provinceCode, monthDays(month), new Date());
  const t1 = performance.now();
  const files = await renderMonthlyReport(tables, new Date());
  const t2 = performance.now();
  console.log(
    `read ${(t1 - t0).toFixed(0)} ms, render ${(t2 - t1).toFixed(0)} ms; ${tables.map((t) => `${t.sheet}: ${t.rows.length}`).join(', ')}; xlsx ${files.xlsx.length} B, pdf ${files.pdf.length} B`,
  );
}
console.log(`load ${load()}`);
await database.close();

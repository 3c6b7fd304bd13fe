/**
 * The officials' inbox and a busy commune's dossier list on a generated database (issue 15, session 5): p50 / p95
 * and CPU per call (this process + the database's backends) of the dossier list's repository call as the route
 * makes it, for a specialist of the busiest commune and for the province's officials.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_15l npx tsx bench/dossier-list.ts
 *   BENCH_DATABASE_URL=… BENCH_RUNS=200 BENCH_ONLY=inbox npx tsx bench/dossier-list.ts
 *   BENCH_DATABASE_URL=… BENCH_COUNT_CAP=1000000000 npx tsx bench/dossier-list.ts   (the total uncapped: the base)
 *
 * Nothing is written. Target (issue 15): the inbox and a busy commune's list p95 < 50 ms.
 */
import os from 'node:os';
import { jurisdictionFor, waitingScopes } from '@mot-cua/core';
import { createDossiersRepository, type DossierListFilter, openDatabase } from '@mot-cua/db';
import { sql } from 'kysely';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url)
  throw new Error('BENCH_DATABASE_URL: a database generated with `npm run generate` (a clone, never the template)');
const runs = Number(process.env.BENCH_RUNS ?? 100);
const only = process.env.BENCH_ONLY;
// The pager's total stops at the cap (dossier-list.ts, 10,000); a huge cap counts every row as before.
const countCap = process.env.BENCH_COUNT_CAP ? Number(process.env.BENCH_COUNT_CAP) : undefined;

type Row = { p50: number; p95: number; cpu: number; total: number; capped: boolean };

const database = await openDatabase({ databaseUrl: url, poolSize: 2, statementTimeoutMs: 0 });
const db = database.db;
const repo = createDossiersRepository(db);
const busy = (
  await sql<{ provinceCode: string; unitCode: string }>`
    select province_code, receiving_unit_code as unit_code from dossiers
    group by 1, 2 order by count(*) desc limit 1`.execute(db)
).rows[0]!;
const specialist = (
  await sql<{ id: string }>`select u.id from users u join role_grants g on g.user_id = u.id
    where g.unit_code = ${busy.unitCode} and g.role = 'specialist' order by u.username limit 1`.execute(db)
).rows[0]!;
// The generator writes no phone numbers: the phone search then finds nothing (every row is looked at).
const sample = (
  await sql<{ code: string; applicantName: string; applicantPhone: string | null }>`
    select code, applicant_name, applicant_phone from dossiers where receiving_unit_code = ${busy.unitCode}
    order by submitted_at desc offset 500 limit 1`.execute(db)
).rows[0]!;
const grants = [{ role: 'specialist' as const, unitCode: busy.unitCode }];
const actor = { userId: specialist.id, grants } as unknown as Parameters<typeof jurisdictionFor>[0];
const scopes = jurisdictionFor(actor, 'dossier.read');
const now = new Date();
const waitingFor = { userId: specialist.id, scopes: waitingScopes(grants), intake: false };
const lastName = sample.applicantName.split(' ').slice(-2).join(' ');

const cases: Array<[string, DossierListFilter]> = [
  ['inbox: waiting for a specialist of the busy commune (route view=waiting)', { scopes, open: true, waitingFor }],
  ['busy commune: open dossiers, newest first (view=open, the default)', { scopes, open: true }],
  ['busy commune: all dossiers, newest first (view=all)', { scopes }],
  ['busy commune: all dossiers, page 21 (offset 1,000)', { scopes, offset: 1000 }],
  ['busy commune: overdue, by due date (view=overdue)', { scopes, open: true, dueBefore: now, runningClock: true }],
  ['busy commune: search by code (view=all)', { scopes, query: sample.code }],
  ['busy commune: search by name (view=all)', { scopes, query: lastName }],
  ['busy commune: search by phone (view=all)', { scopes, query: sample.applicantPhone?.slice(-6) ?? '0903' }],
  ['province: open dossiers, newest first', { scopes: [busy.provinceCode], open: true }],
  ['province: all dossiers, newest first', { scopes: [busy.provinceCode] }],
];

async function time(f: DossierListFilter): Promise<Row> {
  let total = 0;
  const call = () => repo.listDossiers({ limit: 50, ...f, ...(countCap ? { countCap } : {}) });
  let capped = false;
  for (let i = 0; i < 5; i++) ({ total, totalCapped: capped } = await call());
  const dbName = new URL(url!).pathname.slice(1);
  const backends = trackBackendCpu(dbName, 50);
  const before = selfCpuMs().self;
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await call();
    t.push(performance.now() - s);
  }
  const cpu = (selfCpuMs().self - before + backends.stop()) / runs;
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(runs * 0.5)]!, p95: t[Math.floor(runs * 0.95)]!, cpu, total, capped };
}

console.log(
  `busy commune ${busy.unitCode} (province ${busy.provinceCode}); ${runs} runs; count cap ${countCap ?? 'default'}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('| Query | p50 / p95 ms | CPU ms/call | total |\n|---|---|---|---|');
for (const [name, f] of cases) {
  if (only && !name.includes(only)) continue;
  const r = await time(f);
  console.log(
    `| ${name} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.capped ? 'more than ' : ''}${r.total.toLocaleString('en')} |`,
  );
}
console.log(
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
await database.close();

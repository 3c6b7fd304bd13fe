/**
 * Dossier receipts and five-action sequences per second through the HTTP API, at 1, 8 and 32 clients, next to
 * a reference measured in the same run on the same machine:
 *   - PostgreSQL: `pgbench -b tpcb-like` (scale 10) at the same client count;
 *   - PGlite: a plain two-statement transaction loop (insert + update) on the same embedded database.
 * Also the statements and transactions one receipt and one action cost (a counting shim on the driver).
 *
 *   npx tsx bench/dossiers-throughput.ts                       # both databases
 *   BENCH_DB=postgres BENCH_SECONDS=15 BENCH_CLIENTS=8,32 npx tsx bench/dossiers-throughput.ts
 *
 * PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432), on a throwaway database
 * (dossiers_bench_<pid>) dropped at the end. The five actions: hand-over of step 1 (reception), of step 2
 * (specialist), approval (leader, at the approval step), result with a file (specialist), return (reception).
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '@mot-cua/config';
import { systemClock } from '@mot-cua/core';
import { type Database, migrate, openDatabase } from '@mot-cua/db';
import { insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../apps/api/src/app.js';
import { countStatements, statementCounter } from './support/statement-counter.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const which = process.env.BENCH_DB ?? 'both';
const levels = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
/** Receipts go round-robin to this many units (pgbench's scale 10 has 10 branches); 1 = all at one unit. */
const unitCount = Number(process.env.BENCH_UNITS ?? 10);
const dbName = `dossiers_bench_${process.pid}`;
const withDb = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(text: string) {
  const c = new pg.Client({ connectionString: withDb('postgres') });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function pgbench(clients: number): number {
  const u = new URL(withDb(dbName));
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
  const out = execFileSync(
    'pgbench',
    [...args, '-b', 'tpcb-like', '-c', String(clients), '-j', '2', '-T', String(seconds), dbName],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  if (!m) throw new Error(`unexpected pgbench output:\n${out}`);
  return Number(m[1]);
}

/** Run `work` from `clients` loops for `seconds`; returns completions per second. */
async function loop(clients: number, work: () => Promise<number>): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) done += await work();
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

async function harness(database: Database) {
  await migrate(database);
  const { communeCodes: units } = await insertDossierTestUnits(database.db, unitCount);
  let procedureCode = '';
  for (const unitCode of units) {
    // One catalog record, each unit with its internal process (reception, specialist, leader, reception).
    const p = await loadDossierTestProcedure(database.db, { unitCode });
    if (!procedureCode) procedureCode = p.code;
    else await copyInternalProcess(database, p.code, procedureCode, unitCode);
  }
  const config = loadConfig({
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const app = await createApp({ config, database, clock: systemClock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = async (role: 'reception' | 'specialist' | 'leader') => {
    const o = await newOfficial(database, { grants: units.map((unitCode) => ({ role, unitCode })) });
    const res = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: o.username, password: o.password }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  };
  const who = {
    reception: await login('reception'),
    specialist: await login('specialist'),
    leader: await login('leader'),
  };
  const bodies = units.map((unit) =>
    JSON.stringify({
      mode: 'receive',
      channel: 'in_person',
      procedureCode,
      receivingUnitCode: unit,
      applicant: { fullName: 'Nguyễn Văn Thử', phone: '0909123456', idNumber: '079190000001' },
      components: [
        { key: 'c01', state: 'present' },
        { key: 'c02', state: 'present' },
      ],
    }),
  );
  let turn = 0;
  const post = async (
    path: string,
    headers: Record<string, string>,
    payload: string | Buffer,
    type = 'application/json',
  ) => {
    const r = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body: payload,
    });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: string };
  };
  const boundary = '----bench';
  const pdf = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\r\n--${boundary}--\r\n`,
  );
  const receipt = async () => (await post('/api/dossiers', who.reception, bodies[turn++ % bodies.length]!)).id;
  const fiveActions = async (id: string) => {
    await post(`/api/dossiers/${id}/complete-step`, who.reception, '{"fromStep":1}');
    await post(`/api/dossiers/${id}/complete-step`, who.specialist, '{"fromStep":2}');
    await post(`/api/dossiers/${id}/approve`, who.leader, '{}');
    await post(`/api/dossiers/${id}/result`, who.specialist, pdf, `multipart/form-data; boundary=${boundary}`);
    await post(`/api/dossiers/${id}/return`, who.reception, '{"method":"counter"}');
  };
  return { app, receipt, fiveActions };
}

/** Give `unitCode` the internal process it has for `from` on procedure `to` (the bench's one procedure). */
async function copyInternalProcess(database: Database, from: string, to: string, unitCode: string) {
  await sql`insert into procedure_internal_processes (unit_code, procedure_code, steps, legal_limit, updated_by)
    select unit_code, ${to}, steps, legal_limit, updated_by from procedure_internal_processes
    where unit_code = ${unitCode} and procedure_code = ${from}`.execute(database.db);
}

async function measure(database: Database, label: string, reference: (clients: number) => Promise<number>) {
  const h = await harness(database);
  // Statements per receipt and per action, one at a time after a warm-up.
  for (let i = 0; i < 5; i++) await h.fiveActions(await h.receipt());
  const perReceipt = await countStatements(20, h.receipt);
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) ids.push(await h.receipt());
  const perSequence = await countStatements(20, () => h.fiveActions(ids.pop()!));
  console.log(`\n## ${label}`);
  console.log(
    `one receipt: ${perReceipt.statements.toFixed(1)} statements (${perReceipt.inTransaction.toFixed(1)} inside its transaction), ${perReceipt.transactions.toFixed(1)} transactions; one action: ${(perSequence.statements / 5).toFixed(1)} statements, ${(perSequence.transactions / 5).toFixed(1)} transactions`,
  );
  console.log('| clients | receipts/s | 5-action sequences/s | actions/s | reference tps | receipts / reference |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const clients of levels) {
    const made: string[] = [];
    const receipts = await loop(clients, async () => {
      made.push(await h.receipt());
      return 1;
    });
    const sequences = await loop(clients, async () => {
      const id = made.pop() ?? (await h.receipt());
      await h.fiveActions(id);
      return 1;
    });
    const ref = await reference(clients);
    console.log(
      `| ${clients} | ${receipts.toFixed(0)} | ${sequences.toFixed(1)} | ${(sequences * 5).toFixed(0)} | ${ref.toFixed(0)} | ${(receipts / ref).toFixed(3)} |`,
    );
  }
  await h.app.close();
}

async function main() {
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}; ${seconds} s per phase; clients ${levels.join(', ')}; receipts over ${unitCount} unit(s)`,
  );
  if (which !== 'pglite') {
    await admin(`drop database if exists ${dbName}`);
    await admin(`create database ${dbName}`);
    const database = await openDatabase({ databaseUrl: withDb(dbName), poolSize: 10 });
    statementCounter.install(pg.Client.prototype);
    try {
      const u = new URL(withDb(dbName));
      execFileSync(
        'pgbench',
        ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', '-i', '-q', '-s', '10', dbName],
        {
          stdio: 'pipe',
        },
      );
      await measure(database, `PostgreSQL at ${u.host} (pool 10) next to pgbench -b tpcb-like -s 10 -j 2`, async (c) =>
        pgbench(c),
      );
    } finally {
      await database.close();
      await admin(`drop database if exists ${dbName}`);
    }
  }
  if (which !== 'postgres') {
    const database = await openDatabase({ dataDir: 'memory://' });
    statementCounter.install(PGlite.prototype);
    try {
      await sql`create table bench_ref (id serial primary key, n int not null default 0)`.execute(database.db);
      await sql`insert into bench_ref (n) select 0 from generate_series(1, 100)`.execute(database.db);
      const saved = levels.splice(0, levels.length, ...levels.filter((c) => c <= 8));
      await measure(
        database,
        'PGlite (in memory) next to a two-statement transaction loop on the same PGlite',
        (clients) =>
          loop(clients, async () => {
            await database.db.transaction().execute(async (trx) => {
              await sql`insert into bench_ref (n) values (1)`.execute(trx);
              await sql`update bench_ref set n = n + 1 where id = ${1 + Math.floor(Math.random() * 100)}`.execute(trx);
            });
            return 1;
          }),
      );
      levels.splice(0, levels.length, ...saved);
    } finally {
      await database.close();
    }
  }
}

await main();

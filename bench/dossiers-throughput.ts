/**
 * Dossier receipts and transitions per second through the HTTP API on PostgreSQL, next to pgbench's
 * TPC-B-like run on the same server, reported as a ratio (machine-independent-ish).
 *
 *   npx tsx bench/dossiers-throughput.ts            # PG at postgres://postgres@127.0.0.1:5432
 *   BENCH_PG_URL=postgres://user@host:5432 BENCH_SECONDS=15 BENCH_CLIENTS=8 npx tsx bench/dossiers-throughput.ts
 *   BENCH_DB=pglite BENCH_CLIENTS=8 npx tsx bench/dossiers-throughput.ts   # embedded, next to a 2-statement loop
 *
 * Uses a throwaway database (dossiers_bench_<pid>) that is dropped at the end. Before the timed phases it
 * makes BENCH_PROFILE (100) receipts one after another and prints the statements each one sends (count,
 * time), to see where a receipt's time goes.
 */
import type { AddressInfo } from 'node:net';
import { actionsWithSideRecords, dossierActionTypes, systemClock } from '@mot-cua/core';
import { migrate, openDatabase } from '@mot-cua/db';
import { insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../apps/api/src/app.js';
import {
  counterReceipt,
  perTypeLines,
  profileSequences,
  registrationBody,
  runSequence,
  sequenceActions,
} from './action-sequence.js';
import { benchConfig } from './bench-config.js';
import { functionTimes, startProfiler } from './bench-probes.js';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';
import { pgbench, twoStatementLoop } from './reference-loads.js';
import { recorder, recordStatements, statements } from './statement-recorder.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const dbName = `dossiers_bench_${process.pid}`;
const withDb = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
const url = withDb(dbName);
const profileCount = Number(process.env.BENCH_PROFILE ?? 100);
// BENCH_ACTIONS_BASE=1: every action on the locked path in a transaction, as before the one-statement actions
// (issue 9, session 5), to compare base and new in the same minutes with the same build.
if (process.env.BENCH_ACTIONS_BASE === '1') {
  for (const t of dossierActionTypes) (actionsWithSideRecords as Set<string>).add(t);
}

recordStatements();
const adminUrl = withDb('postgres');

async function admin(text: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** BENCH_DB=pglite: the embedded database in memory, next to a plain two-statement transaction loop on it. */
const onPglite = process.env.BENCH_DB === 'pglite';

/** CPU of this process (the API and the bench's HTTP client) and of the database's backends, per operation. */
function startCpu() {
  const node0 = selfCpuMs().self;
  const backends = onPglite ? undefined : trackBackendCpu(dbName);
  return {
    per(n: number) {
      const db = backends?.stop() ?? 0;
      return { node: (selfCpuMs().self - node0) / Math.max(1, n), db: db / Math.max(1, n) };
    },
  };
}

async function main() {
  if (!onPglite) {
    await admin(`drop database if exists ${dbName}`);
    await admin(`create database ${dbName}`);
    // BENCH_FUNCTIONS=1: PL/pgSQL time per function (the aggregates' triggers), from pg_stat_user_functions.
    if (process.env.BENCH_FUNCTIONS === '1') await admin(`alter database ${dbName} set track_functions = 'all'`);
  }
  const database = onPglite
    ? await openDatabase({ dataDir: 'memory://' })
    : await openDatabase({ databaseUrl: url, poolSize: clients + 2 });
  try {
    await migrate(database);
    const { communeCodes } = await insertDossierTestUnits(database.db, 1);
    const unit = communeCodes[0]!;
    const { code: procedureCode } = await loadDossierTestProcedure(database.db, { unitCode: unit });
    // The result files of the sequences go to a throwaway directory.
    const config = benchConfig({ DATA_DIR: `${(await import('node:os')).tmpdir()}/dossiers-bench-${process.pid}` });
    const app = await createApp({ config, database, clock: systemClock, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const login = async (role: 'reception' | 'specialist' | 'leader') => {
      const o = await newOfficial(database, { grants: [{ role, unitCode: unit }] });
      const res = await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: o.username, password: o.password }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    };
    const reception = await login('reception');
    const specialist = await login('specialist');
    const who = { reception, specialist, leader: await login('leader') };
    const registration = registrationBody(procedureCode, unit);
    const body = JSON.stringify(counterReceipt(procedureCode, unit));
    const post = async (path: string, headers: Record<string, string>, payload: string | FormData) => {
      const r = await fetch(`${origin}${path}`, { method: 'POST', headers, body: payload });
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as { id: string };
    };

    // Profile: receipts one after another, with the statements each sends.
    for (let i = 0; i < 10; i++) await post('/api/dossiers', reception, body);
    recorder.on = true;
    const tp = performance.now();
    for (let i = 0; i < profileCount; i++) await post('/api/dossiers', reception, body);
    const perReceipt = (performance.now() - tp) / Math.max(1, profileCount);
    recorder.on = false;
    const profile = [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
    // Profile: the same three actions one dossier after another, with the statements each action sends.
    const profiled: string[] = [];
    for (let i = 0; i < Math.min(30, profileCount); i++)
      profiled.push((await post('/api/dossiers', reception, body)).id);
    statements.clear();
    recorder.on = true;
    const ta = performance.now();
    for (const id of profiled) {
      await post(`/api/dossiers/${id}/claim`, reception, '{"stepOrder":1}');
      await post(`/api/dossiers/${id}/complete-step`, reception, '{"fromStep":1}');
      await post(`/api/dossiers/${id}/claim`, specialist, '{"stepOrder":2}');
    }
    recorder.on = false;
    const nActions = Math.max(1, profiled.length * 3);
    const perAction = (performance.now() - ta) / nActions;
    const actionProfile = [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const actionStatements = actionProfile.reduce((t, [, x]) => t + x.n, 0) / nActions;
    const actionBegins = actionProfile.filter(([k]) => /^begin/i.test(k)).reduce((t, [, x]) => t + x.n, 0) / nActions;
    // Profile: the five-action sequence one dossier after another, statements and BEGINs per action type.
    const registered: string[] = [];
    for (let i = 0; i < Math.min(10, profileCount); i++)
      registered.push((await post('/api/dossiers', reception, registration)).id);
    statements.clear();
    recorder.on = true;
    const perType = await profileSequences(post, who, registered, statements);
    recorder.on = false;
    const nQueries = profile.reduce((t, [, x]) => t + x.n, 0) / Math.max(1, profileCount);
    const sqlMs = profile.reduce((t, [, x]) => t + x.ms, 0) / Math.max(1, profileCount);

    // Phase 1: receipts (each one: code sequence, dossier, checklist, log, projection, outbox, audit).
    const ids: string[] = [];
    const until = (ms: number) => Date.now() + ms;
    let end = until(seconds * 1000);
    if (process.env.BENCH_FUNCTIONS === '1') await sql`select pg_stat_reset()`.execute(database.db);
    const profiler = await startProfiler();
    let cpu = startCpu();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) ids.push((await post('/api/dossiers', reception, body)).id);
      }),
    );
    const receiptsPerSec = ids.length / ((performance.now() - t0) / 1000);
    const receiptCpu = cpu.per(ids.length);
    await profiler?.stop();
    const functions = process.env.BENCH_FUNCTIONS === '1' ? await functionTimes(database, ids.length) : [];

    // Phase 2: transitions on those dossiers: reception takes step 1, hands over; specialist takes step 2.
    let transitions = 0;
    let next = 0;
    end = until(seconds * 1000);
    cpu = startCpu();
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end && next < ids.length) {
          const id = ids[next++]!;
          await post(`/api/dossiers/${id}/claim`, reception, '{"stepOrder":1}');
          await post(`/api/dossiers/${id}/complete-step`, reception, '{"fromStep":1}');
          await post(`/api/dossiers/${id}/claim`, specialist, '{"stepOrder":2}');
          transitions += 3;
        }
      }),
    );
    const transitionsPerSec = transitions / ((performance.now() - t1) / 1000);
    const transitionCpu = cpu.per(transitions);

    // Phase 3: five-action sequences on dossiers registered beforehand (the registrations are not timed).
    const pool: string[] = [];
    const poolSize = Number(process.env.BENCH_SEQUENCE_POOL ?? 400);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (pool.length < poolSize) pool.push((await post('/api/dossiers', reception, registration)).id);
      }),
    );
    let sequences = 0;
    next = 0;
    end = until(seconds * 1000);
    cpu = startCpu();
    const t2 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end && next < pool.length) {
          await runSequence(post, who, pool[next++]!);
          sequences++;
        }
      }),
    );
    const sequencesPerSec = sequences / ((performance.now() - t2) / 1000);
    const sequenceCpu = cpu.per(sequences);
    if (sequences >= pool.length) console.log(`(the sequence phase ran out of dossiers: raise BENCH_SEQUENCE_POOL)`);
    // On PGlite the reference runs on the same database before the app closes it.
    const pgliteTps = onPglite ? await twoStatementLoop(database, { clients, seconds }) : 0;
    await app.close();

    const reference = onPglite
      ? { tps: pgliteTps, cpuMs: Number.NaN }
      : await pgbench(url, dbName, { clients, seconds });
    const tps = reference.tps;
    const refName = onPglite
      ? `two-statement transaction loop on the same PGlite, ${clients} callers`
      : `pgbench -b tpcb-like -c ${clients} -j 2 -T ${seconds} (scale 10)`;
    const cpu0 = (await import('node:os')).cpus();
    console.log(
      `machine: ${cpu0.length} × ${cpu0[0]?.model ?? '?'}; ${onPglite ? 'PGlite (in memory)' : `PostgreSQL at ${new URL(url).host}`}; ${clients} clients, ${seconds} s per phase`,
    );
    console.log(
      `dossier receipts/s (HTTP POST /api/dossiers):      ${receiptsPerSec.toFixed(1)}  (${ids.length} dossiers)`,
    );
    console.log(
      `dossier transitions/s (claim, hand-over, claim):   ${transitionsPerSec.toFixed(1)}  (${transitions} actions)`,
    );
    console.log(
      `five-action sequences/s (${sequenceActions.length} requests each): ${sequencesPerSec.toFixed(2)}  (${sequences} sequences)`,
    );
    console.log(`${refName}: ${tps.toFixed(1)} tps`);
    console.log(`ratio receipts / reference tps:    ${(receiptsPerSec / tps).toFixed(3)}`);
    console.log(`ratio transitions / reference tps: ${(transitionsPerSec / tps).toFixed(3)}`);
    console.log(`ratio sequences / reference tps:   ${(sequencesPerSec / tps).toFixed(4)}`);
    if (!onPglite) {
      const cores = cpu0.length;
      const line = (name: string, c: { node: number; db: number }) =>
        console.log(
          `CPU per ${name}: ${(c.node + c.db).toFixed(2)} ms (Node.js ${c.node.toFixed(2)} ms, its PostgreSQL backends ${c.db.toFixed(2)} ms): at most ${((cores * 1000) / (c.node + c.db)).toFixed(0)}/s on ${cores} cores`,
        );
      line('receipt', receiptCpu);
      line('transition', transitionCpu);
      line('five-action sequence', sequenceCpu);
      console.log(
        `CPU per pgbench transaction: ${reference.cpuMs.toFixed(2)} ms (backends + pgbench); CPU ratio transaction / receipt ${(reference.cpuMs / (receiptCpu.node + receiptCpu.db)).toFixed(3)}, transaction / transition ${(reference.cpuMs / (transitionCpu.node + transitionCpu.db)).toFixed(3)}`,
      );
    }
    for (const f of functions) console.log(f);
    console.log(
      `one action at a time (${nActions}; claim, hand-over, claim${process.env.BENCH_ACTIONS_BASE === '1' ? '; BASE: locked path' : ''}): ${perAction.toFixed(1)} ms each, ${actionStatements.toFixed(2)} statements, ${actionBegins.toFixed(2)} transactions (BEGIN) per action`,
    );
    for (const [text, x] of actionProfile) {
      console.log(`  ${(x.n / nActions).toFixed(2).padStart(5)} × ${(x.ms / x.n).toFixed(2).padStart(5)} ms  ${text}`);
    }
    console.log(
      `five-action sequence one at a time (${registered.length}${process.env.BENCH_ACTIONS_BASE === '1' ? '; BASE: locked path' : ''}), per action:`,
    );
    for (const line of perTypeLines(perType, process.env.BENCH_SEQUENCE_STATEMENTS === '1')) console.log(line);
    if (profileCount > 0) {
      console.log(
        `one receipt at a time (${profileCount}): ${perReceipt.toFixed(1)} ms each, ${nQueries.toFixed(1)} statements, ${sqlMs.toFixed(1)} ms waiting for SQL`,
      );
      for (const [text, x] of profile) {
        console.log(
          `  ${(x.n / profileCount).toFixed(1).padStart(4)} × ${(x.ms / x.n).toFixed(2).padStart(5)} ms  ${text}`,
        );
      }
    }
  } finally {
    await database.close();
    if (!onPglite) await admin(`drop database if exists ${dbName}`);
  }
}

await main();

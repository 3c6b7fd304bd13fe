import { execFileSync, spawn } from 'node:child_process';
import type { Database } from '@mot-cua/db';
import { sql } from 'kysely';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';

/* The reference loads the dossiers' throughput is reported against (dossiers-throughput.ts). */

type Load = { clients: number; seconds: number };

/** pgbench's TPC-B-like run: transactions per second, and CPU ms per transaction (its backends + pgbench). */
export async function pgbench(
  url: string,
  dbName: string,
  { clients, seconds }: Load,
): Promise<{ tps: number; cpuMs: number }> {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
  // PGOPTIONS (e.g. auto_explain for the app's connections while profiling) is not pgbench's.
  const { PGOPTIONS: _, ...env } = process.env;
  execFileSync('pgbench', [...args, '-i', '-q', '-s', '10', dbName], { stdio: 'pipe', env });
  const backends = trackBackendCpu(dbName, 50);
  const before = selfCpuMs().children;
  const child = spawn(
    'pgbench',
    [...args, '-b', 'tpcb-like', '-c', String(clients), '-j', '2', '-T', String(seconds), dbName],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.resume();
  await new Promise((r) => child.once('exit', r));
  const dbCpu = backends.stop();
  const clientCpu = selfCpuMs().children - before;
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  const n = /number of transactions actually processed: (\d+)/.exec(out);
  if (!m || !n) throw new Error(`unexpected pgbench output:\n${out}`);
  return { tps: Number(m[1]), cpuMs: (dbCpu + clientCpu) / Number(n[1]) };
}

/** BENCH_DB=pglite: a plain two-statement transaction loop on the embedded database, transactions per second. */
export async function twoStatementLoop(database: Database, { clients, seconds }: Load): Promise<number> {
  await sql`create table if not exists bench_ref (id serial primary key, n int not null default 0)`.execute(
    database.db,
  );
  await sql`insert into bench_ref (n) select 0 from generate_series(1, 100)`.execute(database.db);
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        await database.db.transaction().execute(async (trx) => {
          await sql`insert into bench_ref (n) values (1)`.execute(trx);
          await sql`update bench_ref set n = n + 1 where id = ${1 + Math.floor(Math.random() * 100)}`.execute(trx);
        });
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

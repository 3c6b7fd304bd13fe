/**
 * Does writing the audit trail make transactions wait for one another? pgbench, on a scratch PostgreSQL database
 * migrated to the product's schema, runs a transaction shaped like an audited action (one audit row, one row
 * updated among 1,000) at the same client count as the reference: the same transaction writing its row into a plain
 * table with the same columns and no triggers. A sealer pass (`audit_seal`) runs every second meanwhile, as the
 * product's does.
 *
 *   npx tsx bench/audit-write-contention.ts                 # 8 clients, 8 s each
 *   BENCH_CLIENTS=32 BENCH_SECONDS=15 npx tsx bench/audit-write-contention.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, sealAuditTrail, verifyAuditChain } from '@mot-cua/db';
import { sql } from 'kysely';
import pg from 'pg';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const dbName = `audit_bench_${process.pid}`;
const at = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();

async function admin(text: string) {
  const c = new pg.Client({ connectionString: at('postgres') });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const VALUES = `(NULL, 'dossier.view', 'dossier', md5(random()::text), '79', '26743', 'bench', '{"via":"bench"}')`;
const COLUMNS = '(actor_user_id, action, entity_type, entity_id, province_code, unit_code, request_id, data)';
const script = (table: string) =>
  `BEGIN;\nINSERT INTO ${table} ${COLUMNS} VALUES ${VALUES};\n` +
  'UPDATE bench_rows SET n = n + 1 WHERE id = 1 + (random() * 999)::int;\nCOMMIT;\n';

function pgbench(file: string): number {
  const u = new URL(base);
  const out = execFileSync(
    'pgbench',
    [
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      u.username || 'postgres',
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      file,
      dbName,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  if (!m) throw new Error(`unexpected pgbench output:\n${out}`);
  return Number(m[1]);
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
  const database = await openDatabase({ databaseUrl: at(dbName), poolSize: 2 });
  try {
    await migrate(database);
    await sql`CREATE TABLE bench_rows (id int PRIMARY KEY, n int NOT NULL)`.execute(database.db);
    await sql`INSERT INTO bench_rows SELECT g, 0 FROM generate_series(1, 1000) g`.execute(database.db);
    await sql`CREATE TABLE bench_plain (LIKE audit_events INCLUDING DEFAULTS INCLUDING INDEXES)`.execute(database.db);
    const dir = tmpdir();
    writeFileSync(join(dir, 'audit.sql'), script('audit_events'));
    writeFileSync(join(dir, 'plain.sql'), script('bench_plain'));

    const reference = pgbench(join(dir, 'plain.sql'));
    let sealing = true;
    let sealed = 0;
    const sealer = (async () => {
      while (sealing) {
        sealed += await sealAuditTrail(database.db);
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    const audited = pgbench(join(dir, 'audit.sql'));
    sealing = false;
    await sealer;
    sealed += await sealAuditTrail(database.db);
    const chain = await verifyAuditChain(database.db);
    if (chain.firstBroken) throw new Error(`chain broken: ${JSON.stringify(chain.firstBroken)}`);

    console.log(`PostgreSQL at ${new URL(base).host}; ${clients} clients, ${seconds} s each, pgbench -j 2`);
    console.log(`reference: the transaction writing a plain table (no triggers): ${reference.toFixed(1)} tps`);
    console.log(`audited: the same transaction writing audit_events, sealer every second: ${audited.toFixed(1)} tps`);
    console.log(`ratio audited / reference: ${(audited / reference).toFixed(2)}`);
    console.log(`sealed during and after the run: ${sealed} rows; chain verified: ${chain.rows} rows, unbroken`);
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  }
}

await main();

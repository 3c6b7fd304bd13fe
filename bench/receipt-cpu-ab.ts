/**
 * The receipt's CPU, one item A/B in the same minutes (issue 9): blocks of receipts alternate between the receipt
 * statement sent unnamed (planned every time: the code before session 5) and named (prepared once per connection,
 * then a generic plan). One client, one pooled connection, requests through `app.inject` (no sockets), so the
 * figures are the API's and its one backend's CPU per receipt, read from /proc, and the alternation cancels most of
 * the machine's load drift. A third side measures the aggregates' triggers (switched off for the session).
 *
 *   npx tsx bench/receipt-cpu-ab.ts       # BENCH_PG_URL, BENCH_BLOCKS (10), BENCH_BLOCK (200), BENCH_SIDES
 *   BENCH_BASE_BEFORE=0320 npx tsx bench/receipt-cpu-ab.ts   # sides base (migrations < 0320) and new
 */
import { systemClock } from '@mot-cua/core';
import { migrate, openDatabase, readMigrations } from '@mot-cua/db';
import { insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../apps/api/src/app.js';
import { counterReceipt } from './action-sequence.js';
import { benchConfig } from './bench-config.js';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const blocks = Number(process.env.BENCH_BLOCKS ?? 10);
const blockSize = Number(process.env.BENCH_BLOCK ?? 200);
const dbName = `receipt_ab_${process.pid}`;
const withDb = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();

// Side A strips the statement's name, as the driver sent it before (same text, planned every time).
let named = true;
type Query = (this: unknown, config: unknown, values?: unknown, cb?: unknown) => unknown;
const proto = pg.Client.prototype as unknown as { query: Query };
const original = proto.query;
proto.query = function (config, values, cb) {
  if (!named && config && typeof config === 'object' && 'name' in config) {
    const { name: _, ...rest } = config as Record<string, unknown>;
    return original.call(this, rest, values, cb);
  }
  return original.call(this, config, values, cb);
};

async function admin(text: string) {
  const c = new pg.Client({ connectionString: withDb('postgres') });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

/**
 * A database migrated with `migrations`, one unit, one official logged in, and one receipt through the API (the
 * bench's only request). BENCH_BASE_BEFORE=<version> adds a second database migrated without the migrations from
 * that version on (the side `base`, named statements; `new` is the first database, named), e.g. 0320: the receipt
 * with and without the open-due totals, in the same minutes.
 */
async function setUp(name: string, migrations = readMigrations()) {
  await admin(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDb(name), poolSize: 1 });
  await migrate(database, migrations);
  const { communeCodes } = await insertDossierTestUnits(database.db, 1);
  const unit = communeCodes[0]!;
  const { code: procedureCode } = await loadDossierTestProcedure(database.db, { unitCode: unit });
  const app = await createApp({ config: benchConfig(), database, clock: systemClock, logger: false });
  const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode: unit }] });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: o.username, password: o.password },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  const payload = counterReceipt(procedureCode, unit);
  const receipt = async () => {
    const r = await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  };
  for (let i = 0; i < 50; i++) await receipt();
  return { name, database, app, receipt };
}

const baseBefore = process.env.BENCH_BASE_BEFORE;
const main = await setUp(dbName);
const baseSide = baseBefore
  ? await setUp(
      `${dbName}_base`,
      readMigrations().filter((m) => m.version < baseBefore),
    )
  : undefined;
try {
  // The sides, block after block. `no-aggregates` (named, with the aggregates' triggers off for the session, as the
  // generator's bulk load does) is not a product configuration: it measures the triggers' share of the backend.
  const sides = (process.env.BENCH_SIDES ?? (baseSide ? 'base,new' : 'unnamed,named,no-aggregates')).split(',');
  const sums = new Map(sides.map((s) => [s, { node: 0, db: 0, n: 0 }]));
  for (let b = 0; b < blocks * sides.length; b++) {
    const name = sides[b % sides.length]!;
    const side = sums.get(name)!;
    named = name !== 'unnamed';
    const on = name === 'base' && baseSide ? baseSide : main;
    const receipt = on.receipt;
    await sql`select set_config('motcua.aggregates_off', ${name === 'no-aggregates' ? 'on' : 'off'}, false)`.execute(
      on.database.db,
    );
    await receipt(); // the connection's first receipt of the side (parse once when named)
    const backend = trackBackendCpu(on.name, 1000);
    const node0 = selfCpuMs().self;
    for (let i = 0; i < blockSize; i++) await receipt();
    side.node += selfCpuMs().self - node0;
    side.db += backend.stop();
    side.n += blockSize;
  }
  const load = (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  for (const [name, s] of sums) {
    console.log(
      `${name.padEnd(8)} CPU per receipt ${((s.node + s.db) / s.n).toFixed(2)} ms (API ${(s.node / s.n).toFixed(2)}, backend ${(s.db / s.n).toFixed(2)}) over ${s.n} receipts; load ${load}`,
    );
  }
} finally {
  for (const side of [main, baseSide]) {
    if (!side) continue;
    await side.app.close();
    await side.database.close();
    await admin(`drop database if exists ${side.name}`);
  }
}

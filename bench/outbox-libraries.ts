/**
 * Our outbox dispatcher next to the two PostgreSQL job libraries the issue names, on the requirement that decides:
 * each dossier's status changes reach the portal once and **in order**, while some fail and are retried. Same
 * workload for the three, each on its own throwaway PostgreSQL database, delivering to the portal simulator:
 * BENCH_DOSSIERS dossiers × 5 changes, queued in order; the first attempt of change 2 of every 10th dossier fails
 * (as a portal answering 500 would), so it is retried. Measured: time to drain, deliveries per second, changes
 * that reached the portal out of order, keys stored twice. And whether each runs on PGlite (the embedded default).
 *
 * The libraries are not dependencies of the product; install them for this run only:
 *   npm i --no-save pg-boss@10 graphile-worker
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432 npx tsx bench/outbox-libraries.ts
 */
import { randomBytes } from 'node:crypto';
import { systemClock } from '@mot-cua/core';
import { migrate, openDatabase } from '@mot-cua/db';
import { startPortalSim } from '@mot-cua/portal-sim';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { createOutboxDispatcher } from '../apps/api/src/outbox/outbox-dispatcher.js';
import { createPortalClient, PORTAL_STATUS_PATH } from '../apps/api/src/outbox/portal-client.js';

const base = `${process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'}/postgres`;
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 200);
const CHANGES = 5;
const CONCURRENCY = 16;
/** How long each may take to drain before it is reported as not drained. */
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 120_000);

const payload = (d: number, c: number) => ({
  MaHoSo: `X79.26743-260302-${String(d).padStart(5, '0')}`,
  MaTTHC: '1.001193',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Ánh',
  LoaiDoiTuong: 1,
  NgayNopHoSo: '20260302090000',
  TrangThaiHoSo: c,
  DonViXuLy: 'Phường Bến Thành',
  QuaTrinhXuLy: [{ NguoiXuLy: 'Trần Thị Lan', ThoiDiemXuLy: '20260302090000', NoiDungXuLy: 'Xử lý', TrangThai: c }],
});
const key = (run: string, d: number, c: number) => `${run}:${d}:${c}`;
/** The injected failure: the first attempt of change 2 of every 10th dossier. */
const failsOnce = (d: number, c: number) => d % 10 === 0 && c === 2;

type Sim = Awaited<ReturnType<typeof startPortalSim>>;
async function post(sim: Sim, k: string, body: unknown) {
  const r = await fetch(`${sim.url}${PORTAL_STATUS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': k },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
}

/** Order violations and duplicates in what the simulator stored for this run. */
async function verdict(sim: Sim, run: string, started: number) {
  const seconds = (Date.now() - started) / 1000;
  const got = (await (await fetch(`${sim.url}/sim/received?limit=100000`)).json()) as {
    items: Array<{ idempotencyKey: string; requests: number }>;
  };
  const mine = got.items.filter((i) => i.idempotencyKey.startsWith(`${run}:`));
  const last = new Map<string, number>();
  let outOfOrder = 0;
  for (const i of mine) {
    const [, d, c] = i.idempotencyKey.split(':');
    if ((last.get(d!) ?? 0) > Number(c)) outOfOrder++;
    last.set(d!, Math.max(last.get(d!) ?? 0, Number(c)));
  }
  return {
    stored: mine.length,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(mine.length / seconds),
    outOfOrder,
    sentTwice: mine.filter((i) => i.requests > 1).length,
  };
}
const until = async (fn: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
};
const storedOf = async (sim: Sim, run: string) =>
  (
    (await (await fetch(`${sim.url}/sim/received?limit=100000`)).json()) as { items: Array<{ idempotencyKey: string }> }
  ).items.filter((i) => i.idempotencyKey.startsWith(`${run}:`)).length;

async function ours(sim: Sim) {
  const run = `ours-${randomBytes(2).toString('hex')}`;
  const scratch = await createScratchDatabase(base);
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  await migrate(database);
  const rows = [];
  for (let c = 1; c <= CHANGES; c++)
    for (let d = 1; d <= DOSSIERS; d++)
      rows.push({
        provinceCode: '79',
        topic: 'dvcqg.dossier_status',
        aggregateType: 'dossier',
        aggregateId: `d${d}`,
        idempotencyKey: key(run, d, c),
        payload: JSON.stringify(payload(d, c)),
      });
  await database.db.insertInto('outboxMessages').values(rows).execute();
  const real = createPortalClient({ url: sim.url, timeoutMs: 5_000 });
  const failed = new Set<string>();
  const dispatcher = createOutboxDispatcher({
    database,
    clock: systemClock,
    client: {
      async send(row) {
        const [, d, c] = row.idempotencyKey.split(':').map(Number);
        if (failsOnce(d!, c!) && !failed.has(row.idempotencyKey)) {
          failed.add(row.idempotencyKey);
          return { kind: 'response', status: 500, body: 'injected', retryAfter: null };
        }
        return real.send(row);
      },
    },
    owner: 'bench',
    log: { warn: (o, m) => console.warn(m, o), error: (o, m) => console.error(m, o) },
    concurrency: CONCURRENCY,
    pollMs: 50,
    timeoutMs: 5_000,
  });
  const started = Date.now();
  dispatcher.start();
  const drained = await until(async () => (await storedOf(sim, run)) === DOSSIERS * CHANGES, DRAIN_MS);
  const v = { ...(await verdict(sim, run, started)), drained };
  await dispatcher.stop();
  await database.close();
  await scratch.drop();
  return v;
}

// biome-ignore lint/suspicious/noExplicitAny: optional libraries loaded by name, not dependencies of the product
const load = async (name: string): Promise<any> => import(name);

async function pgBoss(sim: Sim) {
  const run = `pgboss-${randomBytes(2).toString('hex')}`;
  const scratch = await createScratchDatabase(base);
  const { PgBoss } = await load('pg-boss').then((m) => ({ PgBoss: m.default ?? m.PgBoss }));
  const boss = new PgBoss({ connectionString: scratch.url, max: 8 });
  boss.on('error', () => {});
  await boss.start();
  // 'singleton': at most one active job per singleton key, the closest to "one dossier at a time".
  await boss.createQueue('dvcqg', { name: 'dvcqg', policy: 'singleton' });
  for (let c = 1; c <= CHANGES; c++)
    for (let d = 1; d <= DOSSIERS; d++)
      await boss.send('dvcqg', { d, c }, { singletonKey: `d${d}`, retryLimit: 5, retryDelay: 1, retryBackoff: true });
  const failed = new Set<string>();
  const started = Date.now();
  for (let w = 0; w < CONCURRENCY; w++) {
    await boss.work(
      'dvcqg',
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]: Array<{ data: { d: number; c: number } }>) => {
        const { d, c } = job!.data;
        const k = key(run, d, c);
        if (failsOnce(d, c) && !failed.has(k)) {
          failed.add(k);
          throw new Error('injected 500');
        }
        await post(sim, k, payload(d, c));
      },
    );
  }
  const queued = await until(async () => (await storedOf(sim, run)) === DOSSIERS * CHANGES, DRAIN_MS);
  const v = { ...(await verdict(sim, run, started)), drained: queued };
  await boss.stop({ graceful: false, wait: true });
  await scratch.drop();
  return v;
}

async function graphile(sim: Sim) {
  const run = `graphile-${randomBytes(2).toString('hex')}`;
  const scratch = await createScratchDatabase(base);
  const gw = await load('graphile-worker');
  const failed = new Set<string>();
  const runner = await gw.run({
    connectionString: scratch.url,
    concurrency: CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 100,
    logger: new gw.Logger(() => () => {}),
    taskList: {
      deliver: async (p: { d: number; c: number }) => {
        const k = key(run, p.d, p.c);
        if (failsOnce(p.d, p.c) && !failed.has(k)) {
          failed.add(k);
          throw new Error('injected 500');
        }
        await post(sim, k, payload(p.d, p.c));
      },
    },
  });
  const utils = await gw.makeWorkerUtils({ connectionString: scratch.url });
  const started = Date.now();
  // Named queue per dossier: graphile-worker runs a queue's jobs one after another.
  for (let c = 1; c <= CHANGES; c++)
    for (let d = 1; d <= DOSSIERS; d++) await utils.addJob('deliver', { d, c }, { queueName: `d${d}`, maxAttempts: 5 });
  const drained = await until(async () => (await storedOf(sim, run)) === DOSSIERS * CHANGES, DRAIN_MS);
  const v = { ...(await verdict(sim, run, started)), drained };
  await runner.stop();
  await utils.release();
  await scratch.drop();
  return v;
}

/** Both libraries take a connection string or a `pg` pool; PGlite (the embedded default) has neither. */
async function onPglite() {
  const out: Record<string, string> = {};
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  for (const [name, start] of [
    [
      'pg-boss',
      async () => {
        const m = await load('pg-boss');
        // pg-boss accepts a `db` with executeSql(text, values); this is the whole adapter a PGlite user would write.
        const adapter = {
          executeSql: async (text: string, values?: unknown[]) => {
            const r = await db.query(text, values as never[]);
            return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
          },
        };
        const boss = new (m.default ?? m.PgBoss)({ db: adapter });
        boss.on('error', () => {});
        await boss.start();
        await boss.createQueue('probe');
        await boss.send('probe', { ok: true });
        await boss.stop({ graceful: false });
      },
    ],
    ['graphile-worker', async () => (await load('graphile-worker')).run({ pgPool: db, taskList: {} })],
  ] as const) {
    try {
      await Promise.race([
        start(),
        new Promise((_, no) => setTimeout(() => no(new Error('no answer in 10 s')), 10_000)),
      ]);
      out[name] = 'started';
    } catch (e) {
      out[name] = `fails: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120)}`;
    }
  }
  await db.close();
  return out;
}

const sim = await startPortalSim({ port: 0, dataDir: null });
const show = (name: string, r: unknown) => console.log(name, JSON.stringify(r));
if (process.env.BENCH_ONLY === 'pglite') {
  show('on PGlite', await onPglite());
  process.exit(0);
}
console.log(`${DOSSIERS} dossiers × ${CHANGES} changes = ${DOSSIERS * CHANGES} rows, concurrency ${CONCURRENCY}`);
show('ours', await ours(sim));
show('pg-boss', await pgBoss(sim).catch((e) => ({ error: String(e) })));
show('graphile-worker', await graphile(sim).catch((e) => ({ error: String(e) })));
show('on PGlite', await onPglite().catch((e) => ({ error: String(e) })));
await sim.close();
process.exit(0);

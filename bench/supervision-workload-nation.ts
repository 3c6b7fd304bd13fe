/**
 * The nation's workload and staffing, breakdown() and PostgreSQL's JIT (issue 15, session 9, task 15w): p50 / p95 of
 *  - the nation's workload per province with the officials kept (0400) and counted from the grants (before), and the
 *    officials per province alone both ways (the two must be equal);
 *  - the nation's readiness: communes without an online approver per province (now) and the list of 200 names with
 *    its total (before), leaders without a valid certificate per province;
 *  - the stats table's breakdown() at the nation and the busiest province without parallel workers (in a
 *    transaction with SET LOCAL, as withoutParallelWorkers does on a pool without the setting), with them (before),
 *    and on a pool opened as the API's (DB_MAX_PARALLEL_WORKERS_PER_GATHER=0, DB_JIT=off at connection);
 *  - the dashboard and drill-down reads with `jit = on` and `jit = off` (session setting of two pools, runs
 *    alternated), so the API pool's setting is decided on figures.
 * Next to a primary-key lookup in the same run. Read-only (migrates the copy first).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<copy of lead_nat1> npx tsx bench/supervision-workload-nation.ts
 *
 * BENCH_ONLY=<part of a name> runs only those; BENCH_RUNS (default 20).
 */
import os from 'node:os';
import { vnStartOfDay } from '@mot-cua/contracts';
import {
  createDossierAggregatesRepository,
  createOfficialsRepository,
  createServiceIndexRepository,
  createSupervisionDrilldownRepository,
  createWorkloadProvincesRepository,
  createWorkloadRepository,
  type Database,
  migrate,
  openDatabase,
} from '@mot-cua/db';
import { sql } from 'kysely';

const url = process.env.BENCH_DATABASE_URL;
const runs = Number(process.env.BENCH_RUNS ?? 20);
const only = process.env.BENCH_ONLY ?? '';

type Timing = { p50: number; p95: number };
const stats = (t: number[]): Timing => {
  const s = [...t].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};
async function time(fn: () => Promise<unknown>): Promise<number> {
  const s = performance.now();
  await fn();
  return performance.now() - s;
}

function period(from: string, to: string) {
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from, to, fromAt: vnStartOfDay(from), toAt: vnStartOfDay(next.toISOString().slice(0, 10)) };
}

const withOptions = (u: string, jit: 'on' | 'off') =>
  `${u}${u.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c jit=${jit}`)}`;

async function main() {
  if (!url) throw new Error('BENCH_DATABASE_URL: a copy of a generated national database is required');
  const open = (u: string) => openDatabase({ databaseUrl: u, poolSize: 2, statementTimeoutMs: 0 });
  const main = await open(url);
  await migrate(main);
  const jitOn = await open(withOptions(url, 'on'));
  const jitOff = await open(withOptions(url, 'off'));
  // the API's pool: DB_JIT=off, DB_MAX_PARALLEL_WORKERS_PER_GATHER=0 at connection (withoutParallelWorkers: as is)
  const service = await openDatabase({
    databaseUrl: url,
    poolSize: 2,
    statementTimeoutMs: 0,
    sessionSettings: { jit: 'off', max_parallel_workers_per_gather: '0' },
  });
  const out: Record<string, Timing> = {};
  try {
    const db = main.db;
    const busy = (
      await sql<{ provinceCode: string; unitCode: string }>`
        select province_code, receiving_unit_code as unit_code from dossiers
        group by 1, 2 order by count(*) desc limit 1`.execute(db)
    ).rows[0]!;
    const anyId = (await sql<{ id: string }>`select id from dossiers limit 1`.execute(db)).rows[0]!.id;
    const at = async (k: string, fn: () => Promise<unknown>) => {
      if (!k.includes(only) && !k.startsWith('reference')) return;
      for (let i = 0; i < 2; i++) await fn();
      const t: number[] = [];
      for (let i = 0; i < runs; i++) t.push(await time(fn));
      out[k] = stats(t);
      console.error(`${k}: ${out[k].p50.toFixed(1)} / ${out[k].p95.toFixed(1)} ms`);
    };
    /** The same read on the jit = on and jit = off pools, alternated run by run. */
    const jit = async (k: string, fn: (d: Database) => Promise<unknown>) => {
      if (!`${k} (jit`.includes(only) && !k.includes(only)) return;
      for (const d of [jitOn, jitOff]) for (let i = 0; i < 2; i++) await fn(d);
      const on: number[] = [];
      const off: number[] = [];
      for (let i = 0; i < runs; i++) {
        on.push(await time(() => fn(jitOn)));
        off.push(await time(() => fn(jitOff)));
      }
      out[`${k} (jit = on)`] = stats(on);
      out[`${k} (jit = off)`] = stats(off);
      console.error(`${k}: jit on ${stats(on).p50.toFixed(1)} / off ${stats(off).p50.toFixed(1)} ms p50`);
    };
    await at('reference: one dossier by primary key', () =>
      sql`select * from dossiers where id = ${anyId}`.execute(db),
    );
    const onDate = '2025-12-01';
    const periods = [
      ['one month', period('2025-11-01', '2025-11-30')],
      ['five months', period('2025-07-01', '2025-11-30')],
      ['30 days (25 Oct – 23 Nov)', period('2025-10-25', '2025-11-23')],
    ] as const;
    for (const [pname, p] of periods) {
      const f = { scope: 'VN', ...p };
      const provinces = createWorkloadProvincesRepository(db);
      await at(`nation, ${pname}: workload per province`, () => provinces.provincesLoad(f));
      await at(`nation, ${pname}: workload per province, officials from the grants (before 0400)`, () =>
        provinces.provincesLoad(f, 'grants'),
      );
      await at(`nation, ${pname}: officials per province, kept (0400)`, () => provinces.officialsByProvince(p));
      await at(`nation, ${pname}: officials per province, from the grants (before)`, () =>
        provinces.officialsByProvince(p, 'grants'),
      );
      const [kept, grants] = [await provinces.provincesLoad(f), await provinces.provincesLoad(f, 'grants')];
      if (JSON.stringify(kept) !== JSON.stringify(grants)) throw new Error(`per-province loads differ, ${pname}`);
      const aggregates = createDossierAggregatesRepository(db);
      const range = { from: p.from, to: p.to };
      const province = { level: 'province' as const, provinceCode: busy.provinceCode };
      for (const [sname, scope] of [
        ['nation', { level: 'nation' as const }],
        ['province', province],
      ] as const) {
        await at(`${sname}, ${pname}: breakdown() without parallel workers`, () =>
          aggregates.breakdown(scope, range, 'entry'),
        );
        await at(`${sname}, ${pname}: breakdown() with parallel workers (before)`, () =>
          aggregates.breakdown(scope, range, 'entry', { parallel: true }),
        );
        await at(`${sname}, ${pname}: breakdown() on the service's pool (workers 0 and jit off at connection)`, () =>
          createDossierAggregatesRepository(service.db).breakdown(scope, range, 'entry'),
        );
        const [a, b] = [
          await aggregates.breakdown(scope, range, 'entry'),
          await aggregates.breakdown(scope, range, 'entry', { parallel: true }),
        ];
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`breakdown differs, ${sname}, ${pname}`);
      }
      // JIT: the dashboards' and the drill-down's reads, on and off
      const d = (x: Database) => x.db;
      await jit(`nation, ${pname}: breakdown()`, (x) =>
        createDossierAggregatesRepository(d(x)).breakdown({ level: 'nation' }, range, 'entry'),
      );
      await jit(`nation, ${pname}: breakdown() with parallel workers`, (x) =>
        createDossierAggregatesRepository(d(x)).breakdown({ level: 'nation' }, range, 'entry', { parallel: true }),
      );
      await jit(`nation, ${pname}: per procedure`, (x) =>
        createDossierAggregatesRepository(d(x)).procedures({ level: 'nation' }, range),
      );
      await jit(`nation, ${pname}: workload per province`, (x) =>
        createWorkloadProvincesRepository(d(x)).provincesLoad(f),
      );
      await jit(`province, ${pname}: workload per unit`, (x) =>
        createWorkloadRepository(d(x)).unitsLoad({ ...p, scope: busy.provinceCode }),
      );
      await jit(`nation, ${pname}: median time per step`, (x) => createWorkloadRepository(d(x)).stepDurations(f));
      await jit(`nation, ${pname}: 766 index counts`, (x) => createServiceIndexRepository(d(x)).counts(f));
      await jit(`commune ${busy.unitCode}, ${pname}: drill-down`, (x) =>
        createSupervisionDrilldownRepository(d(x)).breakdown({
          unitCode: busy.unitCode,
          fromAt: p.fromAt,
          toAt: p.toAt,
          onDate: p.to,
          now: new Date('2025-12-01T02:00:00Z'),
        }),
      );
    }
    const officials = createOfficialsRepository(db);
    await at('nation: communes without an online approver per province', () =>
      officials.countCommunesWithoutOnlineApproverByProvince(onDate),
    );
    await at('nation: communes without an online approver, 200 names and the total (before)', () =>
      officials.listCommunesWithoutOnlineApprover({ onDate, limit: 200, offset: 0 }),
    );
    const [per, list] = [
      await officials.countCommunesWithoutOnlineApproverByProvince(onDate),
      await officials.listCommunesWithoutOnlineApprover({ onDate, limit: 200, offset: 0 }),
    ];
    const sum = per.reduce((n, x) => n + x.without, 0);
    if (sum !== list.total) throw new Error(`approvers: per province ${sum} ≠ total ${list.total}`);
    await at('nation: leaders without a valid certificate per province', () =>
      officials.countLeadersWithoutValidCertificateByProvince(onDate),
    );
    await jit('nation: communes without an online approver per province', (x) =>
      createOfficialsRepository(x.db).countCommunesWithoutOnlineApproverByProvince(onDate),
    );
    const n = (await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(db)).rows[0]!.n;
    console.log(
      `\n${n.toLocaleString('en')} dossiers; busiest commune ${busy.unitCode} (province ${busy.provinceCode}); ` +
        `p50 / p95 of ${runs} runs, ms; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n`,
    );
    console.log('| Query | p50 / p95 ms |\n|---|---|');
    for (const [k, v] of Object.entries(out)) console.log(`| ${k} | ${v.p50.toFixed(1)} / ${v.p95.toFixed(1)} |`);
  } finally {
    await Promise.all([main.close(), jitOn.close(), jitOff.close(), service.close()]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

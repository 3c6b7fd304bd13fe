/**
 * The Decision 766 index and the workload page at scale (issue 15): p50 / p95 of the queries behind
 * `/api/supervision/service-index` (counts, one indicator's contributing dossiers) and `/api/supervision/workload`
 * (per-unit load, backlog by day, median time per step, moves) for the busiest commune, its province and the
 * nation, over one month and five months, next to a plain indexed lookup measured in the same run. Read-only.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_province npx tsx bench/supervision-index-workload.ts
 *   BENCH_DATA_DIR=/path/of/DATA_DIR npx tsx bench/supervision-index-workload.ts   (PGlite)
 *
 * The database is one written by `npm run generate -- --preset province|national` (clone it first with
 * `createdb -T` if others use it). Target (issue 15): every dashboard query p95 < 100 ms. BENCH_ONLY=<part of a
 * name> runs only those queries; the median per step and the 766 counts are also read as before migrations 0321
 * and 0322 (from the log and the dossiers: 1 warm-up, 2 runs) and both reads must give the same figures.
 */
import os from 'node:os';
import { vnStartOfDay } from '@mot-cua/contracts';
import { STEP_MEDIAN_RELATIVE_ERROR } from '@mot-cua/core';
import {
  createOfficialsRepository,
  createServiceIndexRepository,
  createWorkloadProvincesRepository,
  createWorkloadRepository,
  type DB,
  migrate,
  openDatabase,
} from '@mot-cua/db';
import { type Kysely, sql } from 'kysely';

const existing = process.env.BENCH_DATABASE_URL;
const runs = Number(process.env.BENCH_RUNS ?? 20);
/** Only the queries whose name contains this (e.g. `median time per step`), so a slow base is not run 22 times. */
const only = process.env.BENCH_ONLY ?? '';
/** BENCH_SKIP_BEFORE=1: only the reads the pages do now (no before-reads, no equality checks; a slow embedded base). */
const skipBefore = Boolean(process.env.BENCH_SKIP_BEFORE);

type Timing = { p50: number; p95: number };
async function p95(fn: () => Promise<unknown>, n = runs): Promise<Timing> {
  for (let i = 0; i < (n < runs ? 1 : 2); i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length * 0.5)]!, p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))]! };
}

function period(from: string, to: string) {
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from, to, fromAt: vnStartOfDay(from), toAt: vnStartOfDay(next.toISOString().slice(0, 10)) };
}

/** The workload's median per step as it was read before migration 0321 (base of the comparison). */
async function stepsFromLog(db: Kysely<DB>, f: { scope: string; fromAt: Date; toAt: Date }) {
  const inScope = f.scope === 'VN' ? sql`true` : sql`(e.unit_code = ${f.scope} or e.province_code = ${f.scope})`;
  const r = await sql<{ step: number; completed: number; medianHours: number }>`
    with a as (
      select x.dossier_id, x.type, x.at, (x.data->>'fromStep')::int as step,
        lag(x.at) over (partition by x.dossier_id order by x.seq) as prev_at
      from dossier_actions x
      join dossier_actions e on e.dossier_id = x.dossier_id and e.seq = 1
      where x.type in ('received', 'step_completed') and ${inScope}
    )
    select step, count(*)::int as completed,
      percentile_cont(0.5) within group (order by extract(epoch from (at - prev_at)) / 3600.0) as median_hours
    from a
    where type = 'step_completed' and prev_at is not null
      and at >= ${f.fromAt.toISOString()}::timestamptz and at < ${f.toAt.toISOString()}::timestamptz
    group by step order by step`.execute(db);
  return r.rows.map((x) => ({
    step: Number(x.step),
    completed: Number(x.completed),
    medianHours: Math.round(Number(x.medianHours) * 100) / 100,
  }));
}

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR; // or a PGlite data folder written by `DATA_DIR=… npm run generate`
  if (!existing && !dataDir) throw new Error('BENCH_DATABASE_URL or BENCH_DATA_DIR: a generated database is required');
  const database = await openDatabase({
    databaseUrl: existing,
    dataDir: dataDir ? `${dataDir}/pglite` : undefined,
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  try {
    await migrate(database);
    const db = database.db;
    const index = createServiceIndexRepository(db);
    const workload = createWorkloadRepository(db);
    const provinces = createWorkloadProvincesRepository(db);
    const n = (await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(db)).rows[0]!.n;
    const busy = (
      await sql<{ provinceCode: string; unitCode: string }>`
        select province_code, receiving_unit_code as unit_code from dossiers
        group by 1, 2 order by count(*) desc limit 1`.execute(db)
    ).rows[0]!;
    const anyId = (await sql<{ id: string }>`select id from dossiers limit 1`.execute(db)).rows[0]!.id;
    const out: Record<string, Timing> = {};
    const at = async (k: string, fn: () => Promise<unknown>, n = runs) => {
      if (!k.includes(only) && !k.startsWith('reference')) return;
      if (skipBefore && (k.includes('(before') || k.includes('exact'))) return;
      out[k] = await p95(fn, n);
      if (process.env.BENCH_VERBOSE) console.error(`${k}: ${out[k].p50.toFixed(1)} / ${out[k].p95.toFixed(1)} ms`);
    };
    await at('reference: one dossier by primary key', () =>
      sql`select * from dossiers where id = ${anyId}`.execute(db),
    );
    const periods = [
      ['one month', period('2025-11-01', '2025-11-30')],
      ['five months', period('2025-07-01', '2025-11-30')],
      // the pages' default period: the last 30 days, ragged at both ends
      ['30 days (25 Oct – 23 Nov)', period('2025-10-25', '2025-11-23')],
    ] as const;
    for (const [name, scope] of [
      ['commune', busy.unitCode],
      ['province', busy.provinceCode],
      ['nation', 'VN'],
    ] as const) {
      for (const [pname, p] of periods) {
        const f = { scope, ...p };
        await at(`${name}, ${pname}: 766 index counts`, () => index.counts(f));
        // before 0322 (every dossier of the scope with its look-ups), fewer runs; both must give the same figures
        await at(
          `${name}, ${pname}: 766 index counts, from the dossiers (before 0322)`,
          () => index.countsFromDossiers(f),
          2,
        );
        if (!skipBefore && `${name}, ${pname}: 766 index counts`.includes(only)) {
          const [kept, read] = [await index.counts(f), await index.countsFromDossiers(f)];
          if (JSON.stringify(kept) !== JSON.stringify(read)) {
            throw new Error(`766 counts differ for ${scope}, ${pname}: ${JSON.stringify({ kept, read })}`);
          }
          console.error(`${name}, ${pname}: 766 counts equal ${JSON.stringify(kept)}`);
        }
        // the contributing-dossier lists (0358: keyset walk of the kept facts): a dense figure, its second page by
        // `after`, a figure present in no generated dossier (the walk reads the whole range), and before (base())
        const list = { ...f, limit: 50, offset: 0, now: new Date('2025-12-01T02:00:00Z') };
        const online = { ...list, indicator: '3.3' as const, part: 'numerator' as const };
        await at(`${name}, ${pname}: 766 contributing dossiers (3.3 numerator, first page)`, () =>
          index.dossiers(online),
        );
        const first = await index.dossiers(online);
        const last = first.items.at(-1);
        const after = last ? { enteredAt: last.enteredAt, id: last.id } : undefined;
        await at(`${name}, ${pname}: 766 contributing dossiers (3.3 numerator, next page by keyset)`, () =>
          index.dossiers({ ...online, after }),
        );
        await at(
          `${name}, ${pname}: 766 contributing dossiers (4.3 numerator: none in the data, first page; empty figure: no walk)`,
          () => index.dossiers({ ...list, indicator: '4.3', part: 'numerator' }),
        );
        await at(
          `${name}, ${pname}: 766 contributing dossiers (3.3 numerator, first page), from base() (before 0358)`,
          () => index.dossiersFromDossiers(online),
          2,
        );
        if (!skipBefore && `${name}, ${pname}: 766 contributing dossiers (3.3 numerator, first page)`.includes(only)) {
          const [kept, read] = [await index.dossiers(online), await index.dossiersFromDossiers(online)];
          const second = [
            await index.dossiers({ ...online, after }),
            await index.dossiersFromDossiers({ ...online, offset: 50 }),
          ];
          if (
            JSON.stringify(kept) !== JSON.stringify(read) ||
            JSON.stringify(second[0]) !== JSON.stringify(second[1])
          ) {
            throw new Error(`766 lists differ for ${scope}, ${pname}`);
          }
          console.error(`${name}, ${pname}: 766 list pages 1 and 2 equal to base()'s (total ${kept.total})`);
        }
        await at(`${name}, ${pname}: workload per unit`, () => workload.unitsLoad(f));
        if (name === 'nation') {
          // what the nation's page reads since session 8: one row per province
          await at(`${name}, ${pname}: workload per province`, () => provinces.provincesLoad(f));
          if (!skipBefore && `${name}, ${pname}: workload per province`.includes(only)) {
            const [kept, counted] = [await provinces.provincesLoad(f), await provinces.provincesLoadFromDossiers(f)];
            if (JSON.stringify(kept) !== JSON.stringify(counted)) throw new Error(`province loads differ, ${pname}`);
            console.error(`${name}, ${pname}: per-province loads equal to the reads from the dossiers`);
          }
        }
        await at(
          `${name}, ${pname}: workload per unit, from the dossiers (before)`,
          () => workload.unitsLoadFromDossiers(f),
          2,
        );
        await at(`${name}, ${pname}: backlog by day`, () => workload.backlogByDay(f));
        await at(
          `${name}, ${pname}: backlog by day, from the dossiers (before 0356)`,
          () => workload.backlogByDayFromDossiers(f),
          2,
        );
        if (
          !skipBefore &&
          (`${name}, ${pname}: workload per unit`.includes(only) || `${name}, ${pname}: backlog by day`.includes(only))
        ) {
          const same = (a: unknown, b: unknown, what: string) => {
            if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what} differ for ${scope}, ${pname}`);
          };
          same(await workload.unitsLoad(f), await workload.unitsLoadFromDossiers(f), 'per-unit loads');
          same(await workload.backlogByDay(f), await workload.backlogByDayFromDossiers(f), 'backlogs');
          console.error(`${name}, ${pname}: per-unit load and backlog equal to the reads from the dossiers`);
        }
        await at(`${name}, ${pname}: median time per step`, () => workload.stepDurations(f));
        await at(`${name}, ${pname}: median time per step, exact (0321)`, () => workload.stepDurationsExact(f), 5);
        if (!skipBefore && `${name}, ${pname}: median time per step`.includes(only)) {
          const [kept, exact] = [await workload.stepDurations(f), await workload.stepDurationsExact(f)];
          const worst = Math.max(
            0,
            ...kept.map(
              (x, i) => Math.abs(x.medianHours - exact[i]!.medianHours) / Math.max(exact[i]!.medianHours, 1e-9),
            ),
          );
          const counts = JSON.stringify(kept.map((x) => x.completed)) === JSON.stringify(exact.map((x) => x.completed));
          if (!counts || worst > STEP_MEDIAN_RELATIVE_ERROR + 0.01) {
            throw new Error(`histogram medians off for ${scope}, ${pname}: ${JSON.stringify({ kept, exact })}`);
          }
          console.error(`${name}, ${pname}: histogram medians within ${(worst * 100).toFixed(2)} % of the exact ones`);
        }
        // before 0321 (the log read with a window per dossier), fewer runs; and the two must give the same figures
        await at(`${name}, ${pname}: median time per step, from the log (before 0321)`, () => stepsFromLog(db, f), 2);
        if (!skipBefore && `${name}, ${pname}: median time per step`.includes(only)) {
          const [kept, log] = [await workload.stepDurationsExact(f), await stepsFromLog(db, f)];
          if (JSON.stringify(kept) !== JSON.stringify(log)) {
            throw new Error(`step medians differ for ${scope}, ${pname}: ${JSON.stringify({ kept, log })}`);
          }
          console.error(
            `${name}, ${pname}: step medians equal (${kept.length} steps, ${kept.reduce((a, x) => a + x.completed, 0)} completions)`,
          );
        }
        await at(`${name}, ${pname}: transfers and secondments`, () => workload.moves(f));
        const officials = createOfficialsRepository(db);
        const onDate = '2025-12-01';
        const province = name === 'nation' ? {} : { provinceCode: busy.provinceCode };
        await at(`${name}, ${pname}: readiness, communes without an online approver`, () =>
          officials.listCommunesWithoutOnlineApprover({ onDate, ...province, limit: 200, offset: 0 }),
        );
        await at(`${name}, ${pname}: readiness, leaders without a valid certificate`, () =>
          officials.listLeadersWithoutValidCertificate({
            onDate,
            ...(name === 'province' ? { provinceCode: busy.provinceCode } : {}),
            ...(name === 'commune' ? { unitCode: busy.unitCode } : {}),
            limit: 500,
          }),
        );
        if (name === 'nation') {
          await at(`${name}, ${pname}: readiness, leaders without a valid certificate per province`, () =>
            officials.countLeadersWithoutValidCertificateByProvince(onDate),
          );
        }
      }
    }
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
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * GET /api/dossiers/stats before and after it read the aggregate tables (issue 15, task 15s), on a clone of the
 * `province` preset. Base and new are alternated run by run, so both see the same load; p50/p95
 * wall-clock (an upper bound on a loaded machine) and CPU ms per operation of this process and of the database's
 * backends (bench/cpu-accounting.ts), with the load average.
 *
 *   createdb -h 127.0.0.1 -U postgres -T moc_province moc_15s
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_15s npm run migrate && vacuumdb -h 127.0.0.1 -U postgres -z moc_15s
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_15s npx tsx bench/supervision-stats.ts
 *
 * Read only; BENCH_RUNS (default 20) timed runs of each after 2 warm-ups.
 */
import { loadavg } from 'node:os';
import { statsPeriod } from '@mot-cua/core';
import {
  type AggregateScope,
  createDossierDeadlinePort,
  createDossiersRepository,
  createStatsFromAggregatesRepository,
  openDatabase,
} from '@mot-cua/db';
import { sql } from 'kysely';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/moc_15s';
const dbName = new URL(url).pathname.slice(1);
const runs = Number(process.env.BENCH_RUNS ?? 20);

type Stat = { t: number[]; cpu: number; pg: number };

async function main() {
  const database = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  const db = database.db;
  try {
    const busy = (
      await sql<{ provinceCode: string; unitCode: string }>`
        select entry_province_code as province_code, entry_unit_code as unit_code from dossiers
        group by 1, 2 order by count(*) desc limit 1`.execute(db)
    ).rows[0]!;
    const now = new Date('2025-11-30T10:00:00Z');
    const deadlines = createDossierDeadlinePort(db);
    const marksOf = async (units: Array<{ unitCode: string; provinceCode: string }>) => {
      const m = new Map<string, Date>();
      for (const u of units) if (!m.has(u.unitCode)) m.set(u.unitCode, await deadlines.dueSoonBefore({ ...u, now }));
      return m;
    };
    const dossiers = createDossiersRepository(db);
    const fromAgg = createStatsFromAggregatesRepository(db);
    const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [];
    for (const [name, from, to] of [
      ['one month', '2025-11-01', '2025-11-30'],
      ['5 months', '2025-07-01', '2025-11-30'],
    ] as const) {
      const p = statsPeriod(now, from, to);
      for (const [what, scopes, agg] of [
        [`province ${busy.provinceCode}`, [busy.provinceCode], { level: 'province', provinceCode: busy.provinceCode }],
        [
          `busiest commune ${busy.unitCode}`,
          [busy.unitCode],
          { level: 'commune', provinceCode: busy.provinceCode, unitCode: busy.unitCode },
        ],
      ] as Array<[string, string[], AggregateScope]>) {
        const scope = { scopes, fromAt: p.fromAt, toAt: p.toAt, asOf: to };
        cases.push([
          `stats, ${what}, ${name}`,
          async () => {
            const marks = await marksOf(await dossiers.statsOpenUnits(scope));
            return dossiers.stats({ ...scope, groupBy: 'unit', now, dueSoonMarks: marks });
          },
          async () => {
            const marks = await marksOf(await fromAgg.openUnits([agg], p, 'entry', now));
            return fromAgg.counts([agg], p, 'entry', now, marks);
          },
        ]);
      }
    }
    console.log(
      `load average at start: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    for (const [name, base, next] of cases) {
      const s: Record<'base' | 'new', Stat> = { base: { t: [], cpu: 0, pg: 0 }, new: { t: [], cpu: 0, pg: 0 } };
      // a base that fails (the API's 30 s statement limit) is reported as such and not run again
      let baseFailed: string | null = null;
      const tryBase = async () => {
        try {
          await base();
        } catch (e) {
          baseFailed = (e as Error).message;
        }
      };
      await tryBase();
      await next();
      for (let i = 0; i < runs; i++) {
        for (const k of ['base', 'new'] as const) {
          if (k === 'base' && baseFailed) continue;
          const pg = trackBackendCpu(dbName, 20);
          const c0 = selfCpuMs().self;
          const t0 = performance.now();
          if (k === 'base') await tryBase();
          else await next();
          s[k].t.push(performance.now() - t0);
          s[k].cpu += selfCpuMs().self - c0;
          s[k].pg += pg.stop();
        }
      }
      const fmt = (x: Stat) => {
        if (x === s.base && baseFailed) return `failed: ${baseFailed}`;
        const t = [...x.t].sort((a, b) => a - b);
        const q = (f: number) => t[Math.min(t.length - 1, Math.floor(t.length * f))]!.toFixed(0);
        return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, CPU ${(x.cpu / runs).toFixed(0)} ms node + ${(x.pg / runs).toFixed(0)} ms pg`;
      };
      console.log(`${name}\n  base: ${fmt(s.base)}\n  new:  ${fmt(s.new)}   (load ${loadavg()[0]!.toFixed(1)})`);
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

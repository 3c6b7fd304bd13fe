/**
 * Ragged periods and the drill-down (issue 15, session 5), base against new, alternated in the same minutes on a
 * database generated with the `province` preset and migrated (0305 week segments, 0306 covering indexes):
 *
 *   createdb -h 127.0.0.1 -U postgres -T moc_province moc_15w
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_15w npm run migrate && vacuumdb -h 127.0.0.1 -U postgres -z moc_15w
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/moc_15w npx tsx bench/supervision-ragged.ts
 *
 * Base of a ragged read: the same query as before 0305 (whole months, then every day of the partial months); new:
 * the repository (whole months, week segments, ≤ 6 days at each end). Base of the drill-down: the same query with
 * index-only scans off (the plan before 0306: the index, then every dossier's row and action pages); new: as is.
 * For each: wall p50 / p95 and the CPU per read (the database's backends, from /proc, plus this process), since
 * wall-clock on a shared machine is an upper bound. BENCH_ROUNDS (default 5) × BENCH_BLOCK (default 10) reads of
 * each (the drill-down BENCH_DRILL_ROUNDS, default 2), base and new blocks alternating, one line printed per read. Read
 * only.
 */
import os from 'node:os';
import { drillFromCounts, splitPeriodByMonths, statsPeriod } from '@mot-cua/core';
import {
  type AggregateScope,
  createDossierAggregatesRepository,
  createSupervisionDrilldownRepository,
  openDatabase,
} from '@mot-cua/db';
import { type Kysely, sql } from 'kysely';
import { selfCpuMs, trackBackendCpu } from './cpu-accounting.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/moc_15w';
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const block = Number(process.env.BENCH_BLOCK ?? 10);
const drillRounds = Number(process.env.BENCH_DRILL_ROUNDS ?? 2);
const dbName = new URL(url).pathname.slice(1);

/** The rows of a scope's level below over a period as read before 0305: months, then the partial months' days. */
// biome-ignore lint/suspicious/noExplicitAny: the bench reads raw rows
function baseBreakdown(db: Kysely<any>, scope: AggregateScope, period: { from: string; to: string }) {
  const nation = scope.level === 'nation';
  const code = sql.raw(nation ? 'province_code' : 'unit_code');
  const where =
    scope.level === 'nation'
      ? sql`perspective = 'e'`
      : sql`perspective = 'e' and province_code = ${scope.provinceCode}`;
  const split = splitPeriodByMonths(period.from, period.to);
  const parts = [
    ...(split.months
      ? [
          sql`select ${code} as code, * from ${sql.raw(nation ? 'dossier_province_month_totals' : 'dossier_unit_month_totals')}
            where ${where} and month between ${split.months.from}::date and ${split.months.to}::date`,
        ]
      : []),
    ...split.days.map(
      (
        d,
      ) => sql`select ${code} as code, * from ${sql.raw(nation ? 'dossier_province_day_totals' : 'dossier_unit_day_totals')}
        where ${where} and day between ${d.from}::date and ${d.to}::date`,
    ),
  ].map(
    (p) => sql`select code, channel, received, in_progress, finished_early, finished_on_time, finished_late,
      finished_no_deadline, refused, withdrawn, stopped, supplement_requests, supplemented_dossiers, rating_sum,
      rating_count, processing_hours_sum, processed_count from (${p}) y`,
  );
  return sql`select code, sum(received)::float8, sum(in_progress)::float8, sum(finished_early)::float8,
      sum(finished_on_time)::float8, sum(finished_late)::float8, sum(finished_no_deadline)::float8,
      sum(refused)::float8, sum(withdrawn)::float8, sum(stopped)::float8, sum(supplement_requests)::float8,
      sum(supplemented_dossiers)::float8, sum(rating_sum)::float8, sum(rating_count)::float8,
      sum(processing_hours_sum)::float8, sum(processed_count)::float8,
      sum(received) filter (where channel = 'online')::float8
    from (${sql.join(parts, sql` union all `)}) x group by code having sum(received) <> 0 order by code`.execute(db);
}

/** The procedure table over a period as read before 0305 (months per province, partial months' days). */
// biome-ignore lint/suspicious/noExplicitAny: the bench reads raw rows
function baseProcedures(db: Kysely<any>, provinceCode: string | null, period: { from: string; to: string }) {
  const p = provinceCode ? sql`and province_code = ${provinceCode}` : sql``;
  const split = splitPeriodByMonths(period.from, period.to);
  const parts = [
    ...(split.months
      ? [
          sql`select procedure_code, received, finished_late, refused, supplemented_dossiers, processing_hours_sum,
            processed_count, limit_days_sum, limit_count from dossier_procedure_month_totals
            where month between ${split.months.from}::date and ${split.months.to}::date ${p}`,
        ]
      : []),
    ...split.days.map(
      (d) => sql`select procedure_code, received, finished_late, refused, supplemented_dossiers, processing_hours_sum,
        processed_count, limit_days_sum, limit_count from dossier_procedure_province_day_totals
        where day between ${d.from}::date and ${d.to}::date ${p}`,
    ),
  ];
  return sql`select procedure_code, sum(received)::int, sum(finished_late)::int, sum(refused)::int,
      sum(supplemented_dossiers)::int, sum(processing_hours_sum)::float8, sum(processed_count)::int,
      sum(limit_days_sum)::float8, sum(limit_count)::int
    from (${sql.join(parts, sql` union all `)}) x group by procedure_code order by sum(received) desc, procedure_code
    limit 20`.execute(db);
}

type Stats = { wall: number[]; cpu: number; n: number };
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;

async function timed(stats: Stats, fn: () => Promise<unknown>) {
  const backends = trackBackendCpu(dbName, 50);
  const self0 = selfCpuMs().self;
  for (let i = 0; i < block; i++) {
    const s = performance.now();
    await fn();
    stats.wall.push(performance.now() - s);
  }
  stats.cpu += backends.stop() + (selfCpuMs().self - self0);
  stats.n += block;
}

async function main() {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2, statementTimeoutMs: 0 });
  const db = database.db;
  try {
    const agg = createDossierAggregatesRepository(db);
    const busy = (
      await sql<{ provinceCode: string; unitCode: string }>`
        select province_code, unit_code from dossier_unit_month_totals where perspective = 'e'
        group by 1, 2 order by sum(received) desc limit 1`.execute(db)
    ).rows[0]!;
    const ragged = { from: '2025-07-10', to: '2025-11-20' };
    const prev30 = { from: '2025-10-02', to: '2025-10-31' };
    const province = { level: 'province', provinceCode: busy.provinceCode } as const;
    const nation = { level: 'nation' } as const;
    const now = new Date('2025-11-30T10:00:00Z');
    const month = statsPeriod(now, '2025-11-01', '2025-11-30');
    const five = statsPeriod(now, '2025-07-01', '2025-11-30');
    const drill = (p: typeof month, indexOnly: boolean) => () =>
      db.transaction().execute(async (trx) => {
        if (!indexOnly) await sql`set local enable_indexonlyscan = off`.execute(trx);
        const d = await createSupervisionDrilldownRepository(trx).breakdown({
          unitCode: busy.unitCode,
          fromAt: p.fromAt,
          toAt: p.toAt,
          onDate: p.to,
          now,
        });
        return drillFromCounts(d);
      });
    const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      [
        'province: rows per commune, 10 Jul – 20 Nov',
        () => baseBreakdown(db, province, ragged),
        () => agg.breakdown(province, ragged, 'entry'),
      ],
      [
        'province: rows per commune, 2 Oct – 31 Oct',
        () => baseBreakdown(db, province, prev30),
        () => agg.breakdown(province, prev30, 'entry'),
      ],
      [
        'nation: rows per province, 10 Jul – 20 Nov',
        () => baseBreakdown(db, nation, ragged),
        () => agg.breakdown(nation, ragged, 'entry'),
      ],
      [
        'province: per procedure, 10 Jul – 20 Nov',
        () => baseProcedures(db, busy.provinceCode, ragged),
        () => agg.procedures(province, ragged),
      ],
      [
        'nation: per procedure, 10 Jul – 20 Nov',
        () => baseProcedures(db, null, ragged),
        () => agg.procedures(nation, ragged),
      ],
      ['drill-down of the busiest commune, one month', drill(month, false), drill(month, true)],
      ['drill-down of the busiest commune, 5 months', drill(five, false), drill(five, true)],
    ];
    // BENCH_ONLY=drill (a part of the name) measures only the matching reads
    const only = process.env.BENCH_ONLY;
    if (only) cases.splice(0, cases.length, ...cases.filter(([name]) => name.includes(only)));
    const stats = cases.map(() => ({
      base: { wall: [], cpu: 0, n: 0 } as Stats,
      next: { wall: [], cpu: 0, n: 0 } as Stats,
    }));
    for (const [, base, next] of cases) await Promise.all([base(), next()]); // warm
    console.log(
      `Busiest commune ${busy.unitCode} (province ${busy.provinceCode}); ${rounds} × ${block} reads each (drill-down: ${drillRounds} × ${block}), base and new blocks alternating\n`,
    );
    console.log(
      '| Read | base p50 / p95 ms | new p50 / p95 ms | base CPU ms/read | new CPU ms/read | load average |\n|---|---|---|---|---|---|',
    );
    for (const [i, [name, base, next]] of cases.entries()) {
      const load0 = os.loadavg()[0]!.toFixed(1);
      for (let r = 0; r < (name.startsWith('drill') ? drillRounds : rounds); r++) {
        await timed(stats[i]!.base, base);
        await timed(stats[i]!.next, next);
      }
      const s = stats[i]!;
      const f = (x: Stats) => `${pct(x.wall, 0.5).toFixed(1)} / ${pct(x.wall, 0.95).toFixed(1)}`;
      console.log(
        `| ${name} | ${f(s.base)} | ${f(s.next)} | ${(s.base.cpu / s.base.n).toFixed(1)} | ${(s.next.cpu / s.next.n).toFixed(1)} | ${load0} → ${os.loadavg()[0]!.toFixed(1)} |`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The supervision pages' own reads (issue 15, the pages) on data already generated with the `province` preset: the
 * drill-down below a commune (counts per figure, official and department: finished dossiers from the counts kept by
 * team, 0410, open ones from the entry index and the kept handlers, 0390), one page of its dossier list (keyset), and the dashboard's two additions (the open split of the 766 on-time rate, feedback
 * 5.2/5.3), next to a plain indexed lookup (one dossier by primary key) measured in the same run.
 *
 *   createdb -h 127.0.0.1 -U postgres wt15a_province
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt15a_province nice -n 10 npm run generate -- --preset province
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt15a_province npx tsx bench/supervision-drilldown.ts
 *
 * The database is read only; BENCH_RUNS (default 50) timed runs after 3 warm-ups.
 */
import { drillBreakdown, drillDossiers, drillFromCounts, statsPeriod } from '@mot-cua/core';
import {
  createOpenEntriesRepository,
  createSupervisionDrilldownRepository,
  createSupervisionFeedbackRepository,
  openDatabase,
} from '@mot-cua/db';
import { sql } from 'kysely';
import { referenceRead } from '../packages/db/src/repositories/supervision-drilldown.reference.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wt15a_province';
const runs = Number(process.env.BENCH_RUNS ?? 50);

async function p95(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length / 2)]!, p95: t[Math.floor(t.length * 0.95)]! };
}

async function main() {
  const database = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  const db = database.db;
  try {
    const size = await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(db);
    const busy = (
      await sql<{ provinceCode: string; unitCode: string; n: number }>`
        select entry_province_code as province_code, entry_unit_code as unit_code, count(*)::int as n
        from dossiers group by 1, 2 order by count(*) desc limit 1`.execute(db)
    ).rows[0]!;
    const anyId = (await sql<{ id: string }>`select id from dossiers limit 1`.execute(db)).rows[0]!.id;
    const now = new Date('2025-11-30T10:00:00Z');
    const month = statsPeriod(now, '2025-11-01', '2025-11-30');
    const five = statsPeriod(now, '2025-07-01', '2025-11-30');
    const drill = createSupervisionDrilldownRepository(db);
    const open = createOpenEntriesRepository(db);
    const feedback = createSupervisionFeedbackRepository(db);
    const commune = { level: 'commune', provinceCode: busy.provinceCode, unitCode: busy.unitCode } as const;
    const province = { level: 'province', provinceCode: busy.provinceCode } as const;
    const scope = (p: typeof month) => ({
      unitCode: busy.unitCode,
      fromAt: p.fromAt,
      toAt: p.toAt,
      onDate: p.to,
      now,
    });
    const read = (p: typeof month) => async () => drillFromCounts(await drill.breakdown(scope(p)));
    const monthRows = await drill.dossiers(scope(month), {}, { limit: 1 });
    // the official who handled the most dossiers of the five months, and the page after the first of theirs
    const top = (await drill.breakdown(scope(five))).officials
      .map((o) => ({ id: o.userId, n: o.counts.reduce((s, c) => s + c.n, 0) }))
      .sort((a, b) => b.n - a.n)[0];
    const first = await drill.dossiers(scope(five), { userId: top?.id ?? '' }, { limit: 50 });
    const deptFirst = await drill.dossiers(scope(five), { departmentId: null }, { limit: 50 });
    // before: the read this replaces (every dossier and its actions, core's breakdown in Node), in the same minutes
    const before = (p: typeof month) => async () => {
      const r = await referenceRead(db, scope(p));
      return drillBreakdown(r.dossiers, r.officials, now);
    };
    const rows: Array<[string, () => Promise<unknown>]> = [
      ['reference: one dossier by primary key', () => sql`select * from dossiers where id = ${anyId}`.execute(db)],
      ['drill-down of the busiest commune, one month', read(month)],
      ['drill-down of the busiest commune, 5 months', read(five)],
      ['before (the old read): drill-down, one month', before(month)],
      ['before (the old read): drill-down, 5 months', before(five)],
      [
        'before (the old read): list, one page of the commune’s overdue dossiers, one month',
        async () => {
          const r = await referenceRead(db, scope(month));
          return drillDossiers(r.dossiers, r.officials, { departmentId: null, bucket: 'overdue' }, now).slice(0, 50);
        },
      ],
      [
        'drill-down list: one page of the commune’s overdue dossiers, one month',
        () => drill.dossiers(scope(month), { departmentId: null, bucket: 'overdue' }, { limit: 50 }),
      ],
      [
        'drill-down list: a department’s (none) first page, 5 months',
        () => drill.dossiers(scope(five), { departmentId: null }, { limit: 50 }),
      ],
      [
        'drill-down list: second page (keyset) of the busiest official’s dossiers, 5 months',
        () => drill.dossiers(scope(five), { userId: top?.id ?? '' }, { limit: 50, after: first.next ?? undefined }),
      ],
      [
        'drill-down list: the same second page with the first page’s total (not counted again), 5 months',
        () =>
          drill.dossiers(
            scope(five),
            { userId: top?.id ?? '' },
            { limit: 50, after: first.next ?? undefined, total: first.total },
          ),
      ],
      [
        'drill-down list: a department’s (none) second page with the first page’s total, 5 months',
        () =>
          drill.dossiers(
            scope(five),
            { departmentId: null },
            { limit: 50, after: deptFirst.next ?? undefined, total: deptFirst.total },
          ),
      ],
      ['dashboard open split (766 on-time), province, one month', () => open.openSplit(province, month, 'entry', now)],
      ['dashboard open split (766 on-time), province, 5 months', () => open.openSplit(province, five, 'entry', now)],
      ['dashboard open split (766 on-time), commune, 5 months', () => open.openSplit(commune, five, 'entry', now)],
      ['dashboard feedback 5.2/5.3, province, 5 months', () => feedback.indexGroups(province, five, now)],
    ];
    console.log(
      `${size.rows[0]!.n.toLocaleString('en')} dossiers; busiest commune ${busy.unitCode} (${busy.n.toLocaleString('en')} dossiers in 5 months, ${monthRows.total.toLocaleString('en')} in November; busiest official ${top?.n ?? 0} dossiers in 5 months); ${runs} runs`,
    );
    console.log('| Read | p50 ms | p95 ms |\n|---|---|---|');
    for (const [name, fn] of rows) {
      const r = await p95(fn);
      console.log(`| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

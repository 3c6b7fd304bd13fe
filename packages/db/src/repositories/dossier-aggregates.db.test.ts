import { createScratchDatabase, fixedClock } from '@mot-cua/test-kit';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { migrate } from '../migrate.js';
import { type AggregateScope, createDossierAggregatesRepository } from './dossier-aggregates.repository.js';
import { handlersAgree, indexCountsAgree } from './dossier-aggregates-index-test-helpers.js';
import { MIX_EXAMPLE, mixArbs, runMix } from './dossier-aggregates-mix-test-helpers.js';
import {
  stepDurationsFromLog,
  stepDurationsKept,
  stepHistogramsAgree,
  stepMediansAgree,
  wholeDayPeriods,
  workloadAgrees,
} from './dossier-aggregates-steps-test-helpers.js';
import {
  dashboardReadsAgree,
  expectedFromLog,
  monthlyRollUp,
  openDueAgrees,
  unitTotalsAgree,
} from './dossier-aggregates-totals-test-helpers.js';

// This file recounts every aggregate, so it runs on its own database (a scratch one on PostgreSQL).
// The mix is in dossier-aggregates-mix-test-helpers.ts, the checks in dossier-aggregates-{totals,steps,index}-….
let database: Database;
let drop: (() => Promise<void>) | undefined;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 Vietnam time

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url);
    drop = scratch.drop;
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrate(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

/** The id ranges the batches recount, one after the other. */
const HALVES: Array<[string, string | null]> = [
  ['00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'],
  ['80000000-0000-0000-0000-000000000000', null],
];

/** The recount command's batches (entries by id range, then month by month, each in its own transaction). */
async function recountInBatches(): Promise<void> {
  const db = database.db;
  const inTx = <T>(fn: (r: ReturnType<typeof createDossierAggregatesRepository>) => Promise<T>) =>
    db.transaction().execute((trx) => fn(createDossierAggregatesRepository(trx)));
  for (const [from, to] of HALVES) await inTx((r) => r.recountEntries(from, to));
  await sql`delete from dossier_step_durations`.execute(db); // so the batches alone must rebuild them
  for (const [from, to] of HALVES) await inTx((r) => r.recountStepDurations(from, to));
  await sql`delete from dossier_index_facts`.execute(db);
  for (const [from, to] of HALVES) await inTx((r) => r.recountIndexFacts(from, to));
  for (const month of await inTx((r) => r.recountMonths())) await inTx((r) => r.recountMonth(month));
  await inTx((r) => r.recountIndexTotals());
  // the histograms' own rebuild from the durations (the command's last step), from empty tables
  await sql`delete from dossier_step_hist_days`.execute(db);
  await sql`delete from dossier_step_hist_months`.execute(db);
  await inTx((r) => r.recountStepHistograms());
  await sql`delete from dossier_backlog_day_totals`.execute(db);
  await inTx((r) => r.recountBacklog());
  await sql`delete from dossier_open_due_day_totals`.execute(db);
  await sql`delete from dossier_open_handling_totals`.execute(db);
  await inTx((r) => r.recountOpenDue());
  await sql`delete from dossier_handlers`.execute(db);
  for (const [from, to] of HALVES) await inTx((r) => r.recountHandlers(from, to));
}

describe('dossier aggregates', () => {
  it('equal the recount from the log after a random mix of actions and a merge (re-homing)', async () => {
    await fc.assert(
      fc.asyncProperty(...mixArbs, async (plans, afterMerge, sides) => {
        clock.set('2026-03-02T02:00:00Z');
        const { A, B, provinceCode } = await runMix(database, clock, [plans, afterMerge, sides]);
        const db = database.db;
        const units = [A, B];
        const scopes = [A, B, provinceCode];
        const expected = await expectedFromLog(db, units);
        await unitTotalsAgree(db, units, expected);
        await dashboardReadsAgree(db, provinceCode, units, expected);
        // The step durations recorded at each hand-over are the log's, and the workload's medians read from them
        // are the ones read from the log (a commune, its province; a period cutting through the mix and a wide one).
        // The 766 index's counts kept per unit and day are those read from the dossiers.
        await indexCountsAgree(db, scopes, clock.now());
        await handlersAgree(db);
        const steps = await stepDurationsFromLog(db);
        expect(await stepDurationsKept(db)).toEqual(steps);
        await stepMediansAgree(db, scopes, clock.now());
        await stepHistogramsAgree(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        await workloadAgrees(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        const openScopes: AggregateScope[] = [
          { level: 'nation' },
          { level: 'province', provinceCode },
          ...units.map((unitCode) => ({ level: 'commune' as const, provinceCode, unitCode })),
        ];
        await openDueAgrees(db, clock.now(), openScopes);
        const rollUp = await monthlyRollUp(db);
        // The recount from the log gives the same totals, and the same month rows as were maintained.
        await db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
        await unitTotalsAgree(db, units, expected);
        expect(await monthlyRollUp(db)).toEqual(rollUp);
        expect(await stepDurationsKept(db)).toEqual(steps);
        await stepHistogramsAgree(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        await workloadAgrees(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        await indexCountsAgree(db, scopes, clock.now());
        await handlersAgree(db);
        await dashboardReadsAgree(db, provinceCode, units, expected);
        await openDueAgrees(db, clock.now(), openScopes);
        // The command's batches too.
        await recountInBatches();
        await openDueAgrees(db, clock.now(), openScopes);
        await handlersAgree(db);
        expect(await stepDurationsKept(db)).toEqual(steps);
        await stepHistogramsAgree(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        await workloadAgrees(db, [...scopes, 'VN'], wholeDayPeriods(clock.now()));
        await indexCountsAgree(db, scopes, clock.now());
        await unitTotalsAgree(db, units, expected);
        expect(await monthlyRollUp(db)).toEqual(rollUp);
      }),
      { numRuns: 8, examples: [MIX_EXAMPLE] },
    );
    // The mix reached finished, open and closed dossiers (else the property proves little).
    const seen = await sql<{ status: string; rated: number }>`
      select status, count(rating_level)::int as rated from dossiers group by status`.execute(database.db);
    const statuses = seen.rows.map((r) => r.status);
    const some = (of: string[]) => statuses.some((x) => of.includes(x));
    expect(some(['result_ready', 'returned'])).toBe(true);
    expect(some(['received', 'processing', 'supplement_requested'])).toBe(true);
    expect(some(['refused', 'withdrawn', 'stopped'])).toBe(true);
    expect((await stepDurationsKept(database.db)).length).toBeGreaterThan(0);
    const kept = await sql<{ n: number }>`
      select count(*)::int as n from dossier_index_facts
      where synced and reused and with_result_file and digitized and paid_online`.execute(database.db);
    expect(kept.rows[0]?.n).toBeGreaterThan(0);
  }, 300_000);
});

/**
 * `npm run aggregates:recount`: rebuild the supervision aggregates (migrations 0160, 0220, 0221, 0305, 0320), the
 * step durations (0321) with their histograms (0355), the 766 index's inputs (0322), the workload's backlog totals
 * (0356), the open dossiers by due day (0380), who acted on which dossier (0390, the drill-down's) and the drill-down's
 * finished dossiers by team (0410, month by month after the handlers) from the dossiers' action logs and rows, and the
 * officials per province (0400) from the role grants. The triggers keep them in step with every write; this is the
 * repair and the check.
 *
 * In batches, one transaction each, with progress (issue 15: the one-statement recount of 300,000 dossiers ran into
 * the pool's statement time-out): the entries, step durations and index facts of the dossiers by id range (1/64 of
 * the id space per batch), then the totals month by month of entry (each month's tables are locked against writers
 * while it is rebuilt, so a write waits and then applies its delta to the rebuilt rows), then the index's totals
 * from its facts, then the step histograms from the durations, then the backlog totals and the open dossiers by due
 * day from the dossiers, then the officials per province from the role grants (0400). The maintenance connection has its own statement time-out
 * (DB_MAINTENANCE_STATEMENT_TIMEOUT_MS, default 15 min), far above the API's, that bounds one batch, not the whole
 * run.
 */
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { createDossierAggregatesRepository, openDatabase } from '@mot-cua/db';

const ID_BATCHES = 64;

/** The id space's lower bounds: 64 ranges by the first 6 bits of the uuid. */
function idBounds(): string[] {
  return Array.from({ length: ID_BATCHES }, (_, i) => {
    const hex = (i * (256 / ID_BATCHES)).toString(16).padStart(2, '0');
    return `${hex}000000-0000-0000-0000-000000000000`;
  });
}

/** The first of the month after `month` (YYYY-MM-01). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

async function main() {
  const config = loadConfig(process.env);
  const database = await openDatabase({ ...databaseOptions(config, 'maintenance'), poolSize: 1 });
  const inTx = <T>(fn: (repo: ReturnType<typeof createDossierAggregatesRepository>) => Promise<T>) =>
    database.db.transaction().execute((trx) => fn(createDossierAggregatesRepository(trx)));
  const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
  try {
    const started = performance.now();
    console.log(`Recounting the aggregates from the action log (${describeDatabase(config)})`);
    const bounds = idBounds();
    let fixed = 0;
    let steps = 0;
    for (const [i, lo] of bounds.entries()) {
      fixed += await inTx((r) => r.recountEntries(lo, bounds[i + 1] ?? null));
      steps += await inTx((r) => r.recountStepDurations(lo, bounds[i + 1] ?? null));
      await inTx((r) => r.recountIndexFacts(lo, bounds[i + 1] ?? null));
      await inTx((r) => r.recountHandlers(lo, bounds[i + 1] ?? null));
      if ((i + 1) % 16 === 0) {
        console.log(
          `  entries: ${i + 1}/${bounds.length} id ranges, ${fixed} dossiers corrected, ${steps} step durations (${seconds(started)} s)`,
        );
      }
    }
    const months = await inTx((r) => r.recountMonths());
    for (const [i, month] of months.entries()) {
      const t = performance.now();
      const n = await inTx((r) => r.recountMonth(month));
      await inTx((r) => r.recountDrillFinished(month, nextMonth(month)));
      console.log(`  month ${month.slice(0, 7)} (${i + 1}/${months.length}): ${n} dossiers in ${seconds(t)} s`);
    }
    const indexRows = await inTx((r) => r.recountIndexTotals());
    console.log(`  the 766 index's inputs: ${indexRows} unit-day rows`);
    const histRows = await inTx((r) => r.recountStepHistograms());
    console.log(`  the step-duration histograms: ${histRows} day rows`);
    const backlogRows = await inTx((r) => r.recountBacklog());
    console.log(`  the workload's backlog: ${backlogRows} scope-day rows`);
    const openDueRows = await inTx((r) => r.recountOpenDue());
    console.log(`  the open dossiers by due day: ${openDueRows} scope-day rows`);
    const staffSpans = await inTx((r) => r.recountStaff());
    console.log(`  the officials per province: ${staffSpans} spans`);
    console.log(`Aggregates recounted from the action log in ${seconds(started)} s`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

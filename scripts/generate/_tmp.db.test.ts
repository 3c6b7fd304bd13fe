import {
  type AggregateCounts,
  addAggregateCounts,
  aggregateDossierFromLog,
  applyDossierAction,
  type DossierState,
  deriveDossierState,
  dossierContribution,
  emptyAggregateCounts,
  initialDossierState,
  refuseTransition,
} from '@mot-cua/core';
import {
  createDossierAggregatesRepository,
  createDossiersRepository,
  type Database,
  deferIndexes,
  loadMasterData,
  migrate,
  openDatabase,
} from '@mot-cua/db';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';

// The generator writes into the shipped communes and recounts every aggregate: its own database.
let database: Database;
let drop: (() => Promise<void>) | undefined;

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
  await loadMasterData(database);
}, 300_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('npm run generate -- --preset small', () => {
  it('recounts to the same aggregates the triggers keep when the same rows are written the ordinary way', async () => {
    let t = performance.now();
    const lap = (n: string) => { console.log(n, Math.round(performance.now() - t)); t = performance.now(); };
    await generate(database, { preset: 'small', seed: 11 });
    lap('generate');
    const recounted = await aggregateTables();
    lap('tables');
    if (process.env.NO_HANDLERS) await sql`drop trigger dossier_actions_handlers on dossier_actions; drop trigger dossiers_handlers_entry on dossiers`.execute(database.db);
    // the same dossiers and logs written again with every trigger on, the aggregates kept by them from empty
    await database.db.transaction().execute(async (trx) => {
      await sql`create temp table g_d on commit drop as select * from dossiers`.execute(trx);
      await sql`create temp table g_a on commit drop as select * from dossier_actions`.execute(trx);
      await sql`create temp table g_f on commit drop as select * from feedback_items`.execute(trx);
      await sql`truncate dossiers, dossier_actions, feedback_items cascade`.execute(trx);
      await sql.raw(`truncate ${AGGREGATE_TABLES.join(', ')}`).execute(trx);
      // as a receipt writes it: no entry, supplement count or rating yet (the log's trigger sets them)
      await sql`insert into dossiers select * from g_d`.execute(trx);
      await sql`update dossiers set entry_unit_code = null, entry_province_code = null, entry_at = null,
        supplement_count = 0, rating_level = null`.execute(trx);
      await sql`insert into dossier_actions select * from g_a order by seq, dossier_id`.execute(trx);
      await sql`insert into feedback_items select * from g_f`.execute(trx);
    });
    lap('ordinary');
    const maintained = await aggregateTables();
    lap('tables2');
    for (const t of AGGREGATE_TABLES) {
      const got = maintained[t]!;
      const want = recounted[t]!;
      expect(got.length, t).toBeGreaterThan(0);
      expect(
        got.map(([key]) => key),
        t,
      ).toEqual(want.map(([key]) => key));
      for (const [i, [key, numbers]] of got.entries()) {
        for (const [j, v] of numbers.entries()) {
          const w = want[i]![1][j]!;
          expect(Math.abs(v - w), `${t} ${key}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w)));
        }
      }
    }
  }, 300_000);
});

/** Every table the recount rebuilds (the aggregates' triggers keep them). */
const AGGREGATE_TABLES = [
  'dossier_unit_day_totals',
  'dossier_province_day_totals',
  'dossier_procedure_day_totals',
  'dossier_unit_week_totals',
  'dossier_province_week_totals',
  'dossier_procedure_week_totals',
  'dossier_unit_month_totals',
  'dossier_province_month_totals',
  'dossier_procedure_month_totals',
  'dossier_nation_day_totals',
  'dossier_procedure_province_day_totals',
  'dossier_step_durations',
  'dossier_index_facts',
  'dossier_index_unit_day_totals',
  'dossier_index_province_day_totals',
  'dossier_step_hist_days',
  'dossier_step_hist_months',
  'dossier_backlog_day_totals',
];

/**
 * Each table's rows by key (its text and date columns, shard and seq: the primary keys) with their numbers, rows
 * whose counts are all 0 left out (a trigger's increments can leave a row at 0, a recount writes none).
 */
async function aggregateTables(): Promise<Record<string, Array<[string, number[]]>>> {
  const out: Record<string, Array<[string, number[]]>> = {};
  const keyed = (k: string, v: unknown) => typeof v !== 'number' || ['shard', 'seq', 'step', 'bucket'].includes(k);
  for (const t of AGGREGATE_TABLES) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db);
    out[t] = r.rows
      .map((row): [string, number[]] => [
        JSON.stringify(Object.entries(row).filter(([k, v]) => keyed(k, v))),
        Object.entries(row)
          .filter(([k, v]) => !keyed(k, v))
          .map(([, v]) => v as number),
      ])
      .filter(([, numbers]) => numbers.length === 0 || numbers.some((v) => v !== 0))
      .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }
  return out;
}

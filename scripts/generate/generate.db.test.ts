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
  it('writes dossiers whose logs obey the lifecycle and fold to the stored status, with the mix of the reports', async () => {
    const r = await generate(database, { preset: 'small', seed: 7 });
    expect(r).toMatchObject({ dossiers: 400, communes: 3 });
    expect(r.officials).toBeGreaterThanOrEqual(3 * 5);
    expect(r.feedback).toBeGreaterThan(0);
    const rows = await sql<{ id: string; status: string; channel: string; receivingUnitCode: string }>`
      select id, status, channel, receiving_unit_code from dossiers`.execute(database.db);
    expect(rows.rows).toHaveLength(400);
    const repo = createDossiersRepository(database.db);
    const expected = new Map<string, AggregateCounts>();
    let online = 0;
    let late = 0;
    let finished = 0;
    for (const d of rows.rows) {
      const log = await repo.listActions(d.id);
      // every action is one the status rules allow at its place in the log
      let state: DossierState = initialDossierState();
      for (const a of log) {
        expect(refuseTransition(state, a, { now: a.at, actorId: a.actorId, actorRole: a.actorRole })).toBeUndefined();
        state = applyDossierAction(state, a);
      }
      expect(deriveDossierState(log).status).toBe(d.status);
      const facts = aggregateDossierFromLog(log);
      const c = dossierContribution(facts);
      expected.set(
        d.receivingUnitCode,
        addAggregateCounts(expected.get(d.receivingUnitCode) ?? emptyAggregateCounts(), c),
      );
      if (d.channel === 'online') online++;
      late += c.finishedLate;
      finished += c.finishedEarly + c.finishedOnTime + c.finishedLate;
    }
    expect(online / 400).toBeGreaterThan(0.74);
    expect(online / 400).toBeLessThan(0.94);
    expect(late / finished).toBeGreaterThan(0.02);
    expect(late / finished).toBeLessThan(0.14);
    // every official's action carries the id of an official of the dossier's commune with that role (their
    // assignment and role grant as the seed makes them); the citizen's rating carries none
    const wrong = await sql<{ n: number }>`
      select count(*)::int as n from dossier_actions a join dossiers d on d.id = a.dossier_id
      where a.actor_role <> 'citizen' and not exists (
        select 1 from users u join role_grants g on g.user_id = u.id and g.role = a.actor_role
          and g.unit_code = d.receiving_unit_code
        join assignments s on s.user_id = u.id and s.unit_code = d.receiving_unit_code and s.department_id is not null
        where u.id = a.actor_user_id and u.full_name = a.actor_name)`.execute(database.db);
    expect(wrong.rows[0]!.n).toBe(0);
    const fb = await sql<{ n: number; units: number; answered: number }>`
      select count(*)::int as n, count(distinct unit_code)::int as units,
        count(*) filter (where status = 'answered' and answered_at is not null)::int as answered
      from feedback_items where code like 'PA%'`.execute(database.db);
    expect(fb.rows[0]).toMatchObject({ n: r.feedback, units: 3 });
    expect(fb.rows[0]!.answered).toBeGreaterThan(0);
    expect([...new Set(rows.rows.map((x) => x.status))]).toEqual(expect.arrayContaining(['returned', 'refused']));
    expect([...expected.values()].some((c) => c.inProgress > 0)).toBe(true);
    // the recount at the end filled the aggregates with what the logs say
    const totals = await createDossierAggregatesRepository(database.db).unitTotals([...expected.keys()], 'entry');
    for (const [unit, c] of expected) {
      const got = totals.get(unit);
      expect(got?.received).toBe(c.received);
      expect(got?.finishedLate).toBe(c.finishedLate);
      expect(got?.inProgress).toBe(c.inProgress);
      expect(got?.ratingCount).toBe(c.ratingCount);
      expect(got?.supplementRequests).toBe(c.supplementRequests);
    }
    // a second run reuses the communes' officials instead of making new ones
    const users = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from users where username like 'gen.%'`.execute(database.db))
        .rows[0]!.n;
    const before = await users();
    const again = await generate(database, { preset: 'small', seed: 8 });
    expect(again.officials).toBe(r.officials);
    expect(await users()).toBe(before);
  }, 300_000);

  it('defers the secondary indexes of a large run and builds them again, also after a run that stopped half-way', async () => {
    const indexes = async () =>
      (
        await sql<{ d: string }>`
          select indexdef as d from pg_indexes where tablename in ('dossiers', 'dossier_actions') order by indexname`.execute(
          database.db,
        )
      ).rows.map((x) => x.d);
    const before = await indexes();
    expect(before.length).toBeGreaterThan(10);
    // a run killed after dropping them: the record stays, the next run builds them first
    const dropped = await deferIndexes(database);
    expect(dropped).toContain('dossiers_entry_unit_idx');
    expect(dropped).not.toContain('dossiers_pkey');
    expect((await indexes()).length).toBe(before.length - dropped.length);
    const r = await generate(database, { preset: 'small', seed: 9, deferIndexes: true });
    expect(r.dossiers).toBe(400);
    expect(await indexes()).toEqual(before);
    const left = await sql<{ n: number }>`select count(*)::int as n from bulk_load_deferred_indexes`.execute(
      database.db,
    );
    expect(left.rows[0]!.n).toBe(0);
  }, 300_000);

  it('recounts to the same aggregates the triggers keep when the same rows are written the ordinary way', async () => {
    await generate(database, { preset: 'small', seed: 11 });
    const recounted = await aggregateTables();
    // the same dossiers and logs written again with every trigger on, the aggregates kept by them from empty
    await database.db.transaction().execute(async (trx) => {
      // one statement copies every action of three runs through the row triggers: past the API's 30 s on a loaded
      // machine (the drill-down's teams, 0410, move each finished dossier as its officials' actions arrive)
      await sql`set local statement_timeout = '600s'`.execute(trx);
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
    const maintained = await aggregateTables();
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
  }, 600_000); // PGlite at load ≈ 20: 380 s with 0410's moves (every finished dossier moves as its officials act)
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
  'dossier_procedure_nation_totals',
  'dossier_open_due_day_totals',
  'dossier_open_handling_totals',
  'dossier_handlers',
  'dossier_drill_finished',
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

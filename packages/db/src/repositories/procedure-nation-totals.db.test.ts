import { randomUUID } from 'node:crypto';
import { vnStartOfDay } from '@mot-cua/contracts';
import { createScratchDatabase, insertDossierTestUnits, newOfficial } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { migrate } from '../migrate.js';
import { createDossierAggregatesRepository } from './dossier-aggregates.repository.js';
import { createWorkloadProvincesRepository } from './workload-provinces.repository.js';

// Recounts every aggregate, so it runs on its own database (a scratch one on PostgreSQL), as the aggregates' test.
let database: Database;
let drop: (() => Promise<void>) | undefined;
/** Three test provinces of two communes each. */
const units: Array<{ provinceCode: string; communeCodes: string[] }> = [];

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url);
    drop = scratch.drop;
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrate(database);
  for (let i = 0; i < 3; i++) units.push(await insertDossierTestUnits(database.db, 2));
  // officials: one per commune, one at both communes of a province (counted once there), one whose grant ended
  // before the periods, and a citizen (not staff)
  for (const u of units) {
    for (const c of u.communeCodes) await newOfficial(database, { grants: [{ role: 'specialist', unitCode: c }] });
    await newOfficial(database, {
      grants: u.communeCodes.map((c) => ({ role: 'reception' as const, unitCode: c })),
    });
  }
  await newOfficial(database, {
    grants: [{ role: 'leader', unitCode: units[0]!.communeCodes[0]!, validFrom: '2025-01-01', validTo: '2025-06-30' }],
  });
  await newOfficial(database, { grants: [{ role: 'citizen', unitCode: units[1]!.provinceCode }] });
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

/** A small seeded generator, so a failure replays. */
function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const PROCEDURES = ['P.A', 'P.B', 'P.C', 'P.D'] as const;
const STATUSES = ['received', 'processing', 'result_ready', 'returned', 'refused', 'withdrawn'] as const;

/** An instant between 1 Jul and 30 Nov 2025 (UTC; the aggregates take its Vietnamese day). */
const instant = (r: ReturnType<typeof seeded>) =>
  new Date(Date.UTC(2025, 6, 1) + r.int(153 * 24) * 3_600_000 + r.int(3_600_000));

async function insertDossier(r: ReturnType<typeof seeded>) {
  const u = r.pick(units);
  const province = u.provinceCode;
  const unit = r.pick(u.communeCodes);
  const entry = instant(r);
  const status = r.pick(STATUSES);
  const finished = ['result_ready', 'returned'].includes(status)
    ? new Date(entry.getTime() + r.int(400) * 3_600_000)
    : null;
  const due = r.int(5) === 0 ? null : new Date(entry.getTime() + r.int(300) * 3_600_000);
  const procedure = r.pick(PROCEDURES);
  const id = randomUUID();
  await sql`insert into dossiers (id, code, province_code, receiving_unit_code, competent_unit_code, procedure_code,
      procedure_name, channel, applicant_type, applicant_name, return_method, duration_value, duration_unit, status,
      national_status, submitted_at, entry_at, entry_unit_code, entry_province_code, due_at, finished_at,
      supplement_count)
    values (${id}, ${`T-${randomUUID().slice(0, 12)}`}, ${province}, ${unit}, ${unit}, ${procedure},
      ${procedure}, ${r.pick(['in_person', 'online', 'postal'])}, 'citizen', 'Nguyễn Văn A', 'counter',
      ${1 + r.int(10)}, ${r.pick(['working_days', 'calendar_days'])}, ${status}, 1, ${entry.toISOString()}::timestamptz,
      ${entry.toISOString()}::timestamptz, ${unit}, ${province}, ${due?.toISOString() ?? null}::timestamptz,
      ${finished?.toISOString() ?? null}::timestamptz, ${r.int(3)})`.execute(database.db);
  // the receipt in the log (the recount takes the entry from it)
  await sql`insert into dossier_actions (dossier_id, seq, province_code, type, at, actor_role, unit_code)
    values (${id}, 1, ${province}, 'received', ${entry.toISOString()}::timestamptz, 'reception', ${unit})`.execute(
    database.db,
  );
}

/** A write that changes one dossier's contribution: its status, entry day, procedure, province or supplements. */
async function changeDossier(r: ReturnType<typeof seeded>) {
  const ids = await sql<{ id: string }>`select id from dossiers order by id`.execute(database.db);
  const id = ids.rows[r.int(ids.rows.length)]!.id;
  const db = database.db;
  switch (r.int(5)) {
    case 0:
      await sql`update dossiers set status = 'result_ready', finished_at = entry_at + interval '30 hours'
        where id = ${id}`.execute(db);
      return;
    case 1:
      await sql`update dossiers set entry_at = ${instant(r).toISOString()}::timestamptz where id = ${id}`.execute(db);
      return;
    case 2:
      await sql`update dossiers set procedure_code = ${r.pick(PROCEDURES)} where id = ${id}`.execute(db);
      return;
    case 3: {
      const u = r.pick(units);
      await sql`update dossiers set entry_province_code = ${u.provinceCode}, entry_unit_code = ${u.communeCodes[0]!}
        where id = ${id}`.execute(db);
      return;
    }
    default:
      await sql`update dossiers set supplement_count = supplement_count + 1, status = 'refused' where id = ${id}`.execute(
        db,
      );
  }
}

/** The nation rows kept by 0385, and the same sums from the three per-province tables (rows at 0 left out). */
async function nationRowsBothWays() {
  const db = database.db;
  const cols = sql`received, finished_late, refused, supplemented_dossiers, processing_hours_sum, processed_count,
    limit_days_sum, limit_count`;
  const sums = sql`sum(received)::float8 as received, sum(finished_late)::float8 as finished_late,
    sum(refused)::float8 as refused, sum(supplemented_dossiers)::float8 as supplemented_dossiers,
    sum(processing_hours_sum)::float8 as processing_hours_sum, sum(processed_count)::float8 as processed_count,
    sum(limit_days_sum)::float8 as limit_days_sum, sum(limit_count)::float8 as limit_count`;
  const nonZero = sql`having sum(received) <> 0 or sum(finished_late) <> 0 or sum(refused) <> 0
    or sum(supplemented_dossiers) <> 0 or abs(sum(processing_hours_sum)) > 1e-9 or sum(processed_count) <> 0
    or abs(sum(limit_days_sum)) > 1e-9 or sum(limit_count) <> 0`;
  const kept = await sql<Record<string, unknown>>`
    select grain, to_char(start, 'YYYY-MM-DD') as start, procedure_code, shard, ${sums}
    from dossier_procedure_nation_totals group by 1, 2, 3, 4 ${nonZero} order by 1, 2, 3, 4`.execute(db);
  const summed = await sql<Record<string, unknown>>`
    select grain, to_char(start, 'YYYY-MM-DD') as start, procedure_code, shard, ${sums} from (
      select 'm' as grain, month as start, procedure_code, abs(hashtext(province_code)) % 4 as shard, ${cols}
      from dossier_procedure_month_totals
      union all select 'w', week, procedure_code, abs(hashtext(province_code)) % 4, ${cols} from dossier_procedure_week_totals
      union all select 'd', day, procedure_code, abs(hashtext(province_code)) % 4, ${cols}
      from dossier_procedure_province_day_totals
    ) x group by 1, 2, 3, 4 ${nonZero} order by 1, 2, 3, 4`.execute(db);
  return { kept: kept.rows, summed: summed.rows };
}

function expectClose(got: Array<Record<string, unknown>>, want: Array<Record<string, unknown>>, what: string) {
  expect(
    got.map((x) => JSON.stringify([x.grain, x.start, x.procedureCode, x.shard])),
    what,
  ).toEqual(want.map((x) => JSON.stringify([x.grain, x.start, x.procedureCode, x.shard])));
  for (const [i, row] of got.entries()) {
    for (const [k, v] of Object.entries(row)) {
      const w = want[i]![k];
      if (typeof v === 'number')
        expect(Math.abs(v - Number(w)), `${what} ${k}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(Number(w))));
    }
  }
}

/** Ragged and whole periods: days and week segments at both ends, whole months, one day. */
const PERIODS = [
  { from: '2025-07-10', to: '2025-11-20' },
  { from: '2025-07-01', to: '2025-11-30' },
  { from: '2025-08-03', to: '2025-08-17' },
  { from: '2025-11-05', to: '2025-11-05' },
  { from: '2025-09-28', to: '2025-10-09' },
];

async function expectSameProcedureTables(what: string) {
  const aggregates = createDossierAggregatesRepository(database.db);
  for (const period of PERIODS) {
    const [kept, provinces] = [
      await aggregates.procedures({ level: 'nation' }, period, 50),
      await aggregates.proceduresOfProvinces({ level: 'nation' }, period, 50),
    ];
    expect(
      kept.map((p) => [p.procedureCode, p.received, p.finishedLate, p.refused, p.supplementedDossiers]),
      `${what} ${period.from}`,
    ).toEqual(provinces.map((p) => [p.procedureCode, p.received, p.finishedLate, p.refused, p.supplementedDossiers]));
    for (const [i, p] of kept.entries()) {
      const q = provinces[i]!;
      for (const k of ['averageProcessingDays', 'averageLimitDays'] as const) {
        if (q[k] === null) expect(p[k]).toBeNull();
        else expect(Math.abs(p[k]! - q[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, q[k]!));
      }
    }
  }
}

describe('the nation’s procedure rows (0385)', () => {
  it('equal the provinces’ rows summed, and the nation’s table equals the one read from the provinces, through random writes and the recount', async () => {
    for (const seed of [1, 2]) {
      const r = seeded(seed);
      for (let i = 0; i < 60; i++) await insertDossier(r);
      for (let i = 0; i < 60; i++) await changeDossier(r);
      const both = await nationRowsBothWays();
      expect(both.summed.length).toBeGreaterThan(50);
      expectClose(both.kept, both.summed, `seed ${seed}, after the writes`);
      await expectSameProcedureTables(`seed ${seed}, after the writes`);
      // the recount deletes and rebuilds the province rows month by month (entries and supplements from the log,
      // which the random writes did not follow); the nation rows follow
      await database.db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
      const after = await nationRowsBothWays();
      expectClose(after.kept, after.summed, `seed ${seed}, after the recount`);
      await expectSameProcedureTables(`seed ${seed}, after the recount`);
    }
  }, 300_000);
});

describe('the nation’s workload per province', () => {
  it('reads from the province totals what the dossiers and their logs say, for whole and ragged periods', async () => {
    // runs after the random writes and the recount above: every dossier's entry is its log's
    const repo = createWorkloadProvincesRepository(database.db);
    const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const p of PERIODS) {
      const f = { scope: 'VN', ...p, fromAt: vnStartOfDay(p.from), toAt: vnStartOfDay(next(p.to)) };
      const [kept, counted] = [await repo.provincesLoad(f), await repo.provincesLoadFromDossiers(f)];
      expect(kept, `${p.from} – ${p.to}`).toEqual(counted);
    }
    const wide = { scope: 'VN', from: '2025-07-01', to: '2025-11-30' };
    const rows = await repo.provincesLoad({
      ...wide,
      fromAt: vnStartOfDay(wide.from),
      toAt: vnStartOfDay('2025-12-01'),
    });
    expect(rows.map((x) => x.unitCode).sort()).toEqual(units.map((u) => u.provinceCode).sort());
    // two specialists and one receptionist at both communes: three officials a province, the ended grant not counted
    expect(rows.map((x) => x.officials)).toEqual([3, 3, 3]);
    expect(rows.every((x) => x.received > 0 && x.open >= 0)).toBe(true);
  }, 120_000);
});

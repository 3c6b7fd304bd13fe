import { createScratchDatabase, insertDossierTestUnits, newOfficial } from '@mot-cua/test-kit';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { migrate } from '../migrate.js';
import type { DB } from '../schema/index.js';
import { createAggregatesRecount } from './dossier-aggregates-recount.repository.js';
import { createWorkloadProvincesRepository } from './workload-provinces.repository.js';

// The officials per province kept by 0400's triggers equal the count from the grants, through random grants,
// revocations, deletions, transfers, secondments, a unit re-homed to another province and concurrent writers; and
// the recount rebuilds the kept rows as the triggers wrote them. Recounts, so it runs on its own database.
let database: Database;
let drop: (() => Promise<void>) | undefined;
const units: Array<{ provinceCode: string; communeCodes: string[] }> = [];
const officials: string[] = [];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

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
  for (let i = 0; i < 3; i++) units.push(await insertDossierTestUnits(database.db, 2));
  for (let i = 0; i < 10; i++) officials.push((await newOfficial(database)).id);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}
type Rand = ReturnType<typeof seeded>;

const ROLES = ['reception', 'specialist', 'department_head', 'leader', 'center_director', 'citizen', 'supervisor'];
const DAY0 = Date.UTC(2025, 4, 1);
const day = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const PERIODS = [
  { from: '2025-07-01', to: '2025-07-31' },
  { from: '2025-05-01', to: '2026-06-30' },
  { from: '2025-09-14', to: '2025-09-14' },
  { from: '2025-10-03', to: '2025-12-20' },
  { from: '2026-02-01', to: '2026-03-15' },
];

const allUnits = () => units.flatMap((u) => [u.provinceCode, ...u.communeCodes]);

async function grant(db: Kysely<DB>, r: Rand, userId: string, unitCode: string, from?: number) {
  const start = from ?? r.int(300);
  const end = r.int(3) === 0 ? null : day(start + r.int(120));
  await sql`insert into role_grants (user_id, role, unit_code, valid_from, valid_to)
    values (${userId}, ${r.pick(ROLES)}, ${unitCode}, ${day(start)}::date, ${end}::date)`.execute(db);
}

/** One random change of the grants (or of a unit), in its own transaction. */
async function change(db: Kysely<DB>, r: Rand): Promise<void> {
  const userId = r.pick(officials);
  const mine = (
    await sql<{ id: string; unitCode: string; validFrom: string }>`
      select id, unit_code, to_char(valid_from, 'YYYY-MM-DD') as valid_from from role_grants
      where user_id = ${userId} order by id`.execute(db)
  ).rows;
  const k = r.int(10);
  await db.transaction().execute(async (t) => {
    if (k <= 2 || mine.length === 0) return grant(t, r, userId, r.pick(allUnits()));
    const g = r.pick(mine);
    const gFrom = Math.round((Date.parse(g.validFrom) - DAY0) / 86_400_000);
    if (k === 3) {
      // revoked: ended on some day from its start
      await sql`update role_grants set valid_to = ${day(gFrom + r.int(90))}::date where id = ${g.id}`.execute(t);
    } else if (k === 4) {
      await sql`delete from role_grants where id = ${g.id}`.execute(t);
    } else if (k === 5) {
      // transfer: the grant ends, a new one starts the next day at another unit (maybe another province)
      const end = gFrom + r.int(90);
      await sql`update role_grants set valid_to = ${day(end)}::date where id = ${g.id}`.execute(t);
      await grant(t, r, userId, r.pick(allUnits().filter((c) => c !== g.unitCode)), end + 1);
    } else if (k === 6) {
      // secondment: a grant for a while elsewhere, the home grant kept
      const start = r.int(300);
      await sql`insert into role_grants (user_id, role, unit_code, valid_from, valid_to)
        values (${userId}, 'specialist', ${r.pick(allUnits())}, ${day(start)}::date,
          ${day(start + 1 + r.int(60))}::date)`.execute(t);
    } else if (k === 7) {
      // several rows in one statement: every grant of the official moved by a few days
      const by = r.int(20);
      await sql`update role_grants set valid_from = valid_from + ${by}::int,
        valid_to = valid_to + ${by}::int where user_id = ${userId}`.execute(t);
    } else if (k === 8) {
      await sql`update role_grants set role = ${r.pick(ROLES)} where id = ${g.id}`.execute(t);
    } else {
      await sql`update role_grants set valid_to = null where id = ${g.id}`.execute(t);
    }
  });
}

/** A commune re-homed to another province from a day: its row ends, a new row starts. */
async function rehome(db: Kysely<DB>, code: string, toProvince: string, fromDay: string) {
  await db.transaction().execute(async (t) => {
    await sql`update admin_units set valid_to = ${fromDay}::date - 1 where code = ${code} and valid_to is null`.execute(
      t,
    );
    await sql`insert into admin_units (code, level, type, name, full_name, province_code, valid_from)
      select code, level, type, name, full_name, ${toProvince}, ${fromDay}::date from admin_units
      where code = ${code} and valid_to = ${fromDay}::date - 1`.execute(t);
  });
}

async function keptRows() {
  const spans = await sql`select user_id, province_code, to_char(valid_from, 'YYYY-MM-DD') as f,
      to_char(valid_to, 'YYYY-MM-DD') as t, multi from staff_province_spans order by 1, 2, 3`.execute(database.db);
  const days = await sql`select province_code, to_char(day, 'YYYY-MM-DD') as d, starts, ends
      from staff_province_day_totals where starts <> 0 or ends <> 0 order by 1, 2`.execute(database.db);
  return { spans: spans.rows, days: days.rows };
}

async function expectKeptEqualsGrants(where: string) {
  const repo = createWorkloadProvincesRepository(database.db);
  for (const p of PERIODS) {
    const kept = await repo.officialsByProvince(p, 'kept');
    const grants = await repo.officialsByProvince(p, 'grants');
    expect(kept, `${where}, ${p.from}..${p.to}`).toEqual(grants);
  }
}

describe('officials per province kept by 0400', () => {
  it('equal the count from the grants after random changes, a re-homing and concurrent writers; recount = kept', async () => {
    const r = seeded(15_009);
    let nonZero = 0;
    for (let i = 0; i < 160; i++) {
      await change(database.db, r);
      if (i === 80) {
        await rehome(database.db, units[0]!.communeCodes[1]!, units[1]!.provinceCode, '2025-10-01');
      }
      if (i % 20 === 19) await expectKeptEqualsGrants(`after change ${i}`);
    }
    // concurrent writers on the same officials (a pool of 4 on PostgreSQL; PGlite takes turns)
    for (let round = 0; round < 6; round++) {
      await Promise.all(Array.from({ length: 4 }, (_, j) => change(database.db, seeded(round * 10 + j))));
    }
    await expectKeptEqualsGrants('after concurrent writers');
    const repo = createWorkloadProvincesRepository(database.db);
    for (const p of PERIODS) nonZero += (await repo.officialsByProvince(p)).length;
    expect(nonZero).toBeGreaterThan(5);
    const multi = await sql<{ n: number }>`select count(*)::int as n from staff_province_spans where multi`.execute(
      database.db,
    );
    expect(Number(multi.rows[0]?.n)).toBeGreaterThan(0);

    const before = await keptRows();
    await database.db.transaction().execute((t) => createAggregatesRecount(t).recountStaff());
    expect(await keptRows()).toEqual(before);
    await expectKeptEqualsGrants('after the recount');
    if (onPostgres) expect(before.spans.length).toBeGreaterThan(0);
  }, 300_000);
});

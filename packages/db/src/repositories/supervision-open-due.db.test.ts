import { vnStartOfDay } from '@mot-cua/contracts';
import { type DossierActor, type DossierDeps, fixedClock, receiveDossier } from '@mot-cua/core';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import type { AggregateScope } from './dossier-aggregates.repository.js';
import { dossierDeps, receiveInput } from './dossier-db.fixtures.js';
import { createDossierDeadlinePort } from './dossier-ports.repository.js';
import { createOpenDueRepository } from './supervision-open-due.repository.js';

// The open split from the kept due-day totals (0380) equals the read over every open dossier (the reference), for
// any mix of due instants around today and the marks' days, statuses, re-homing and handling units, and any marks.
let database: Database;
const clock = fixedClock('2026-03-06T02:00:00Z'); // Friday 09:00 Vietnam time: "due soon" reaches Monday
const HOUR = 3_600_000;
let units: string[];
let province: string;
const ids: string[] = [];
/** What the reference counted over the whole run, per bucket. */
const seen = { overdue: 0, dueSoon: 0, undue: 0, paused: 0 };

const deps = (db: Kysely<DB>): DossierDeps => dossierDeps(db, clock);

beforeAll(async () => {
  database = await createTestDb();
  const u = await insertDossierTestUnits(database.db, 3);
  province = u.provinceCode;
  units = u.communeCodes;
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: units[0] })).code;
  const actor = (unitCode: string): DossierActor => ({
    userId: null,
    name: 'Trần Thị Lan',
    role: 'reception',
    unitCode,
  });
  for (let i = 0; i < 10; i++) {
    const unit = units[i % 3] as string;
    const r = await database.db.transaction().execute((trx) =>
      receiveDossier(
        deps(trx),
        actor(unit),
        receiveInput({
          channel: i % 2 ? 'online' : 'in_person',
          procedureCode,
          receivingUnitCode: unit,
          competentUnitCode: i % 4 === 3 ? (units[(i + 1) % 3] as string) : null,
        }),
      ),
    );
    ids.push(r.dossier.id);
  }
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const STATUSES = ['received', 'processing', 'supplement_requested', 'awaiting_payment', 'result_ready', 'refused'];
/** Due instants around now: any minute from three days before to six after, and the edges of Vietnamese days. */
const dueArb = fc.oneof(
  fc.integer({ min: -72 * 60, max: 144 * 60 }).map((m) => new Date(clock.now().getTime() + m * 60_000)),
  fc
    .tuple(fc.integer({ min: -2, max: 6 }), fc.constantFrom(0, -1))
    .map(([d, ms]) => new Date(vnStartOfDay('2026-03-06').getTime() + d * 24 * HOUR + ms)),
  fc.constant(null),
);
type Edit =
  | { kind: 'due'; at: Date | null }
  | { kind: 'status'; status: string }
  | { kind: 'receiving' | 'handling' | 'both'; unit: number };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: dueArb.map((at) => ({ kind: 'due' as const, at })) },
  { weight: 2, arbitrary: fc.constantFrom(...STATUSES).map((status) => ({ kind: 'status' as const, status })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('receiving' as const, 'handling' as const, 'both' as const), fc.nat(2))
      .map(([kind, unit]) => ({ kind, unit })),
  },
);
/** A mark per unit: none, an hour offset from now (past ones too), or exactly a dossier's due instant. */
const markArb = fc.array(
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: -30, max: 150 }),
    fc.nat(9).map((i) => `d${i}`),
  ),
  {
    minLength: 3,
    maxLength: 3,
  },
);

async function edit(id: string, e: Edit) {
  const set =
    e.kind === 'due'
      ? sql`due_at = ${e.at?.toISOString() ?? null}::timestamptz`
      : e.kind === 'status'
        ? sql`status = ${e.status}`
        : e.kind === 'receiving'
          ? sql`receiving_unit_code = ${units[e.unit]}`
          : e.kind === 'handling'
            ? sql`competent_unit_code = ${units[e.unit]}`
            : sql`receiving_unit_code = ${units[e.unit]}, competent_unit_code = ${units[e.unit]}`;
  await database.db.transaction().execute((trx) => sql`update dossiers set ${set} where id = ${id}`.execute(trx));
}

/** The kept rows (non-zero, shards summed), to compare with a recount's. */
async function keptRows(): Promise<string[]> {
  const r = await sql<{ k: string }>`
    select concat_ws(' ', 'day', level, province_code, unit_code, due_day, paused, sum(open_count)) as k
    from dossier_open_due_day_totals group by level, province_code, unit_code, due_day, paused having sum(open_count) <> 0
    union all
    select concat_ws(' ', 'handling', level, province_code, unit_code, handling_unit_code, sum(open_count))
    from dossier_open_handling_totals group by level, province_code, unit_code, handling_unit_code
    having sum(open_count) <> 0`.execute(database.db);
  return r.rows.map((x) => x.k).sort();
}

async function splitsAgree(now: Date, markPlan: Array<number | string | null>) {
  const repo = createOpenDueRepository(database.db);
  const deadlines = createDossierDeadlinePort(database.db);
  const dues = await sql<{ id: string; dueAt: Date | null }>`
    select id, due_at from dossiers where id in (${sql.join(ids)})`.execute(database.db);
  const dueOf = new Map(dues.rows.map((x) => [x.id, x.dueAt]));
  const random = new Map<string, Date>();
  markPlan.forEach((m, i) => {
    if (m === null) return;
    const at = typeof m === 'number' ? new Date(now.getTime() + m * HOUR) : dueOf.get(ids[Number(m.slice(1))]!);
    if (at) random.set(units[i] as string, new Date(at));
  });
  const scopes: AggregateScope[] = [
    { level: 'nation' },
    { level: 'province', provinceCode: province },
    ...units.map((unitCode) => ({ level: 'commune' as const, provinceCode: province, unitCode })),
  ];
  for (const scope of scopes) {
    const kept = await repo.handlingUnits(scope, now);
    const reference = await repo.handlingUnitsFromDossiers(scope, now);
    // the kept list may hold more units (running dossiers all overdue), never fewer
    const keptKeys = new Set(kept.map((u) => `${u.unitCode} ${u.provinceCode}`));
    for (const u of reference) expect(keptKeys.has(`${u.unitCode} ${u.provinceCode}`)).toBe(true);
    const marksOf = async (list: typeof kept) => {
      const m = new Map<string, Date>();
      for (const u of list) m.set(u.unitCode, await deadlines.dueSoonBefore({ ...u, now }));
      return m;
    };
    // the dashboard's marks; the reference list's (fewer units); one unit left without a mark; random ones; none
    const full = await marksOf(kept);
    const oneLess = new Map([...full].slice(1));
    for (const marks of [full, await marksOf(reference), oneLess, random, new Map<string, Date>()]) {
      const want = await repo.splitFromDossiers(scope, now, marks);
      for (const k of Object.keys(seen) as Array<keyof typeof seen>) seen[k] += want[k];
      expect({ scope, now, marks, ...(await repo.split(scope, now, marks)) }).toEqual({ scope, now, marks, ...want });
    }
  }
}

describe('the open split from the kept due-day totals', () => {
  it('equals the read over every open dossier, before and after a recount', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(9), editArb), { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.oneof(
            fc.integer({ min: -30, max: 100 }),
            fc.nat(9).map((i) => `d${i}`),
          ),
          { maxLength: 2 },
        ),
        markArb,
        async (edits, nows, markPlan) => {
          for (const [i, e] of edits) await edit(ids[i] as string, e);
          const dues = await sql<{ id: string; dueAt: Date | null }>`
            select id, due_at from dossiers where id in (${sql.join(ids)})`.execute(database.db);
          const at = (n: number | string) =>
            typeof n === 'number'
              ? new Date(clock.now().getTime() + n * HOUR)
              : new Date(dues.rows.find((x) => x.id === ids[Number(n.slice(1))])?.dueAt ?? clock.now());
          for (const now of [clock.now(), ...nows.map(at)]) await splitsAgree(now, markPlan);
          const kept = await keptRows();
          await database.db.transaction().execute((trx) => sql`select dossier_open_due_recount()`.execute(trx));
          expect(await keptRows()).toEqual(kept);
          await splitsAgree(clock.now(), markPlan);
        },
      ),
      { numRuns: 25 },
    );
    // the mix reached every bucket (else the property proves little)
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(0);
  }, 300_000);
});

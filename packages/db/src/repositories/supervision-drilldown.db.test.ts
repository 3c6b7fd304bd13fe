import { randomUUID } from 'node:crypto';
import { DossierStatusName } from '@mot-cua/contracts';
import { DRILL_BUCKETS, type DrillBucket, drillBreakdown, drillDossiers, drillFromCounts } from '@mot-cua/core';
import { createTestDb, insertDossierTestUnits, newOfficial } from '@mot-cua/test-kit';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { referenceRead } from './supervision-drilldown.reference.js';
import {
  createSupervisionDrilldownRepository,
  type DrillPick,
  type DrillScope,
} from './supervision-drilldown.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00+07:00`);
const dossierArb = fc.record({
  atY: fc.boolean(),
  entryHour: fc.nat(60 * 24),
  status: fc.constantFrom(...DossierStatusName.options),
  dueHours: fc.option(fc.integer({ min: -24, max: 20 * 24 }), { nil: null }),
  finishedHours: fc.option(fc.integer({ min: 0, max: 20 * 24 }), { nil: null }),
  holder: fc.option(fc.nat(7), { nil: null }),
  actions: fc.array(fc.record({ actor: fc.option(fc.nat(7), { nil: null }), citizen: fc.boolean() }), { maxLength: 5 }),
});
/** What happens to a dossier after its first actions: a transfer, a finish, a reopening, a later action, a new deadline. */
const laterArb = fc.record({
  dossier: fc.nat(),
  kind: fc.constantFrom('transfer', 'finish', 'reopen', 'act', 'due'),
  who: fc.option(fc.nat(7), { nil: null }),
  hours: fc.integer({ min: -24, max: 20 * 24 }),
});

describe('drill-down below the commune', () => {
  it('counts and lists what the reference read of every dossier and its actions gives, on random data', async () => {
    const db = database.db;
    const drill = createSupervisionDrilldownRepository(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossierArb, { minLength: 1, maxLength: 24 }),
        fc.nat(3),
        fc.array(laterArb, { maxLength: 8 }),
        async (plans, rehome, later) => {
          const u = await insertDossierTestUnits(db, 2);
          const [X, Y] = u.communeCodes as [string, string];
          const dep: string[] = [];
          for (const name of ['Văn phòng', 'Phòng Văn hóa - Xã hội']) {
            const r = await sql<{ id: string }>`insert into departments (unit_code, kind, name)
            values (${X}, 'office', ${name}) returning id::text as id`.execute(db);
            dep.push(r.rows[0]!.id);
          }
          // officials 0–5 (two of the same name), 6 an actor id without a user row, 7 no action (holder only)
          const people: string[] = [];
          for (const n of ['An', 'Bình', 'Chi', 'Chi', 'Dũng', 'Giang'])
            people.push((await newOfficial(database, { fullName: n })).id);
          people.push(randomUUID(), (await newOfficial(database, { fullName: 'Hà' })).id);
          const place = (i: number, d: string | null, from: string, to: string | null = null) =>
            sql`insert into assignments (user_id, unit_code, department_id, kind, valid_from, valid_to)
            values (${people[i]!}, ${X}, ${d}, 'permanent', ${from}, ${to})`.execute(db);
          await place(0, dep[0]!, '2026-01-01');
          await place(1, dep[1]!, '2026-01-01');
          await place(2, dep[0]!, '2026-01-01');
          await place(2, dep[1]!, '2026-04-01'); // moved: the later placement counts from April
          await place(4, null, '2026-01-01');
          await place(5, dep[0]!, '2026-01-01', '2026-03-20'); // left in March
          const ids: string[] = [];
          for (const p of plans) {
            const id = randomUUID();
            ids.push(id);
            const entry = new Date(T0 + p.entryHour * HOUR);
            const at = (h: number | null) => (h === null ? null : new Date(entry.getTime() + h * HOUR).toISOString());
            await sql`insert into dossiers (id, code, province_code, receiving_unit_code, competent_unit_code,
              procedure_code, procedure_name, channel, applicant_type, applicant_name, return_method, duration_value,
              duration_unit, status, national_status, submitted_at, due_at, finished_at, entry_at, entry_unit_code,
              entry_province_code, current_assignee_id)
            values (${id}, ${`DRILL-${id}`}, ${u.provinceCode}, ${X}, ${X}, 'X', 'Thủ tục', 'online', 'citizen',
              'Nguyễn Văn A', 'counter', 5, 'working_days', ${p.status}, 2, ${entry.toISOString()}, ${at(p.dueHours)},
              ${at(p.finishedHours)}, ${entry.toISOString()}, ${p.atY ? Y : X}, ${u.provinceCode},
              ${p.holder === null || p.holder === 6 ? null : people[p.holder]!})`.execute(db);
            for (const [i, a] of p.actions.entries()) {
              await sql`insert into dossier_actions (dossier_id, seq, province_code, type, at, actor_user_id, actor_role, unit_code)
              values (${id}, ${i + 1}, ${u.provinceCode}, 'note', ${entry.toISOString()},
                ${a.actor === null ? null : people[a.actor]!}, ${a.citizen ? 'citizen' : 'specialist'}, ${X})`.execute(
                db,
              );
            }
          }
          // a re-homing of the entry (as the recount of the entries does): one dossier's unit at entry changes
          const moved = ids[rehome % ids.length]!;
          await sql`update dossiers set entry_unit_code = case when entry_unit_code = ${X} then ${Y} else ${X} end
          where id = ${moved}`.execute(db);
          // then transfers, finishes, reopenings, later actions and new deadlines (the kept counts of 0410 follow)
          for (const [n, l] of later.entries()) {
            const id = ids[l.dossier % ids.length]!;
            const who = l.who === null ? null : people[l.who]!;
            const at = new Date(T0 + l.hours * HOUR).toISOString();
            if (l.kind === 'transfer')
              await sql`update dossiers set current_assignee_id = ${l.who === 6 ? null : who} where id = ${id}`.execute(
                db,
              );
            else if (l.kind === 'finish')
              await sql`update dossiers set status = 'returned', finished_at = ${at} where id = ${id}`.execute(db);
            else if (l.kind === 'reopen')
              await sql`update dossiers set status = 'processing', finished_at = null where id = ${id}`.execute(db);
            else if (l.kind === 'due') await sql`update dossiers set due_at = ${at} where id = ${id}`.execute(db);
            else
              await sql`insert into dossier_actions (dossier_id, seq, province_code, type, at, actor_user_id, actor_role, unit_code)
              values (${id}, ${100 + n}, ${u.provinceCode}, 'note', ${at}, ${who}, 'specialist', ${X})`.execute(db);
          }
          const periods: Array<[Date, Date, string, string]> = [
            [day('2026-03-01'), day('2026-05-01'), '2026-04-30', '2026-03-20T05:00:00Z'],
            [day('2026-03-10'), day('2026-04-01'), '2026-03-31', '2026-05-02T00:00:00Z'],
            // ragged ends: the first and last hours read live, whole days and March from the kept counts
            [
              new Date('2026-02-28T20:30:00+07:00'),
              new Date('2026-04-03T09:15:00+07:00'),
              '2026-04-03',
              '2026-04-02T00:00:00Z',
            ],
            [
              new Date('2026-03-02T01:00:00+07:00'),
              new Date('2026-03-02T23:00:00+07:00'),
              '2026-03-02',
              '2026-03-02T00:00:00Z',
            ],
          ];
          for (const [k, [fromAt, toAt, onDate, nowIso]] of periods.entries()) {
            const now = new Date(nowIso);
            const f: DrillScope = { unitCode: X, fromAt, toAt, onDate, now };
            const ref = await referenceRead(db, f);
            const want = drillBreakdown(ref.dossiers, ref.officials, now);
            const got = drillFromCounts(await drill.breakdown(f));
            const byId = <T extends { userId: string }>(xs: T[]) =>
              [...xs].sort((a, b) => a.userId.localeCompare(b.userId));
            expect(got.totals).toEqual(want.totals);
            expect(got.unhandled).toBe(want.unhandled);
            expect(got.departments).toEqual(want.departments);
            expect(byId(got.officials)).toEqual(byId(want.officials));
            // the lists read no kept counts (0410 is the breakdown's): the first two periods check them
            if (k >= 2) continue;
            const picks: DrillPick[] = [
              {},
              { departmentId: null },
              ...dep.map((departmentId) => ({ departmentId })),
              ...people.map((userId) => ({ userId })),
            ];
            for (const pick of picks) {
              for (const bucket of [undefined, ...DRILL_BUCKETS] as Array<DrillBucket | undefined>) {
                const p = bucket ? { ...pick, bucket } : pick;
                const expected = drillDossiers(ref.dossiers, ref.officials, p, now).map((x) => x.id);
                const all = await drill.dossiers(f, p, { limit: null });
                expect(all.items.map((x) => x.id)).toEqual(expected);
                expect(all.total).toBe(expected.length);
                // by keyset, three at a time
                const paged: string[] = [];
                let after: string | undefined;
                for (let n = 0; n < 20; n++) {
                  // later pages with the first page's total: not counted again, the same rows
                  const page = await drill.dossiers(f, p, {
                    limit: 3,
                    after,
                    total: after ? expected.length : undefined,
                  });
                  expect(page.total).toBe(expected.length);
                  paged.push(...page.items.map((x) => x.id));
                  if (!page.next) break;
                  after = page.next;
                }
                expect(paged).toEqual(expected);
              }
            }
          }
          // the recount rebuilds the kept rows as the triggers wrote them
          const teams = () =>
            sql<{
              k: string;
            }>`select unit_code || grain || entry_day::text || team::text || bucket::text || ':' || n::text as k
            from dossier_drill_finished where unit_code in (${X}, ${Y}) and n <> 0 order by 1`.execute(db);
          const keptTeams = (await teams()).rows;
          await sql`select dossier_drill_finished_recount(null, null)`.execute(db);
          expect((await teams()).rows).toEqual(keptTeams);
          await sql`select dossier_drill_finished_recount('2026-03-01', '2026-04-01')`.execute(db);
          expect((await teams()).rows).toEqual(keptTeams);
          const kept = () =>
            sql<{
              k: string;
            }>`select dossier_id::text || user_id::text || coalesce(entry_unit_code, '') || coalesce(entry_at::text, '') as k
            from dossier_handlers where dossier_id in (${sql.join(ids)}) order by 1`.execute(db);
          const before = (await kept()).rows;
          await sql`delete from dossier_handlers where dossier_id in (${sql.join(ids)})`.execute(db);
          await sql`select dossier_handlers_recount('00000000-0000-0000-0000-000000000000', null)`.execute(db);
          expect((await kept()).rows).toEqual(before);
        },
      ),
      { numRuns: 12 },
    );
  }, 600_000); // PGlite at load ≈ 20: 290–320 s (12 runs, four periods)
});

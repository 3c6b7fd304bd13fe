/**
 * The dossier list read as one branch per scope column (dossier-list.ts) returns what the single three-column OR
 * returned: the same rows in the same order (ties on the time broken by id), the same total, every page of the
 * pager, and a dossier matching two scopes once.
 */
import { randomUUID } from 'node:crypto';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { type DossierListFilter, listDossierRows } from './dossier-list.js';

type Row = {
  id: string;
  receiving: string;
  competent: string;
  province: string;
  status: string;
  submittedAt: Date;
  dueAt: Date | null;
};

let database: Database;
const [a, b, c] = [testUnit().unitCode, testUnit().unitCode, testUnit().unitCode];
const province = testUnit().provinceCode;
const other = testUnit().provinceCode;
const rows: Row[] = [];
const CLOSED = ['returned', 'refused', 'withdrawn', 'stopped'];
const STATUSES = ['received', 'processing', 'supplement_requested', 'result_ready', 'new', ...CLOSED];
const now = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  database = await createTestDb();
  const units = [a, b, c];
  for (let i = 0; i < 60; i++) {
    const receiving = units[i % 3]!;
    // One in four handled at another unit than the one that received it; a few in another province.
    const competent = i % 4 === 0 ? units[(i + 1) % 3]! : receiving;
    rows.push({
      id: randomUUID(),
      receiving,
      competent,
      province: i % 11 === 0 ? other : province,
      status: STATUSES[(i * 7) % STATUSES.length]!,
      // Ties on the submission time (every third pair) and on the due time: the order falls back to the id.
      submittedAt: new Date(Date.UTC(2026, 1, 1 + Math.floor(i / 2), 3)),
      dueAt: i % 5 === 0 ? null : new Date(Date.UTC(2026, 1, 20 + (i % 13), 3)),
    });
  }
  await database.db.transaction().execute(async (trx) => {
    await sql`select set_config('motcua.aggregates_off', 'on', true)`.execute(trx);
    for (const r of rows) {
      await sql`insert into dossiers (id, code, province_code, receiving_unit_code, competent_unit_code,
          procedure_code, procedure_name, channel, applicant_type, applicant_name, return_method, duration_value,
          duration_unit, status, national_status, submitted_at, due_at)
        values (${r.id}, ${`LIST-${r.id}`}, ${r.province}, ${r.receiving}, ${r.competent}, 'X', 'Thủ tục', 'online',
          'citizen', 'Nguyễn Văn A', 'counter', 5, 'working_days', ${r.status}, 2, ${r.submittedAt.toISOString()},
          ${r.dueAt?.toISOString() ?? null})`.execute(trx);
    }
  });
}, 600_000);

afterAll(async () => {
  await sql`delete from dossiers where id in (${sql.join(rows.map((r) => r.id))})`.execute(database.db);
  await database.close();
});

/** The list as the single OR over the three columns defined it, in memory. */
function expected(f: DossierListFilter): { ids: string[]; total: number } {
  const s = new Set(f.scopes);
  const hit = rows.filter(
    (r) =>
      (s.has(r.receiving) || s.has(r.competent) || s.has(r.province)) &&
      (!f.open || !CLOSED.includes(r.status)) &&
      (!f.dueBefore || (r.dueAt !== null && r.dueAt <= f.dueBefore)) &&
      (!f.runningClock || !['supplement_requested', 'awaiting_payment', 'new'].includes(r.status)),
  );
  const key = (r: Row) => (f.dueBefore ? r.dueAt!.getTime() : -r.submittedAt.getTime());
  hit.sort((x, y) => key(x) - key(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const offset = f.offset ?? 0;
  return { ids: hit.slice(offset, offset + (f.limit ?? 50)).map((r) => r.id), total: hit.length };
}

describe('dossier list by scope branches', () => {
  const scopeSets = [[a], [a, b], [b, c], [a, b, c], [province], [a, province], [other, c], [other]];
  const filters: Array<Omit<DossierListFilter, 'scopes'>> = [
    {},
    { open: true },
    { open: true, dueBefore: now, runningClock: true },
    { dueBefore: new Date('2026-02-26T00:00:00Z') },
  ];
  const pages = [
    { limit: 50, offset: 0 },
    { limit: 7, offset: 0 },
    { limit: 7, offset: 7 },
    { limit: 7, offset: 14 },
    { limit: 4, offset: 55 },
    { limit: 5, offset: 200 },
  ];

  it('returns the rows, order and total of the three-column OR on every page', async () => {
    for (const scopes of scopeSets) {
      for (const f of filters) {
        for (const p of pages) {
          const filter = { scopes, ...f, ...p };
          const got = await listDossierRows(database.db, filter);
          const want = expected(filter);
          expect({ ids: got.rows.map((r) => r.id), total: got.total }, JSON.stringify({ scopes, f, p })).toEqual(want);
        }
      }
    }
  }, 120_000);

  it('lists a dossier received at one unit of the scope and handled by another once, and counts it once', async () => {
    const both = rows.filter((r) => r.receiving === a && r.competent === b);
    expect(both.length).toBeGreaterThan(0);
    const got = await listDossierRows(database.db, { scopes: [a, b, province], limit: 200 });
    const ids = got.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of both) expect(ids.filter((id) => id === r.id)).toHaveLength(1);
    expect(got.total).toBe(
      rows.filter((r) => [a, b, province].some((s) => [r.receiving, r.competent, r.province].includes(s))).length,
    );
  });

  it('counts up to the cap exactly, and past it says "more than the cap" (every branch, both sides)', async () => {
    const cases: Array<Omit<DossierListFilter, 'countCap'>> = [
      { scopes: [a, b, c] },
      { scopes: [a, province] },
      { scopes: [other, c], open: true },
      { scopes: [province] },
    ];
    for (const f of cases) {
      const exact = expected({ ...f, limit: 1000 }).total;
      expect(exact, JSON.stringify(f)).toBeGreaterThan(3);
      // Below, at, and above the exact count; and a cap a single branch outgrows.
      for (const cap of [exact + 1, exact, exact - 1, 2, 1]) {
        const got = await listDossierRows(database.db, { ...f, limit: 5, countCap: cap });
        const msg = JSON.stringify({ f, cap, exact });
        expect({ total: got.total, totalCapped: got.totalCapped }, msg).toEqual({
          total: Math.min(exact, cap),
          totalCapped: exact > cap,
        });
        // The page itself is not cut by the cap.
        expect(
          got.rows.map((r) => r.id),
          msg,
        ).toEqual(expected({ ...f, limit: 5 }).ids);
      }
    }
  });

  it('lists nothing for no scope, and everything for the nation', async () => {
    expect(await listDossierRows(database.db, { scopes: [] })).toEqual({ rows: [], total: 0, totalCapped: false });
    const all = await listDossierRows(database.db, { scopes: ['VN'], limit: 1 });
    expect(all.total).toBeGreaterThanOrEqual(rows.length);
  });
});

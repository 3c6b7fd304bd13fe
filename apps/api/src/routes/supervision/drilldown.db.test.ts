import type { Dashboard, DossierDetail, Drilldown, DrilldownDossiers } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Below the commune: department → official → dossiers. A 3-working-day procedure; Monday 02/03/2026 09:00 in
// Vietnam (due Thursday 09:00); the report on Thursday 10:00. Commune X of province Q has two departments.
const MON = '2026-03-02T02:00:00Z';
const THU = '2026-03-05T03:00:00Z';
const clock = fixedClock(MON);
const period = 'from=2026-03-01&to=2026-03-31';

let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let Y: string;
let Z: string;
let procedureCode: string;
const who: Record<string, Signed> = {};
const dept: Record<string, string> = {};
const ids: Record<string, string> = {};

const post = (s: Signed, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload ?? {} });
const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const ok = async <T>(s: Signed, url: string): Promise<T> => {
  const res = await get(s, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function receive(): Promise<string> {
  const res = await post(who.reception!, '/api/dossiers', counterReceiptBody(procedureCode, X));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

async function place(s: Signed, unit: string, departmentId: string | null) {
  await sql`insert into assignments (user_id, unit_code, department_id, kind, valid_from)
    values (${s.userId}, ${unit}, ${departmentId}, 'permanent', '2026-01-01')`.execute(database.db);
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  [X, Y] = q.communeCodes as [string, string];
  Z = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  for (const [k, name] of [
    ['office', 'Văn phòng HĐND và UBND'],
    ['culture', 'Phòng Văn hóa - Xã hội'],
  ] as const) {
    const r = await sql<{ id: string }>`insert into departments (unit_code, kind, name)
      values (${X}, ${k === 'office' ? 'office' : 'culture_social'}, ${name}) returning id::text as id`.execute(
      database.db,
    );
    dept[k] = r.rows[0]!.id;
  }
  who.reception = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.specialist = await signIn(app, database, [{ role: 'specialist', unitCode: X }]);
  who.leaderX = await signIn(app, database, [{ role: 'leader', unitCode: X }]);
  who.leaderY = await signIn(app, database, [{ role: 'leader', unitCode: Y }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  who.supervisorR = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  await place(who.reception, X, dept.office!);
  await place(who.specialist, X, dept.culture!);
  await place(who.leaderX, X, null);
  clock.set(MON);
  // a: received, claimed and handed on; the specialist claims it and holds it (overdue on Thursday)
  ids.a = await receive();
  expect((await post(who.reception!, `/api/dossiers/${ids.a}/claim`, { stepOrder: 1 })).statusCode).toBe(200);
  expect((await post(who.reception!, `/api/dossiers/${ids.a}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
  const claim = await post(who.specialist!, `/api/dossiers/${ids.a}/claim`, { stepOrder: 2 });
  expect(claim.statusCode, claim.body).toBe(200);
  // b: received only (in progress, not overdue: received on Thursday)
  clock.set(THU);
  ids.b = await receive();
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('drill-down below the commune', () => {
  it('per department and per official, each dossier counted where its officials work; totals equal the dashboard', async () => {
    const d = await ok<Drilldown>(who.supervisorQ!, `/api/supervision/drilldown?code=${X}&${period}`);
    expect(d).toMatchObject({ code: X, provinceCode: Q, from: '2026-03-01', to: '2026-03-31' });
    expect(d.totals).toMatchObject({ received: 2, overdue: 1, in_progress: 1 });
    const dash = await ok<Dashboard>(who.supervisorQ!, `/api/supervision/dashboard?level=commune&code=${X}&${period}`);
    expect(dash.totals.received).toBe(d.totals.received);
    expect(dash.totals.inProgressOverdue).toBe(d.totals.overdue);
    const byDept = Object.fromEntries(d.departments.map((x) => [x.departmentId ?? 'none', x]));
    // reception (office) received both; the specialist (culture) got a by the hand-over
    expect(byDept[dept.office!]).toMatchObject({ officials: 1, counts: { received: 2, overdue: 1 } });
    expect(byDept[dept.culture!]?.counts).toMatchObject({ received: 1, overdue: 1 });
    const reception = d.officials.find((o) => o.userId === who.reception!.userId)!;
    expect(reception).toMatchObject({ departmentId: dept.office, counts: { received: 2 } });
    // one official's overdue dossiers, then a department's
    const list = await ok<DrilldownDossiers>(
      who.supervisorQ!,
      `/api/supervision/drilldown/dossiers?code=${X}&${period}&official=${who.specialist!.userId}&bucket=overdue`,
    );
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: ids.a, bucket: 'overdue', procedureCode });
    const office = await ok<DrilldownDossiers>(
      who.supervisorQ!,
      `/api/supervision/drilldown/dossiers?code=${X}&${period}&department=${dept.office}`,
    );
    expect(office.items.map((i) => i.id).sort()).toEqual([ids.a, ids.b].sort());
    expect(office.next).toBeNull();
    // by keyset, one at a time: newest entry first, the second page after the first's `next`, then no more
    const url = `/api/supervision/drilldown/dossiers?code=${X}&${period}&department=${dept.office}&limit=1`;
    const first = await ok<DrilldownDossiers>(who.supervisorQ!, url);
    expect(first).toMatchObject({ total: 2, items: [{ id: ids.b }] });
    expect(first.next).toEqual(expect.any(String));
    const second = await ok<DrilldownDossiers>(who.supervisorQ!, `${url}&after=${encodeURIComponent(first.next!)}`);
    expect(second).toMatchObject({ total: 2, items: [{ id: ids.a }], next: null });
    // with the first page's total (as the web sends it) the row is not counted again: the same page
    const again = await ok<DrilldownDossiers>(
      who.supervisorQ!,
      `${url}&after=${encodeURIComponent(first.next!)}&total=${first.total}`,
    );
    expect(again).toEqual(second);
  });

  it('a commune leader sees their commune only; a province supervisor only their province; reception nothing', async () => {
    expect((await get(who.leaderX!, `/api/supervision/drilldown?code=${X}&${period}`)).statusCode).toBe(200);
    for (const [s, code] of [
      [who.leaderY!, X],
      [who.supervisorQ!, Z],
      [who.reception!, X],
    ] as const) {
      for (const path of ['drilldown', 'drilldown/dossiers']) {
        const res = await get(s, `/api/supervision/${path}?code=${code}&${period}`);
        expect(res.statusCode, `${path} ${code}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    // a national supervisor reaches any commune
    expect((await get(who.supervisorR!, `/api/supervision/drilldown?code=${Z}&${period}`)).statusCode).toBe(200);
  });

  it('bad input is a 4xx problem, never a 500', async () => {
    for (const q of [
      `code=${X}&from=2026-02-30`,
      `code=${X}&department=x`,
      'code=%27%3B',
      `code=${X}&bucket=nope`,
      `code=${X}&after=2026-03-01_x`,
      `code=${X}&total=-1`,
    ]) {
      const res = await get(who.supervisorQ!, `/api/supervision/drilldown/dossiers?${q}`);
      expect(res.statusCode, q).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, q).toBeLessThan(500);
    }
    expect((await get(who.supervisorQ!, `/api/supervision/drilldown?code=${Q}&${period}`)).statusCode).toBe(404);
  });
});

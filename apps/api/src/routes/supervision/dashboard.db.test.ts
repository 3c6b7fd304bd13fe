import type { Dashboard, DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Two provinces (Q with communes X, Y; R with commune Z), dossiers received on Monday 2 March 2026.
const clock = fixedClock('2026-03-02T02:00:00Z');
let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let Y: string;
let R: string;
let Z: string;
let procedureCode: string;
const who: Record<string, Signed> = {};
const period = 'from=2026-03-01&to=2026-03-31';

const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const dashboard = async (s: Signed, query: string) => get(s, `/api/supervision/dashboard?${period}&${query}`);

async function receive(at: Signed, unit: string, channel: 'in_person' | 'postal' = 'in_person'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: at.headers,
    payload: counterReceiptBody(procedureCode, unit, { channel }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  [X, Y] = q.communeCodes as [string, string];
  const r = await insertDossierTestUnits(database.db, 1);
  R = r.provinceCode;
  Z = r.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  await loadDossierTestProcedure(database.db, { unitCode: Z });
  who.receptionX = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.receptionZ = await signIn(app, database, [{ role: 'reception', unitCode: Z }]);
  who.specialistY = await signIn(app, database, [{ role: 'specialist', unitCode: Y }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  who.national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  await receive(who.receptionX!, X);
  await receive(who.receptionX!, X, 'postal');
  const refused = await receive(who.receptionY!, Y);
  const res = await app.inject({
    method: 'POST',
    url: `/api/dossiers/${refused}/refuse`,
    headers: who.specialistY!.headers,
    payload: { reasons: ['Sai thẩm quyền'] },
  });
  expect(res.statusCode, res.body).toBe(200);
  await receive(who.receptionZ!, Z);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('GET /api/supervision/dashboard', () => {
  it('a province supervisor sees their province and its communes, read from the aggregates', async () => {
    const res = await dashboard(who.supervisorQ!, '');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Dashboard;
    expect(body).toMatchObject({ level: 'province', code: Q, parent: null, from: '2026-03-01', to: '2026-03-31' });
    expect(body.previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(body.rows.map((r) => [r.code, r.received, r.refused, r.inProgress, r.drill])).toEqual([
      [X, 2, 0, 2, 'commune'],
      [Y, 1, 1, 0, 'commune'],
    ]);
    expect(body.totals).toMatchObject({ received: 3, online: 0, refused: 1, onlineShare: 0, refusalRate: 1 / 3 });
    expect(body.daily).toEqual([
      { day: '2026-03-02', channel: 'in_person', received: 2 },
      { day: '2026-03-02', channel: 'postal', received: 1 },
    ]);
    expect(body.procedures).toEqual([expect.objectContaining({ procedureCode, received: 3, refused: 1 })]);
    // two open dossiers at X due Thursday: neither overdue nor due today or tomorrow on Monday
    expect(body.openDue).toEqual({ overdue: 0, dueSoon: 0, undue: 2, paused: 0 });
    // one commune, one level down: its dossiers are the next step of the drill-down
    const commune = (await dashboard(who.supervisorQ!, `level=commune&code=${X}`)).json() as Dashboard;
    expect(commune).toMatchObject({ level: 'commune', code: X, parent: { level: 'province', code: Q } });
    expect(commune.rows.map((r) => [r.code, r.received, r.drill])).toEqual([[X, 2, 'dossiers']]);
  });

  it('a province supervisor cannot reach the nation, another province or its communes', async () => {
    for (const q of ['level=nation', `level=province&code=${R}`, `level=commune&code=${Z}`]) {
      const res = await dashboard(who.supervisorQ!, q);
      expect(res.statusCode, q).toBe(403);
      expect(res.json()).toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|OUT_OF_JURISDICTION)$/) });
    }
    // a reception official has no dashboard at all
    expect((await dashboard(who.receptionX!, '')).statusCode).toBe(403);
  });

  it('the nation: one row per province, each opening its communes', async () => {
    const res = await dashboard(who.national!, '');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Dashboard;
    expect(body.level).toBe('nation');
    const mine = body.rows.filter((r) => r.code === Q || r.code === R);
    expect(mine.map((r) => [r.code, r.received, r.drill])).toEqual(
      [
        [Q, 3, 'province'],
        [R, 1, 'province'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const province = (await dashboard(who.national!, `level=province&code=${R}`)).json() as Dashboard;
    expect(province).toMatchObject({ level: 'province', code: R, parent: { level: 'nation' } });
    expect(province.rows.map((r) => r.code)).toEqual([Z]);
    expect((await dashboard(who.national!, 'level=commune')).statusCode).toBe(400);
  });
});

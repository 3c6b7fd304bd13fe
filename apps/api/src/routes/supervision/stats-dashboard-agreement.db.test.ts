import type { Dashboard, DossierDetail, DossierList, DossierStats } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// The supervision table (GET /api/dossiers/stats, now from the aggregate tables) and the dashboard give the same
// figures for the same scope and period, each figure equals the length of the list it opens (which still reads
// the dossiers), and "due soon" is exact on the unit's calendar: one working day ahead, not "today or tomorrow".
// A 3-working-day procedure, the week of Monday 02/03/2026; the report on Friday 06/03 at 10:00 in Vietnam.
const at = (vn: string) => new Date(`${vn}+07:00`).toISOString();
const FRI_10 = at('2026-03-06T10:00:00');
const clock = fixedClock(at('2026-03-02T09:00:00'));
const period = 'from=2026-03-01&to=2026-03-31';

let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let Y: string;
let procedureCode: string;
const who: Record<string, Signed> = {};

const get = async <T>(s: Signed, url: string): Promise<T> => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function receive(unit: string, vnInstant: string): Promise<DossierDetail> {
  clock.set(at(vnInstant));
  const s = unit === X ? who.receptionX! : who.receptionY!;
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: s.headers,
    payload: counterReceiptBody(procedureCode, unit),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DossierDetail;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  [X, Y] = q.communeCodes as [string, string];
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  await loadDossierTestProcedure(database.db, { unitCode: Y });
  who.receptionX = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  // due Friday 09:00 (overdue at 10:00), Friday 14:00 (later today), Monday 09:00 (the next working day, after the
  // weekend), Tuesday 09:00 (two working days ahead)
  const due = [
    await receive(X, '2026-03-03T09:00:00'),
    await receive(X, '2026-03-03T14:00:00'),
    await receive(Y, '2026-03-04T09:00:00'),
    await receive(Y, '2026-03-05T09:00:00'),
  ].map((d) => d.dueAt);
  expect(due).toEqual(
    ['2026-03-06T09:00:00', '2026-03-06T14:00:00', '2026-03-09T09:00:00', '2026-03-10T09:00:00'].map(at),
  );
  clock.set(FRI_10);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('the supervision table from the aggregates agrees with the dashboard', () => {
  it('due soon is one working day on the calendar: later today and Monday after the weekend, not Tuesday', async () => {
    const dash = await get<Dashboard>(
      who.supervisorQ!,
      `/api/supervision/dashboard?level=province&code=${Q}&${period}`,
    );
    // by civil days this was overdue 0, due soon 2 (both of Friday), undue 2
    expect(dash.openDue).toEqual({ overdue: 1, dueSoon: 2, undue: 1, paused: 0 });
    const table = await get<DossierStats>(who.supervisorQ!, `/api/dossiers/stats?provinceCode=${Q}&${period}`);
    expect(table.totals.inProgress).toEqual({ total: 4, undue: 1, dueSoon: 2, overdue: 1, noDeadline: 0 });
    const x = await get<Dashboard>(who.supervisorQ!, `/api/supervision/dashboard?level=commune&code=${X}&${period}`);
    expect(x.openDue).toEqual({ overdue: 1, dueSoon: 1, undue: 0, paused: 0 });
  });

  for (const by of ['received_unit', 'current_unit'] as const) {
    it(`same figures for the province and each commune (by ${by}), and each list as long as its figure`, async () => {
      const s = who.supervisorQ!;
      const table = await get<DossierStats>(s, `/api/dossiers/stats?provinceCode=${Q}&${period}&by=${by}`);
      const dash = await get<Dashboard>(s, `/api/supervision/dashboard?level=province&code=${Q}&${period}&by=${by}`);
      const same = (t: DossierStats['totals'], d: Dashboard['totals']) => {
        expect([t.received, t.online, t.inProgress.total, t.inProgress.overdue, t.inProgress.noDeadline]).toEqual([
          d.received,
          d.online,
          d.inProgress,
          d.inProgressOverdue,
          d.inProgressNoDeadline,
        ]);
        expect([t.finished.early, t.finished.onTime, t.finished.late, t.finished.noDeadline]).toEqual([
          d.finishedEarly,
          d.finishedOnTime,
          d.finishedLate,
          d.finishedNoDeadline,
        ]);
        expect([t.refused, t.withdrawn, t.stopped, t.onTimeRate]).toEqual([
          d.refused,
          d.withdrawn,
          d.stopped,
          d.onTimeRate,
        ]);
      };
      same(table.totals, dash.totals);
      expect(table.rows.map((r) => r.code)).toEqual(dash.rows.map((r) => r.code));
      for (const row of table.rows) same(row, dash.rows.find((r) => r.code === row.code)!);
      const figures: Record<string, number> = {
        received: table.totals.received,
        online: table.totals.online,
        in_progress: table.totals.inProgress.total,
        undue: table.totals.inProgress.undue,
        due_soon: table.totals.inProgress.dueSoon,
        overdue: table.totals.inProgress.overdue,
        finished: table.totals.finished.total,
        refused: table.totals.refused,
      };
      for (const [bucket, n] of Object.entries(figures)) {
        const list = await get<DossierList>(
          s,
          `/api/dossiers/stats/dossiers?provinceCode=${Q}&${period}&by=${by}&bucket=${bucket}`,
        );
        expect(list.total, bucket).toBe(n);
      }
      expect(table.totals).toMatchObject({ received: 4, inProgress: { dueSoon: 2, overdue: 1 } });
    });
  }
});

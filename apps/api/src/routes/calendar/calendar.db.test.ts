import { randomInt } from 'node:crypto';
import type { Database } from '@mot-cua/db';
import { loadCalendarMasterData } from '@mot-cua/db/seed/calendar';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let admin: Signed;

beforeAll(async () => {
  database = await createTestDb();
  await loadCalendarMasterData(database, () => {});
  ({ app } = await buildTestApp(database));
  admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const farYear = () => 2080 + randomInt(0, 20);
/** POST /api/calendar/due-date (public: no session). */
const dueDate = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/calendar/due-date', payload });

describe('POST /api/calendar/due-date', () => {
  it('computes a due date over Tết 2026 with the cut-off (public)', async () => {
    const res = await dueDate({
      receivedAt: '2026-02-13T15:30:00+07:00',
      duration: { value: 3, unit: 'working_days' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      calendarScope: 'VN',
      clockStartsAt: '2026-02-23T00:00:00.000Z',
      dueAtLocal: '2026-02-25 17:00',
      paused: false,
      apologyNoticeBy: '2026-02-24T10:00:00.000Z',
    });
  });

  it('restarts after a supplement, keeps the pauses and splits the steps', async () => {
    const res = await dueDate({
      receivedAt: '2026-03-10T09:00:00+07:00',
      duration: { value: 2, unit: 'working_days' },
      pauses: [{ startedAt: '2026-03-10T10:00:00+07:00', endedAt: '2026-03-12T09:00:00+07:00', reason: 'Bổ sung' }],
      steps: [
        { key: 'a', duration: { value: 0.5, unit: 'working_days' } },
        { key: 'b', duration: { value: 1.5, unit: 'working_days' } },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dueAtLocal).toBe('2026-03-16 09:00');
    expect(body.pauses).toEqual([
      {
        startedAt: '2026-03-10T03:00:00.000Z',
        endedAt: '2026-03-12T02:00:00.000Z',
        reason: 'Bổ sung',
        workingHours: 15,
      },
    ]);
    expect(body.steps.map((s: { plannedDueAt: string }) => s.plannedDueAt)).toEqual([
      '2026-03-12T08:00:00.000Z',
      '2026-03-16T02:00:00.000Z',
    ]);
  });

  it('pauses an open supplement request: no due date', async () => {
    const res = await dueDate({
      receivedAt: '2026-03-10T09:00:00+07:00',
      duration: { value: 2, unit: 'working_days' },
      pauses: [{ startedAt: '2026-03-10T10:00:00+07:00', endedAt: null }],
    });
    expect(res.json()).toMatchObject({ paused: true, dueAt: null, status: 'undue' });
  });

  it.each([
    [{ receivedAt: '2026-03-10T09:00:00+07:00' }, 'VALIDATION_FAILED'],
    [{ receivedAt: 'yesterday', duration: { value: 1, unit: 'working_days' } }, 'VALIDATION_FAILED'],
    [
      {
        receivedAt: '2026-03-10T09:00:00+07:00',
        duration: { value: 1, unit: 'working_days' },
        pauses: [{ startedAt: '2026-03-09T10:00:00+07:00', endedAt: null }],
      },
      'CALENDAR_INVALID_PAUSES',
    ],
    [
      {
        receivedAt: '2026-03-10T09:00:00+07:00',
        duration: { value: 1, unit: 'working_days' },
        steps: [
          { key: 'a', duration: { value: 1, unit: 'calendar_days' } },
          { key: 'b', duration: { value: 1, unit: 'working_days' } },
        ],
      },
      'CALENDAR_INVALID_DURATION',
    ],
  ])('rejects %j with 400 %s', async (payload, code) => {
    const res = await dueDate(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });
});

describe('GET /api/calendar/years/:year', () => {
  it('lists 2026 with the announced schedule and 2027 by the rules', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/calendar/years/2026' });
    expect(res.statusCode).toBe(200);
    const y = res.json();
    expect(y).toMatchObject({ year: 2026, scopeCode: 'VN', announced: true });
    expect(y.days).toHaveLength(365);
    const day = (d: string) => y.days.find((x: { date: string }) => x.date === d);
    expect(day('2026-08-22')).toMatchObject({ working: true, weekday: 6 });
    expect(day('2026-08-31')).toMatchObject({ working: false });
    expect(day('2026-04-27').entries[0].kind).toBe('compensatory');
    expect(y.settings).toMatchObject({ cutoff: { kind: 'at', time: '15:00' } });
    const y2027 = (await app.inject({ method: 'GET', url: '/api/calendar/years/2027' })).json();
    expect(y2027.announced).toBe(false);
    expect(y2027.days.find((x: { date: string }) => x.date === '2027-02-10').working).toBe(false);
  });

  it('400 for a year out of range', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/calendar/years/1900' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });
});

describe('administering a year schedule', () => {
  it('401 without a session, 403 for other roles, 403 out of jurisdiction', async () => {
    const { unitCode, provinceCode } = testUnit();
    const payload = { unitCode, provinceCode, source: null, entries: [], expectedVersion: 0 };
    const anon = await app.inject({ method: 'PUT', url: '/api/calendar/schedules/2026', payload });
    expect([anon.statusCode, anon.json().code]).toEqual([401, 'UNAUTHENTICATED']);
    const reception = await signIn(app, database, [{ role: 'reception', unitCode }]);
    const r1 = await app.inject({
      method: 'PUT',
      url: '/api/calendar/schedules/2026',
      payload,
      headers: reception.headers,
    });
    expect([r1.statusCode, r1.json().code]).toEqual([403, 'FORBIDDEN']);
    const otherAdmin = await signIn(app, database, [{ role: 'system_admin', unitCode: testUnit().provinceCode }]);
    const r2 = await app.inject({
      method: 'PUT',
      url: '/api/calendar/schedules/2026',
      payload,
      headers: otherAdmin.headers,
    });
    expect([r2.statusCode, r2.json().code]).toEqual([403, 'OUT_OF_JURISDICTION']);
    const national = await app.inject({
      method: 'PUT',
      url: '/api/calendar/schedules/2026',
      payload: { source: null, entries: [], expectedVersion: 1 },
      headers: otherAdmin.headers,
    });
    expect([national.statusCode, national.json().code]).toEqual([403, 'OUT_OF_JURISDICTION']);
  });

  it('a provincial administrator adds a local day off that changes the province calendar, audited', async () => {
    const { unitCode, provinceCode } = testUnit();
    const provAdmin = await signIn(app, database, [{ role: 'system_admin', unitCode: provinceCode }]);
    const draft = await app.inject({ method: 'GET', url: `/api/calendar/schedules/2026?provinceCode=${provinceCode}` });
    expect(draft.json()).toMatchObject({ stored: false, version: 0, entries: [] });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/calendar/schedules/2026',
      headers: provAdmin.headers,
      payload: {
        provinceCode,
        source: 'Quyết định của UBND tỉnh',
        entries: [{ date: '2026-03-10', kind: 'local_day_off', name: 'Lễ hội' }],
        expectedVersion: 0,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ scopeCode: provinceCode, version: 1, stored: true });
    const due = await dueDate({
      receivedAt: '2026-03-09T10:00:00+07:00',
      duration: { value: 1, unit: 'working_days' },
      unitCode,
      provinceCode,
    });
    expect(due.json()).toMatchObject({ dueAtLocal: '2026-03-11 10:00', calendarScope: unitCode });
    const audit = await database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', `${provinceCode}:2026`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.schedule_saved']);
    expect(audit[0]!.actorUserId).toBe(provAdmin.userId);
  });

  it('the national schedule: draft from the rules, save, 409 on a stale version, 400 invalid, delete', async () => {
    const year = farYear();
    try {
      const draft = (await app.inject({ method: 'GET', url: `/api/calendar/schedules/${year}` })).json();
      expect(draft).toMatchObject({ stored: false, version: 0 });
      expect(draft.entries.length).toBeGreaterThanOrEqual(11);
      const save = (expectedVersion: number, entries = draft.entries) =>
        app.inject({
          method: 'PUT',
          url: `/api/calendar/schedules/${year}`,
          headers: admin.headers,
          payload: { source: 'Thông báo thử', entries, expectedVersion },
        });
      expect((await save(0)).json()).toMatchObject({ version: 1, stored: true });
      const stale = await save(0);
      expect([stale.statusCode, stale.json().code]).toEqual([409, 'CALENDAR_SCHEDULE_CHANGED']);
      const bad = await save(1, [{ date: `${year}-01-05`, kind: 'reception_day', name: 'x' }]);
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'CALENDAR_SCHEDULE_INVALID']);
      const gone = await app.inject({
        method: 'DELETE',
        url: `/api/calendar/schedules/${year}?expectedVersion=1`,
        headers: admin.headers,
      });
      expect(gone.statusCode).toBe(204);
      const again = await app.inject({
        method: 'DELETE',
        url: `/api/calendar/schedules/${year}?expectedVersion=1`,
        headers: admin.headers,
      });
      expect([again.statusCode, again.json().code]).toEqual([404, 'CALENDAR_SCHEDULE_NOT_FOUND']);
    } finally {
      await database.db
        .deleteFrom('calendarSchedules')
        .where('scopeCode', '=', 'VN')
        .where('year', '=', year)
        .execute();
    }
  });

  it('settings of a commune: office hours and a "1 hour before closing" cut-off', async () => {
    const { unitCode, provinceCode } = testUnit();
    const put = (officeHours: Array<{ start: string; end: string }>) =>
      app.inject({
        method: 'PUT',
        url: '/api/calendar/settings',
        headers: admin.headers,
        payload: {
          unitCode,
          provinceCode,
          officeHours,
          cutoff: { kind: 'before_close', minutes: 60 },
          dueSoonWithin: { value: 2, unit: 'working_days' },
        },
      });
    const bad = await put([{ start: '13:00', end: '11:00' }]);
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const ok = await put([
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(ok.statusCode).toBe(200);
    const got = await app.inject({
      method: 'GET',
      url: `/api/calendar/settings?unitCode=${unitCode}&provinceCode=${provinceCode}`,
    });
    expect(got.json()).toMatchObject({ scopeCode: unitCode, cutoff: { kind: 'before_close', minutes: 60 } });
    const due = await dueDate({
      receivedAt: '2026-03-10T15:30:00+07:00',
      duration: { value: 0.5, unit: 'working_days' },
      unitCode,
      provinceCode,
    });
    expect(due.json().dueAtLocal).toBe('2026-03-11 10:00');
  });
});

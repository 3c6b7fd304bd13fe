import type { DossierDetail, DossierStats, DossierStatsRow } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// A 3-working-day procedure. Monday 02/03/2026 09:00 in Vietnam; the week has no holiday.
const MON = '2026-03-02T02:00:00Z';
const TUE = '2026-03-03T03:00:00Z'; // 10:00
const WED = '2026-03-04T03:00:00Z'; // 10:00
const THU = '2026-03-05T03:00:00Z'; // 10:00, the moment of the report
const clock = fixedClock(MON);

let database: Database;
let app: FastifyInstance;
let Q: string; // the province reported on
let X: string; // commune of Q
let Y: string; // another commune of Q
let R: string; // another province
let Z: string; // commune of R
let procedureCode: string;
const who: Record<string, Signed> = {};
const ids: Record<string, string> = {};

const applicant = { fullName: 'Lê Văn Bình', idNumber: '079190000002', phone: '0909000002' };
const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];
const pdf = Buffer.from('%PDF-1.4\n% kết quả\n%%EOF\n');

const post = (s: Signed | undefined, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, ...(s ? { headers: s.headers } : {}), payload: payload ?? {} });
const get = (s: Signed | undefined, url: string) =>
  app.inject({ method: 'GET', url, ...(s ? { headers: { cookie: s.cookie } } : {}) });

async function receive(at: Signed, unit: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(at, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: unit,
    applicant,
    components: complete,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

/** Approve and issue the result now. */
async function finish(id: string) {
  // Through the internal process: reception (1), specialist (2), then the leader's approval step (3).
  expect((await post(who.receptionX, `/api/dossiers/${id}/claim`, { stepOrder: 1 })).statusCode).toBe(200);
  expect((await post(who.receptionX, `/api/dossiers/${id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
  expect((await post(who.specialistX, `/api/dossiers/${id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
  expect((await post(who.leaderX, `/api/dossiers/${id}/approve`)).statusCode).toBe(200);
  const boundary = '----stats';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/result`,
    headers: { ...who.specialistX!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The test's month so far (the API's default period is the last 30 days up to today, which would reach February). */
const PERIOD = 'from=2026-03-01&to=2026-03-05';
const withPeriod = (q: string) => (q.includes('from=') ? q : q ? `${q}&${PERIOD}` : `?${PERIOD}`);
const stats = async (s: Signed | undefined, query = '') => get(s, `/api/dossiers/stats${withPeriod(query)}`);
const rowOf = (body: DossierStats, code: string): DossierStatsRow => {
  const row = body.rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}: ${JSON.stringify(body.rows.map((r) => r.code))}`);
  return row;
};

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
  who.receptionX = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.specialistX = await signIn(app, database, [{ role: 'specialist', unitCode: X }]);
  who.leaderX = await signIn(app, database, [{ role: 'leader', unitCode: X }]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.directorY = await signIn(app, database, [{ role: 'center_director', unitCode: Y }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  who.supervisorR = await signIn(app, database, [{ role: 'supervisor', unitCode: R }]);
  who.national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  who.citizen = await signIn(app, database, [{ role: 'citizen', unitCode: Q }]);

  // Monday 09:00 (due Thursday 09:00).
  clock.set(MON);
  ids.early = await receive(who.receptionX!, X);
  await finish(ids.early);
  const online = await post(who.citizen, '/api/dossiers', {
    mode: 'submit',
    channel: 'online',
    procedureCode,
    receivingUnitCode: X,
    applicant,
    components: complete,
    returnMethod: 'online',
  });
  expect(online.statusCode, online.body).toBe(201);
  ids.online = (online.json() as DossierDetail).id;
  ids.overdue = await receive(who.receptionX!, X);
  ids.refused = await receive(who.receptionX!, X);
  expect(
    (await post(who.specialistX, `/api/dossiers/${ids.refused}/refuse`, { reasons: ['Sai thẩm quyền'] })).statusCode,
  ).toBe(200);
  ids.withdrawn = await receive(who.receptionX!, X);
  expect(
    (await post(who.receptionX, `/api/dossiers/${ids.withdrawn}/withdraw`, { reason: 'Người nộp rút' })).statusCode,
  ).toBe(200);
  ids.late = await receive(who.receptionX!, X);
  ids.onTime = await receive(who.receptionX!, X);
  ids.paused = await receive(who.receptionX!, X);
  const sup = await post(who.specialistX, `/api/dossiers/${ids.paused}/supplement-request`, {
    items: [{ key: 'c02', state: 'missing', reason: 'Thiếu bản sao' }],
  });
  expect(sup.statusCode, sup.body).toBe(200);
  ids.atY = await receive(who.receptionY!, Y);
  ids.atYforX = await receive(who.receptionY!, Y, { competentUnitCode: X });
  // Tuesday 10:00: due Friday 10:00, due soon on Thursday 10:00.
  clock.set(TUE);
  ids.dueSoon = await receive(who.receptionX!, X);
  // Wednesday 10:00: one finished 23 h before its due date (on time); one due next Monday (undue).
  clock.set(WED);
  await finish(ids.onTime);
  ids.undue = await receive(who.receptionX!, X);
  // Thursday 10:00: one finished an hour late. The report is made now.
  clock.set(THU);
  await finish(ids.late);
  // A boundary change re-homes the open dossier received at Y to X: the report keeps it at Y.
  await sql`update dossiers set receiving_unit_code = ${X}, competent_unit_code = ${X} where id = ${ids.atY}`.execute(
    database.db,
  );
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('GET /api/dossiers/stats', () => {
  it('a province supervisor gets a row per commune at the time of receipt, with totals', async () => {
    const res = await stats(who.supervisorQ);
    expect(res.statusCode, res.body).toBe(200);
    const body: DossierStats = res.json();
    expect(body).toMatchObject({ groupBy: 'unit', from: '2026-03-01', to: '2026-03-05' });
    expect(body.rows.map((r) => r.code)).toEqual([X, Y].sort());
    expect(rowOf(body, X)).toMatchObject({
      name: 'Phường Thử 1',
      provinceCode: Q,
      canReadDossiers: true,
      received: 10,
      online: 1,
      onlineShare: 0.1,
      inProgress: { total: 5, undue: 2, dueSoon: 1, overdue: 1, noDeadline: 1 },
      finished: { total: 3, early: 1, onTime: 1, late: 1, noDeadline: 0 },
      // 766: finished early or on time (2) + in progress within the deadline (undue 2, due soon 1) over
      // those and the late (1) and overdue (1) ones.
      onTimeRate: 5 / 7,
      refused: 1,
      withdrawn: 1,
      stopped: 0,
    });
    // Both dossiers received at Y stay at Y, including the one re-homed to X and the one decided by X.
    expect(rowOf(body, Y)).toMatchObject({
      received: 2,
      inProgress: { total: 2, overdue: 2 },
      finished: { total: 0 },
      // Two overdue dossiers in progress: 0 %, not "nothing to judge".
      onTimeRate: 0,
    });
    expect(body.totals).toMatchObject({ received: 12, online: 1, refused: 1, withdrawn: 1 });
    expect(body.totals.inProgress.overdue).toBe(3);
  });

  it('by=current_unit reports each dossier under today’s unit (the re-homed one under X)', async () => {
    const res = await stats(who.supervisorQ, '?by=current_unit');
    expect(res.statusCode, res.body).toBe(200);
    const body: DossierStats = res.json();
    expect(body).toMatchObject({ groupBy: 'unit', by: 'current_unit' });
    expect(rowOf(body, X)).toMatchObject({ received: 11, inProgress: { total: 6, overdue: 2 } });
    // Received at Y for X: its receiving center is still Y.
    expect(rowOf(body, Y)).toMatchObject({ received: 1, inProgress: { total: 1, overdue: 1 } });
    expect(body.totals.received).toBe(12);
    // Scoped to X alone, today's unit holds the re-homed dossier; the unit at the time does not.
    const onlyX = (await stats(who.supervisorQ, `?unitCode=${X}&by=current_unit`)).json() as DossierStats;
    expect(onlyX.rows.map((r) => [r.code, r.received])).toEqual([[X, 11]]);
    const atTheTime = (await stats(who.supervisorQ, `?unitCode=${X}`)).json() as DossierStats;
    expect(atTheTime).toMatchObject({ by: 'received_unit' });
    expect(atTheTime.rows.map((r) => [r.code, r.received])).toEqual([[X, 10]]);
    expect((await stats(who.supervisorQ, '?by=today')).statusCode).toBe(400);
  });

  it('agrees with each dossier’s own progress badge (classifyProgress on its log)', async () => {
    const body: DossierStats = (await stats(who.supervisorQ)).json();
    const tally = new Map<string, number>();
    const entryUnit: Record<string, string> = {};
    for (const [name, id] of Object.entries(ids)) {
      const d: DossierDetail = (await get(who.supervisorQ, `/api/dossiers/${id}`)).json();
      entryUnit[name] = d.timeline[0]!.unitCode;
      const bucket = ['refused', 'withdrawn', 'stopped'].includes(d.status) ? d.status : d.progress;
      const key = `${d.timeline[0]!.unitCode}:${bucket}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(entryUnit.atY).toBe(Y);
    for (const row of body.rows) {
      const n = (b: string) => tally.get(`${row.code}:${b}`) ?? 0;
      expect([row.inProgress.undue, row.inProgress.dueSoon, row.inProgress.overdue]).toEqual([
        n('undue'),
        n('due_soon'),
        n('overdue'),
      ]);
      expect([row.finished.early, row.finished.onTime, row.finished.late]).toEqual([
        n('early'),
        n('on_time'),
        n('late'),
      ]);
      expect(row.inProgress.noDeadline + row.finished.noDeadline).toBe(n('no_deadline'));
      expect([row.refused, row.withdrawn]).toEqual([n('refused'), n('withdrawn')]);
    }
  });

  it('filters by date range and by unit; a national supervisor sees provinces, then communes', async () => {
    const tue: DossierStats = (await stats(who.supervisorQ, '?from=2026-03-03&to=2026-03-03')).json();
    expect(tue.rows.map((r) => [r.code, r.received])).toEqual([[X, 1]]);
    expect(tue.rows[0]!.inProgress.dueSoon).toBe(1);
    const feb = await stats(who.supervisorQ, '?from=2026-02-01&to=2026-02-28');
    expect(feb.json().rows).toEqual([]);
    const one: DossierStats = (await stats(who.supervisorQ, `?unitCode=${Y}`)).json();
    expect(one.rows.map((r) => r.code)).toEqual([Y]);

    const national: DossierStats = (await stats(who.national)).json();
    expect(national.groupBy).toBe('province');
    expect(rowOf(national, Q)).toMatchObject({
      name: expect.stringContaining('Tỉnh Thử'),
      received: 12,
      provinceCode: Q,
    });
    const drill: DossierStats = (await stats(who.national, `?provinceCode=${Q}`)).json();
    expect(drill.groupBy).toBe('unit');
    expect(drill.rows.map((r) => r.code)).toEqual([X, Y].sort());
    expect(drill.totals.received).toBe(12);
  });

  it('the director and the leader see their own unit only', async () => {
    const y: DossierStats = (await stats(who.directorY)).json();
    expect(y.rows.map((r) => [r.code, r.received])).toEqual([[Y, 2]]);
    const x: DossierStats = (await stats(who.leaderX)).json();
    expect(x.rows.map((r) => [r.code, r.received])).toEqual([[X, 10]]);
  });

  it('refuses every caller outside the area or without the role', async () => {
    const cases: Array<[Signed | undefined, string, number, string]> = [
      [undefined, '', 401, 'UNAUTHENTICATED'],
      [who.receptionX, '', 403, 'FORBIDDEN'],
      [who.specialistX, '', 403, 'FORBIDDEN'],
      [who.receptionY, `?unitCode=${Y}`, 403, 'FORBIDDEN'],
      [who.citizen, '', 403, 'FORBIDDEN'],
      [who.leaderX, `?unitCode=${Y}`, 403, 'OUT_OF_JURISDICTION'],
      [who.leaderX, `?provinceCode=${Q}`, 403, 'OUT_OF_JURISDICTION'],
      [who.directorY, `?unitCode=${X}`, 403, 'OUT_OF_JURISDICTION'],
      [who.supervisorQ, `?provinceCode=${R}`, 403, 'OUT_OF_JURISDICTION'],
      [who.supervisorQ, `?unitCode=${Z}`, 403, 'OUT_OF_JURISDICTION'],
      [who.supervisorR, `?provinceCode=${Q}`, 403, 'OUT_OF_JURISDICTION'],
      [who.supervisorR, `?unitCode=${X}`, 403, 'OUT_OF_JURISDICTION'],
      [who.supervisorQ, '?from=2026-03-05&to=2026-03-01', 400, 'VALIDATION_FAILED'],
      [who.supervisorQ, '?unitCode=KHONGCO', 404, 'DOSSIER_UNIT_NOT_FOUND'],
    ];
    for (const [s, query, status, code] of cases) {
      const res = await stats(s, query);
      expect(res.statusCode, `${query} ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      if (status === 403) expect(res.body).not.toContain('Lê Văn Bình');
    }
    // The province supervisor of R sees its own (empty) area, not Q's.
    const own: DossierStats = (await stats(who.supervisorR)).json();
    expect(own.rows).toEqual([]);
  });

  it('links to a unit’s overdue list work within the viewer’s jurisdiction only', async () => {
    const list = await get(who.supervisorQ, `/api/dossiers?view=overdue&unitCode=${X}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(ids.overdue);
    const denied = await get(who.leaderX, `/api/dossiers?view=overdue&unitCode=${Y}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('OUT_OF_JURISDICTION');
  });
});

describe('GET /api/dossiers/stats/dossiers: every figure equals the length of the list it opens', () => {
  const buckets = {
    received: (c: DossierStats['totals']) => c.received,
    online: (c: DossierStats['totals']) => c.online,
    in_progress: (c: DossierStats['totals']) => c.inProgress.total,
    in_progress_no_deadline: (c: DossierStats['totals']) => c.inProgress.noDeadline,
    not_due: (c: DossierStats['totals']) => c.inProgress.undue + c.inProgress.noDeadline,
    undue: (c: DossierStats['totals']) => c.inProgress.undue,
    due_soon: (c: DossierStats['totals']) => c.inProgress.dueSoon,
    overdue: (c: DossierStats['totals']) => c.inProgress.overdue,
    finished: (c: DossierStats['totals']) => c.finished.total,
    finished_no_deadline: (c: DossierStats['totals']) => c.finished.noDeadline,
    early: (c: DossierStats['totals']) => c.finished.early,
    on_time: (c: DossierStats['totals']) => c.finished.onTime,
    late: (c: DossierStats['totals']) => c.finished.late,
    refused: (c: DossierStats['totals']) => c.refused,
    withdrawn: (c: DossierStats['totals']) => c.withdrawn,
    stopped: (c: DossierStats['totals']) => c.stopped,
  } as const;

  for (const by of ['received_unit', 'current_unit'] as const) {
    it(`per row and in total (${by})`, async () => {
      const body: DossierStats = (await stats(who.supervisorQ, `?by=${by}`)).json();
      for (const [bucket, figure] of Object.entries(buckets)) {
        for (const row of [
          ...body.rows.map((r) => ({ code: r.code, counts: r })),
          { code: null, counts: body.totals },
        ]) {
          const qs = `?by=${by}&bucket=${bucket}&limit=200${row.code ? `&code=${row.code}` : ''}`;
          const res = await get(who.supervisorQ, `/api/dossiers/stats/dossiers${withPeriod(qs)}`);
          expect(res.statusCode, res.body).toBe(200);
          const list = res.json() as { items: unknown[]; total: number };
          const expected = figure(row.counts);
          expect([bucket, row.code, list.total], `${bucket} ${row.code ?? 'total'}`).toEqual([
            bucket,
            row.code,
            expected,
          ]);
          expect(list.items).toHaveLength(expected);
        }
      }
    });
  }

  it('the overdue list holds exactly the overdue dossiers received at X', async () => {
    const res = await get(who.supervisorQ, `/api/dossiers/stats/dossiers${withPeriod(`?bucket=overdue&code=${X}`)}`);
    expect((res.json() as { items: Array<{ id: string }> }).items.map((d) => d.id)).toEqual([ids.overdue]);
    expect((await get(who.citizen, '/api/dossiers/stats/dossiers?bucket=overdue')).statusCode).toBe(403);
  });
});

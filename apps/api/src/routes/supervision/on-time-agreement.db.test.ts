import type { Dashboard, DossierDetail, DossierStats, ServiceIndex } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// One on-time rate (766 indicator 2.1) on every page: the dashboard (aggregates + open split), the supervision
// table (/api/dossiers/stats, a scan of dossiers) and the index. A 3-working-day procedure; Monday 02/03/2026
// 09:00 in Vietnam (due Thursday 09:00); the report on Thursday 10:00, when the dossier left open is overdue.
const MON = '2026-03-02T02:00:00Z';
const THU = '2026-03-05T03:00:00Z';
const clock = fixedClock(MON);
const period = 'from=2026-03-01&to=2026-03-31';
const pdf = Buffer.from('%PDF-1.4\n% kết quả\n%%EOF\n');

let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let Y: string;
let procedureCode: string;
const who: Record<string, Signed> = {};

const post = (s: Signed, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload ?? {} });
const get = async <T>(s: Signed, url: string): Promise<T> => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function receive(unit: string): Promise<string> {
  const res = await post(
    unit === X ? who.receptionX! : who.receptionY!,
    '/api/dossiers',
    counterReceiptBody(procedureCode, unit),
  );
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

/** Through the internal process to the issued result (early: the same day). */
async function finish(id: string) {
  expect((await post(who.receptionX!, `/api/dossiers/${id}/claim`, { stepOrder: 1 })).statusCode).toBe(200);
  expect((await post(who.receptionX!, `/api/dossiers/${id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
  expect((await post(who.specialistX!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
  expect((await post(who.leaderX!, `/api/dossiers/${id}/approve`)).statusCode).toBe(200);
  const boundary = '----ontime';
  const res = await app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/result`,
    headers: { ...who.specialistX!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode, res.body).toBe(200);
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
  who.specialistX = await signIn(app, database, [{ role: 'specialist', unitCode: X }]);
  who.leaderX = await signIn(app, database, [{ role: 'leader', unitCode: X }]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  clock.set(MON);
  // Feedback at X: one answered (refused) at once, one left open (past its decision deadline on Thursday).
  const intake = async (title: string) => {
    const r = await post(who.receptionX!, '/api/feedback/intake', {
      channel: 'hotline',
      kind: 'question',
      title,
      content: 'Người gọi hỏi giờ làm việc của trung tâm.',
      communeCode: X,
      callerName: 'Trần Thị Bình',
      callerPhone: `08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  };
  const handled = await intake('Giờ làm việc');
  const refuse = await post(who.specialistX!, `/api/feedback/items/${handled}/actions`, {
    action: 'refuse',
    text: 'Không phải phản ánh, đã hướng dẫn qua điện thoại.',
  });
  expect(refuse.statusCode, refuse.body).toBe(200);
  await intake('Lệ phí chứng thực');
  // X: three finished early, one left open (overdue on Thursday 10:00).
  for (let i = 0; i < 3; i++) await finish(await receive(X));
  await receive(X);
  clock.set(THU);
  // Y: one received on Thursday, within its deadline.
  await receive(Y);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('the on-time rate (766 indicator 2.1) agrees on every page', () => {
  it('dashboard, supervision table and index 2.1 give the same rate for the province, each commune and the month', async () => {
    const s = who.supervisorQ!;
    const dash = await get<Dashboard>(s, `/api/supervision/dashboard?level=province&code=${Q}&${period}`);
    const table = await get<DossierStats>(s, `/api/dossiers/stats?provinceCode=${Q}&${period}`);
    const index = await get<ServiceIndex>(s, `/api/supervision/service-index?provinceCode=${Q}&${period}`);
    const r21 = index.indicators.find((i) => i.id === '2.1')!;
    // 3 early + 1 in time at Y, over those + 1 overdue at X
    expect(dash.totals.onTimeRate).toBe(4 / 5);
    expect(table.totals.onTimeRate).toBe(4 / 5);
    expect(r21.rate).toBe(4 / 5);
    expect(dash.totals).toMatchObject({ inProgress: 2, inProgressOverdue: 1, inProgressNoDeadline: 0 });
    // the share among the finished only is another figure, named apart
    expect(dash.totals.finishedOnTimeShare).toBe(1);
    for (const code of [X, Y]) {
      const row = dash.rows.find((r) => r.code === code)!;
      const tableRow = table.rows.find((r) => r.code === code)!;
      const unitIndex = await get<ServiceIndex>(s, `/api/supervision/service-index?unitCode=${code}&${period}`);
      expect(row.onTimeRate, code).toBe(tableRow.onTimeRate);
      expect(row.onTimeRate, code).toBe(unitIndex.indicators.find((i) => i.id === '2.1')!.rate);
      const commune = await get<Dashboard>(s, `/api/supervision/dashboard?level=commune&code=${code}&${period}`);
      expect(commune.totals.onTimeRate, code).toBe(row.onTimeRate);
    }
    expect(dash.rows.find((r) => r.code === X)!.onTimeRate).toBe(3 / 4);
  });

  it('by today’s unit the dashboard and the table agree too', async () => {
    const s = who.supervisorQ!;
    const q = `provinceCode=${Q}&${period}&by=current_unit`;
    const dash = await get<Dashboard>(
      s,
      `/api/supervision/dashboard?level=province&code=${Q}&${period}&by=current_unit`,
    );
    const table = await get<DossierStats>(s, `/api/dossiers/stats?${q}`);
    expect(dash.totals.onTimeRate).toBe(table.totals.onTimeRate);
  });

  it('feedback on the dashboard is the index’s 5.2 and 5.3 for the same scope and period', async () => {
    const s = who.supervisorQ!;
    for (const [dq, iq] of [
      [`level=province&code=${Q}`, `provinceCode=${Q}`],
      [`level=commune&code=${X}`, `unitCode=${X}`],
    ] as const) {
      const dash = await get<Dashboard>(s, `/api/supervision/dashboard?${dq}&${period}`);
      const index = await get<ServiceIndex>(s, `/api/supervision/service-index?${iq}&${period}`);
      const i52 = index.indicators.find((i) => i.id === '5.2')!;
      const i53 = index.indicators.find((i) => i.id === '5.3')!;
      expect(dash.feedback, dq).toMatchObject({ received: 2, handled: 1, handledOnTime: 1, overdue: 1 });
      expect(dash.feedback.onTimeRate).toBe(i52.rate);
      expect([dash.feedback.handledOnTime, dash.feedback.handled]).toEqual([i52.numerator, i52.denominator]);
      expect(dash.feedback.satisfactionRate).toBe(i53.rate);
      expect(dash.feedback.satisfactionRate).toBe(0.5);
      expect(dash.previousFeedback).toMatchObject({ received: 0, onTimeRate: null });
    }
    // Y had none
    const y = await get<Dashboard>(s, `/api/supervision/dashboard?level=commune&code=${Y}&${period}`);
    expect(y.feedback).toMatchObject({ received: 0, satisfactionRate: null });
  });

  it('2.1, 5.2 and 5.3 list their contributing dossiers and feedback: each list’s total is its figure', async () => {
    const s = who.supervisorQ!;
    for (const iq of [`provinceCode=${Q}`, `unitCode=${X}`, `unitCode=${Y}`]) {
      const index = await get<ServiceIndex>(s, `/api/supervision/service-index?${iq}&${period}`);
      for (const id of ['2.1', '5.2', '5.3'] as const) {
        const ind = index.indicators.find((i) => i.id === id)!;
        expect(ind.listable, `${iq} ${id}`).toBe(ind.computable);
        if (!ind.computable) continue;
        const path = id === '2.1' ? 'dossiers' : 'feedback';
        for (const part of ['numerator', 'denominator'] as const) {
          const list = await get<{ total: number; items: Array<{ code: string }> }>(
            s,
            `/api/supervision/service-index/${path}?${iq}&${period}&indicator=${id}&part=${part}`,
          );
          expect(list.total, `${iq} ${id} ${part}`).toBe(ind[part]);
          expect(list.items).toHaveLength(list.total);
        }
      }
    }
    // 2.1 at the province: 3 early and 1 in time over those and the overdue one at X
    const overdue = await get<{ total: number }>(
      s,
      `/api/supervision/service-index/dossiers?provinceCode=${Q}&${period}&indicator=2.1&part=denominator`,
    );
    expect(overdue.total).toBe(5);
    const fb = await get<{ items: Array<{ status: string }> }>(
      s,
      `/api/supervision/service-index/feedback?unitCode=${X}&${period}&indicator=5.2&part=numerator`,
    );
    expect(fb.items.map((i) => i.status)).toEqual(['refused']);
  });

  it('the previous period is judged the same way (nothing entered then: no rate)', async () => {
    const dash = await get<Dashboard>(
      who.supervisorQ!,
      `/api/supervision/dashboard?level=province&code=${Q}&${period}`,
    );
    expect(dash.previousTotals).toMatchObject({ received: 0, onTimeRate: null, inProgressOverdue: 0 });
  });
});

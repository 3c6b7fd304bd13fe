import type { CounterState, TicketView } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../../testing.js';
import { queueClient, queueTestCenter } from './queue-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let q: ReturnType<typeof queueClient>;
const clock = fixedClock('2026-03-03T02:00:00Z'); // Tuesday 3 March 2026, 09:00 in Vietnam
let center: Awaited<ReturnType<typeof queueTestCenter>>;
let unitCode: string;
let procedureCode: string;
const who: Record<string, Signed> = {};

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  q = queueClient(app);
  const u = await insertDossierTestUnits(database.db, 1);
  unitCode = u.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  center = await queueTestCenter(database, unitCode, u.provinceCode);
  who.desk = await signIn(app, database, [{ role: 'reception', unitCode }]);
  who.one = await signIn(app, database, [{ role: 'reception', unitCode }]);
  who.two = await signIn(app, database, [{ role: 'reception', unitCode }]);
  who.specialist = await signIn(app, database, [{ role: 'specialist', unitCode }]);
  who.head = await signIn(app, database, [{ role: 'department_head', unitCode }]);
  who.leader = await signIn(app, database, [{ role: 'leader', unitCode }]);
  who.citizenOfficer = await signIn(app, database, [{ role: 'specialist', unitCode }]);
});
afterAll(async () => {
  await app.close();
});

const desk = (payload: unknown, s: Signed | undefined = who.desk) =>
  q.post(s, `/centers/${center.centerId}/desk-tickets`, payload);

/** Serve counter `n` until it has the ticket `id` (no-show for others), then start serving it. */
async function serveUntil(s: Signed, n: number, id: string): Promise<CounterState> {
  let state = await q.counter(s, center.counters[n]!, 'call-next');
  while (state.state.current && state.state.current.id !== id) {
    await q.ticket(s, state.state.current.id, 'no-show');
    state = await q.counter(s, center.counters[n]!, 'call-next');
  }
  expect(state.state.current?.id, state.body).toBe(id);
  const started = await q.ticket(s, id, 'start');
  return started.json() as CounterState;
}

describe('information desk', () => {
  it('stores the pre-check the server computed against the checklist, and the counter shows it', async () => {
    const r = await desk({
      groupId: center.groups['1'],
      // c02 left out: a required row starts missing; c03 is conditional and stays "not applicable".
      precheck: { procedureCode, components: [{ key: 'c01', state: 'present' }], missing: ['made up by the client'] },
    });
    expect(r.statusCode, r.body).toBe(201);
    const t = r.json() as TicketView;
    expect(t.source).toBe('information_desk');
    expect(t.precheck).toMatchObject({
      procedureCode,
      complete: false,
      presentCount: 1,
      missing: [{ key: 'c02', name: 'Giấy chứng sinh', state: 'missing', reason: null }],
    });
    expect(t.precheck!.procedureName.length).toBeGreaterThan(3);

    const complete = await desk({
      groupId: center.groups['1'],
      precheck: {
        procedureCode,
        components: [
          { key: 'c01', state: 'present' },
          { key: 'c02', state: 'invalid', reason: 'Bản chụp mờ' },
        ],
      },
    });
    expect((complete.json() as TicketView).precheck?.missing).toEqual([
      { key: 'c02', name: 'Giấy chứng sinh', state: 'invalid', reason: 'Bản chụp mờ' },
    ]);

    await q.counter(who.one!, center.counters[1]!, 'open');
    const state = await serveUntil(who.one!, 1, t.id);
    expect(state.current?.precheck?.missing.map((m) => m.key)).toEqual(['c02']);
    await q.ticket(who.one!, t.id, 'finish');
  });

  it('refuses an unknown procedure or a row not on its checklist, and an official of another role', async () => {
    const unknown = await desk({
      groupId: center.groups['1'],
      precheck: { procedureCode: '9.999999', components: [] },
    });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
    const row = await desk({
      groupId: center.groups['1'],
      precheck: { procedureCode, components: [{ key: 'c99', state: 'present' }] },
    });
    expect(row.statusCode).toBeGreaterThanOrEqual(400);
    expect(row.statusCode).toBeLessThan(500);
    expect(row.json().code).toBe('UNKNOWN_COMPONENT');
    expect((await desk({ groupId: center.groups['1'] }, who.citizenOfficer)).statusCode).toBe(403);
    expect(
      (await q.post(undefined, `/centers/${center.centerId}/desk-tickets`, { groupId: center.groups['1'] })).statusCode,
    ).toBe(401);
  });

  it('the kiosk cannot record a pre-check', async () => {
    const t = await q.kiosk(center.centerId, center.groups['1']!, {
      precheck: { procedureCode, components: [{ key: 'c01', state: 'present' }] },
    });
    expect(t.precheck).toBeNull();
  });
});

/** Receive a dossier at counter 1 while serving a kiosk ticket, and take it to result_ready. */
async function receivedAndReady(): Promise<{ id: string; code: string }> {
  const t = await q.kiosk(center.centerId, center.groups['1']!);
  await q.counter(who.one!, center.counters[1]!, 'open');
  await serveUntil(who.one!, 1, t.id);
  const d = await receiveAtCounter(app, who.one!, {
    procedureCode,
    unitCode,
    returnMethod: 'counter',
    applicant: { fullName: 'Lê Thị Hoa', idNumber: '079190000002', phone: '0909123457' },
  });
  expect(d.statusCode, d.body).toBe(201);
  const { id, code } = d.json() as { id: string; code: string };
  await q.ticket(who.one!, t.id, 'finish');
  const act = (s: Signed, path: string, payload: unknown = {}) =>
    app.inject({ method: 'POST', url: `/api/dossiers/${id}/${path}`, headers: s.headers, payload: payload as object });
  expect((await act(who.one!, 'claim', { stepOrder: 1 })).statusCode).toBe(200);
  expect((await act(who.one!, 'complete-step', { fromStep: 1 })).statusCode).toBe(200);
  expect((await act(who.head!, 'assign', { stepOrder: 2, assigneeId: who.specialist!.userId })).statusCode).toBe(200);
  expect((await act(who.specialist!, 'complete-step', { fromStep: 2 })).statusCode).toBe(200);
  expect((await act(who.leader!, 'approve')).statusCode).toBe(200);
  const boundary = '----b';
  const result = await app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/result`,
    headers: { ...who.specialist!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(result.json().status, result.body).toBe('result_ready');
  return { id, code };
}

const dossierStatus = async (id: string, s: Signed) =>
  (await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: { cookie: s.cookie } })).json().status;

describe('result pickup', () => {
  it('goes to the counter holding the result, and finishing it returns the result (audited)', async () => {
    const { id, code } = await receivedAndReady();
    await q.counter(who.two!, center.counters[2]!, 'open');
    const hold = await q.post(who.two, `/counters/${center.counters[2]}/results`, { dossierCode: code });
    expect(hold.statusCode, hold.body).toBe(200);
    expect(hold.json()).toEqual({ dossierCode: code, counterNumber: 2 });
    // Only the official holding the counter records what it holds.
    expect((await q.post(who.one, `/counters/${center.counters[2]}/results`, { dossierCode: code })).json().code).toBe(
      'QUEUE_COUNTER_TAKEN',
    );

    const pickup = (
      await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: code })
    ).json();
    // Counter 1 received the dossier and is open, but counter 2 holds the result: counter 1 does not get it.
    const one = await q.counter(who.one!, center.counters[1]!, 'call-next');
    expect(one.state.current?.id).not.toBe(pickup.id);
    if (one.state.current) await q.ticket(who.one!, one.state.current.id, 'no-show');
    await serveUntil(who.two!, 2, pickup.id);
    expect(await dossierStatus(id, who.two!)).toBe('result_ready');
    const done = await q.ticket(who.two!, pickup.id, 'finish');
    expect(done.statusCode, done.body).toBe(200);
    expect(await dossierStatus(id, who.two!)).toBe('returned');
    const view = (await q.get(undefined, `/tickets/${pickup.publicToken}`)).json() as TicketView;
    expect(view.dossiers).toEqual([expect.objectContaining({ code, kind: 'pickup' })]);

    const audit = createAuditRepository(database.db);
    const held = await audit.listAudit('dossier', id);
    expect(held.map((e) => e.action)).toEqual(expect.arrayContaining(['queue.result_held']));
    const ticketAudit = await audit.listAudit('queue_ticket', pickup.id);
    expect(ticketAudit.find((e) => e.action === 'queue.ticket_done')?.data).toMatchObject({ returned: code });
    // A second pickup for a returned dossier is refused.
    expect(
      (await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: code })).json().code,
    ).toBe('QUEUE_RESULT_NOT_READY');
  });

  it('falls back to the receiving counter when the holding counter is closed', async () => {
    const { code } = await receivedAndReady();
    expect((await q.post(who.two, `/counters/${center.counters[2]}/results`, { dossierCode: code })).statusCode).toBe(
      200,
    );
    const closed = await q.counter(who.two!, center.counters[2]!, 'close');
    expect(closed.status, closed.body).toBe(200);
    const pickup = (
      await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: code })
    ).json();
    await serveUntil(who.one!, 1, pickup.id); // counter 1 does not serve the pickup group: routed to it
    await q.ticket(who.one!, pickup.id, 'finish');
  });

  it('refuses to hold a result not ready or unknown', async () => {
    await q.counter(who.two!, center.counters[2]!, 'open');
    const r = await q.post(who.two, `/counters/${center.counters[2]}/results`, {
      dossierCode: 'X00.00000-000000-000000',
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('QUEUE_DOSSIER_NOT_FOUND');
  });
});

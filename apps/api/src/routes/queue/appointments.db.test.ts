import type { AppointmentView, SlotList, TicketView } from '@mot-cua/contracts';
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
const clock = fixedClock('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 08:00 in Vietnam
let center: Awaited<ReturnType<typeof queueTestCenter>>;
let unitCode: string;
let procedureCode: string;
const who: Record<string, Signed> = {};
const person = { applicantName: 'Trần Văn Bình', phone: '0912345678' };

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  q = queueClient(app);
  const u = await insertDossierTestUnits(database.db, 1);
  unitCode = u.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  center = await queueTestCenter(database, unitCode, u.provinceCode);
  who.reception = await signIn(app, database, [{ role: 'reception', unitCode }]);
  who.specialist = await signIn(app, database, [{ role: 'specialist', unitCode }]);
  who.head = await signIn(app, database, [{ role: 'department_head', unitCode }]);
  who.leader = await signIn(app, database, [{ role: 'leader', unitCode }]);
});
afterAll(async () => {
  await app.close();
});

const slots = async (date: string) =>
  (
    await q.get(undefined, `/centers/${center.centerId}/slots?groupId=${center.groups['1']}&date=${date}`)
  ).json() as SlotList;

describe('appointments', () => {
  it('offers the office-hour slots of a working day, none on a Sunday', async () => {
    const monday = await slots('2026-03-02');
    expect(monday.working).toBe(true);
    expect(monday.slots.find((s) => s.start === '07:30')?.available).toBe(0); // already begun
    // Group 1 is served by counters 1 (tier 1) and 3 (tier 2): two bookings a slot.
    expect(monday.slots.find((s) => s.start === '09:00')).toMatchObject({ capacity: 2, available: 2 });
    expect(monday.slots.some((s) => s.start === '12:00')).toBe(false);
    expect((await slots('2026-03-08')).slots).toEqual([]);
    expect((await slots('2026-03-31')).working).toBe(true);
  });

  it('a day outside the working calendar (year 1 or 9999) is refused with a 400, never a 500', async () => {
    for (const date of ['0001-01-01', '9999-12-31']) {
      const r = await q.get(undefined, `/centers/${center.centerId}/slots?groupId=${center.groups['1']}&date=${date}`);
      expect([r.statusCode, r.json().code], date).toEqual([400, 'VALIDATION_FAILED']);
      const booked = await q.post(undefined, `/centers/${center.centerId}/appointments`, {
        groupId: center.groups['1'],
        date,
        start: '09:00',
        ...person,
      });
      expect([booked.statusCode, booked.json().code], date).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('books, refuses a full slot, reschedules and cancels, each audited', async () => {
    const book = (start: string, date = '2026-03-02') =>
      q.post(undefined, `/centers/${center.centerId}/appointments`, {
        groupId: center.groups['1'],
        date,
        start,
        ...person,
      });
    const a = await book('09:00');
    expect(a.statusCode, a.body).toBe(201);
    expect((await book('09:00')).statusCode).toBe(201);
    const full = await book('09:00');
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('QUEUE_SLOT_UNAVAILABLE');
    expect((await book('12:00')).json().code).toBe('QUEUE_SLOT_UNAVAILABLE');
    const invalid = await q.post(undefined, `/centers/${center.centerId}/appointments`, {
      groupId: center.groups['1'],
      date: '2026-03-02',
      start: '09:30',
      applicantName: 'B',
      phone: '12',
    });
    expect(invalid.statusCode).toBe(400);

    const token = (a.json() as AppointmentView).token;
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/queue/appointments/${token}`,
      payload: { date: '2026-03-03', start: '10:00' },
    });
    expect(moved.json()).toMatchObject({ date: '2026-03-03', start: '10:00', end: '10:30', status: 'booked' });
    expect((await slots('2026-03-02')).slots.find((s) => s.start === '09:00')?.available).toBe(1);
    const cancelled = await app.inject({ method: 'DELETE', url: `/api/queue/appointments/${token}` });
    expect(cancelled.json().status).toBe('cancelled');
    const again = await app.inject({ method: 'DELETE', url: `/api/queue/appointments/${token}` });
    expect(again.json().code).toBe('QUEUE_APPOINTMENT_NOT_ACTIVE');
    const id = (a.json() as AppointmentView).id;
    const audit = await createAuditRepository(database.db).listAudit('queue_appointment', id);
    expect(audit.map((e) => e.action)).toEqual([
      'queue.appointment_booked',
      'queue.appointment_rescheduled',
      'queue.appointment_cancelled',
    ]);
  });

  it('QR check-in on the day turns the booking into a priority ticket; not on another day; later a no-show', async () => {
    const today = await q.post(undefined, `/centers/${center.centerId}/appointments`, {
      groupId: center.groups['1'],
      date: '2026-03-02',
      start: '10:00',
      ...person,
    });
    const tomorrow = await q.post(undefined, `/centers/${center.centerId}/appointments`, {
      groupId: center.groups['1'],
      date: '2026-03-03',
      start: '08:00',
      ...person,
    });
    const wrongDay = await q.post(undefined, '/check-in', { token: tomorrow.json().token });
    expect(wrongDay.json().code).toBe('QUEUE_CHECK_IN_WRONG_DAY');
    const checkedIn = await q.post(undefined, '/check-in', { token: today.json().token });
    expect(checkedIn.statusCode, checkedIn.body).toBe(201);
    expect(checkedIn.json() as TicketView).toMatchObject({
      source: 'appointment',
      priorityKind: 'appointment',
      status: 'waiting',
    });
    expect((await q.get(undefined, `/appointments/${today.json().token}`)).json()).toMatchObject({
      status: 'checked_in',
      ticketToken: checkedIn.json().publicToken,
    });
    expect((await q.post(undefined, '/check-in', { token: today.json().token })).json().code).toBe(
      'QUEUE_APPOINTMENT_NOT_ACTIVE',
    );
    const bookings = async () => {
      const director = await signIn(app, database, [{ role: 'center_director', unitCode }]);
      return (await q.get(director, `/centers/${center.centerId}/stats?from=2026-03-01&to=2026-03-31`)).json()
        .appointments;
    };
    const before = await bookings();
    clock.set('2026-03-03T03:00:00Z'); // 10:00 the next day: the 08:00 booking's grace has passed
    try {
      expect((await q.get(undefined, `/appointments/${tomorrow.json().token}`)).json().status).toBe('no_show');
      // The director's numbers count it (and any other booking whose slot has passed) as a no-show from then on.
      const after = await bookings();
      expect(after.noShows - before.noShows).toBeGreaterThanOrEqual(1);
      expect(after.noShows - before.noShows).toBe(before.booked - after.booked);
      expect(after.checkedIn).toBe(before.checkedIn);
      expect(after.checkedIn).toBeGreaterThanOrEqual(1);
    } finally {
      clock.set('2026-03-02T01:00:00Z');
    }
  });
});

describe('result pickup', () => {
  it('a receipt slip code gets a pickup ticket once the result is ready, routed to the counter that received it', async () => {
    await q.counter(who.reception!, center.counters[1]!, 'open');
    const t = await q.kiosk(center.centerId, center.groups['1']!);
    let state = await q.counter(who.reception!, center.counters[1]!, 'call-next');
    // The appointment ticket (priority) may come first: serve until ours is called.
    while (state.state.current!.id !== t.id) {
      await q.ticket(who.reception!, state.state.current!.id, 'no-show');
      state = await q.counter(who.reception!, center.counters[1]!, 'call-next');
    }
    await q.ticket(who.reception!, t.id, 'start');
    const d = await receiveAtCounter(app, who.reception!, {
      procedureCode,
      unitCode,
      returnMethod: 'counter',
      applicant: { fullName: 'Nguyễn Thị Ánh', idNumber: '079190000001', phone: '0909123456' },
    });
    expect(d.statusCode, d.body).toBe(201);
    const { id, code } = d.json() as { id: string; code: string };
    await q.ticket(who.reception!, t.id, 'finish');

    const early = await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: code });
    expect(early.json().code).toBe('QUEUE_RESULT_NOT_READY');
    expect(
      (
        await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, {
          dossierCode: 'X00.00000-000000-000000',
        })
      ).json().code,
    ).toBe('QUEUE_DOSSIER_NOT_FOUND');

    const act = (s: Signed, path: string, payload: unknown = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/dossiers/${id}/${path}`,
        headers: s.headers,
        payload: payload as object,
      });
    expect((await act(who.reception!, 'claim', { stepOrder: 1 })).statusCode).toBe(200);
    expect((await act(who.reception!, 'complete-step', { fromStep: 1 })).statusCode).toBe(200);
    expect((await act(who.head!, 'assign', { stepOrder: 2, assigneeId: who.specialist!.userId })).statusCode).toBe(200);
    expect((await act(who.specialist!, 'complete-step', { fromStep: 2 })).statusCode).toBe(200);
    expect((await act(who.leader!, 'approve')).statusCode).toBe(200);
    const boundary = '----b';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const result = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/result`,
      headers: { ...who.specialist!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(result.json().status, result.body).toBe('result_ready');

    const pickup = await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: code });
    expect(pickup.statusCode, pickup.body).toBe(201);
    expect(pickup.json()).toMatchObject({
      source: 'pickup',
      dossierCode: code,
      groupName: 'Trả kết quả',
      number: 4001,
    });
    // Counter 1 does not serve the pickup group, but the ticket is routed to it: it received the dossier.
    const called = await q.counter(who.reception!, center.counters[1]!, 'call-next');
    expect(called.state.current).toMatchObject({ id: pickup.json().id });
    await q.ticket(who.reception!, pickup.json().id, 'start');
    await q.ticket(who.reception!, pickup.json().id, 'finish');
    const view = (await q.get(undefined, `/tickets/${pickup.json().publicToken}`)).json() as TicketView;
    expect(view.dossiers).toEqual([expect.objectContaining({ code, kind: 'pickup' })]);
  });
});

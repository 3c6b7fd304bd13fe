import type { DisplayState, QueueCenterView, TicketView } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure, testUnit } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../../testing.js';
import { queueClient, queueTestCenter } from './queue-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let q: ReturnType<typeof queueClient>;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let center: Awaited<ReturnType<typeof queueTestCenter>>;
let unit: { unitCode: string; provinceCode: string };
let procedureCode: string;
const who: Record<string, Signed> = {};

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  q = queueClient(app);
  const u = await insertDossierTestUnits(database.db, 1);
  unit = { unitCode: u.communeCodes[0]!, provinceCode: u.provinceCode };
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit.unitCode })).code;
  center = await queueTestCenter(database, unit.unitCode, unit.provinceCode);
  who.r1 = await signIn(app, database, [{ role: 'reception', unitCode: unit.unitCode }]);
  who.r2 = await signIn(app, database, [{ role: 'reception', unitCode: unit.unitCode }]);
  who.director = await signIn(app, database, [{ role: 'center_director', unitCode: unit.unitCode }]);
  who.outsider = await signIn(app, database, [{ role: 'reception', unitCode: testUnit().unitCode }]);
});
afterAll(async () => {
  await app.close();
});

describe('front desk API', () => {
  it('the kiosk issues numbered tickets per group with the people ahead and a QR link to follow', async () => {
    const a = await q.kiosk(center.centerId, center.groups['1']!);
    const b = await q.kiosk(center.centerId, center.groups['1']!, { priorityKind: 'elderly' });
    const c = await q.kiosk(center.centerId, center.groups['2']!);
    expect([a.number, b.number, c.number]).toEqual([1001, 1002, 2001]);
    expect(a).toMatchObject({ status: 'waiting', source: 'kiosk', ahead: 0, groupName: 'Tư pháp - Hộ tịch' });
    expect(b).toMatchObject({ ahead: 1, priorityKind: 'elderly', expectedWaitMinutes: 8 });
    expect(b.followUrl).toMatch(new RegExp(`/so-thu-tu/${b.publicToken}$`));
    const followed = await q.get(undefined, `/tickets/${b.publicToken}`);
    expect(followed.json()).toMatchObject({ number: 1002, ahead: 1 });
    const view = (await q.get(undefined, `/centers/${center.centerId}`)).json() as QueueCenterView;
    expect(view.groups.find((g) => g.code === '1')).toMatchObject({ waiting: 2 });
    const audit = await createAuditRepository(database.db).listAudit('queue_ticket', a.id);
    expect(audit.map((e) => e.action)).toEqual(['queue.ticket_issued']);
  });

  it('prints an 80 mm and a 58 mm ticket with its number, group and expected wait', async () => {
    const t = await q.kiosk(center.centerId, center.groups['3']!);
    for (const width of [80, 58]) {
      const res = await q.get(undefined, `/tickets/${t.publicToken}/print?width=${width}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
      expect(text).toContain(String(t.number));
      expect(text).toContain('Kinh doanh và lĩnh vực khác');
      expect(text).toContain('Chờ khoảng');
    }
    expect((await q.get(undefined, `/tickets/${t.publicToken}/print?width=100`)).statusCode).toBe(400);
  });

  it('a counter must be opened before calling; the call follows priority and waiting time; an outsider is refused', async () => {
    const closed = await q.counter(who.r1!, center.counters[1]!, 'call-next');
    expect(closed.status).toBe(409);
    expect(JSON.parse(closed.body).code).toBe('QUEUE_COUNTER_NOT_OPEN');
    expect((await q.counter(who.outsider!, center.counters[1]!, 'open')).status).toBe(403);
    expect((await q.counter(who.r1!, center.counters[1]!, 'open')).status).toBe(200);
    const taken = await q.counter(who.r2!, center.counters[1]!, 'call-next');
    expect(JSON.parse(taken.body).code).toBe('QUEUE_COUNTER_TAKEN');
    clock.advance(5 * 60_000);
    const first = await q.counter(who.r1!, center.counters[1]!, 'call-next');
    expect(first.status, first.body).toBe(200);
    // 1002 is elderly (30 minutes of priority) so it comes before 1001, issued a moment earlier.
    expect(first.state.current).toMatchObject({ number: 1002, status: 'called', counterNumber: 1 });
    const busy = await q.counter(who.r1!, center.counters[1]!, 'call-next');
    expect(JSON.parse(busy.body).code).toBe('QUEUE_COUNTER_BUSY');
  });

  it('recall, start, finish: the dossier received while serving is linked; the display shows the call', async () => {
    const state = (await q.get(who.r1, `/counters/${center.counters[1]}`)).json() as { current: TicketView };
    const id = state.current.id;
    expect((await q.ticket(who.r1!, id, 'recall')).json().current.status).toBe('called');
    const display = (await q.get(undefined, `/centers/${center.centerId}/display`)).json() as DisplayState;
    expect(display.calling).toEqual([expect.objectContaining({ number: 1002, counterNumber: 1, callCount: 2 })]);
    expect(display.waiting.find((w) => w.name === 'Tư pháp - Hộ tịch')?.count).toBe(1);
    expect((await q.ticket(who.r1!, id, 'finish')).statusCode).toBe(409);
    expect((await q.ticket(who.r1!, id, 'start')).json().current.status).toBe('serving');
    clock.advance(60_000);
    const received = await receiveAtCounter(app, who.r1!, {
      procedureCode,
      unitCode: unit.unitCode,
      applicant: { fullName: 'Nguyễn Thị Ánh', idNumber: '079190000001', phone: '0909123456' },
    });
    expect(received.statusCode, received.body).toBe(201);
    const finished = await q.ticket(who.r1!, id, 'finish');
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().current).toBeNull();
    expect(finished.json().servedToday).toBe(1);
    const ticket = (await q.get(undefined, `/tickets/${state.current.publicToken}`)).json() as TicketView;
    expect(ticket.dossiers).toEqual([expect.objectContaining({ code: received.json().code, kind: 'received' })]);
    const audit = await createAuditRepository(database.db).listAudit('queue_ticket', id);
    expect(audit.map((e) => e.action)).toEqual([
      'queue.ticket_issued',
      'queue.ticket_called',
      'queue.ticket_recalled',
      'queue.ticket_serving',
      'queue.ticket_done',
    ]);
  });

  it('no-show and transfer: the transferred visitor keeps their place and is called at the chosen counter', async () => {
    await q.counter(who.r2!, center.counters[2]!, 'open');
    const called = await q.counter(who.r2!, center.counters[2]!, 'call-next');
    expect(called.state.current).toMatchObject({ number: 2001 });
    const moved = await q.ticket(who.r2!, called.state.current!.id, 'transfer', {
      groupId: center.groups['1'],
      counterId: center.counters[1],
    });
    expect(moved.statusCode, moved.body).toBe(204);
    const next = await q.counter(who.r1!, center.counters[1]!, 'call-next');
    expect(next.state.current).toMatchObject({ number: 2001, groupName: 'Tư pháp - Hộ tịch' });
    const absent = await q.ticket(who.r1!, next.state.current!.id, 'no-show');
    expect(absent.json().current).toBeNull();
    const t = (await q.get(undefined, `/tickets/${next.state.current!.publicToken}`)).json() as TicketView;
    expect(t.status).toBe('no_show');
    expect((await q.ticket(who.r1!, t.id, 'start')).json().code).toBe('QUEUE_TRANSITION_NOT_ALLOWED');
  });

  it('calls until the queue is empty, then answers QUEUE_EMPTY', async () => {
    for (;;) {
      const r = await q.counter(who.r1!, center.counters[1]!, 'call-next');
      if (r.status !== 200) {
        expect(JSON.parse(r.body).code).toBe('QUEUE_EMPTY');
        break;
      }
      await q.ticket(who.r1!, r.state.current!.id, 'no-show');
    }
  });

  it('the director sees the numbers; a reception official may not', async () => {
    const stats = await q.get(who.director, `/centers/${center.centerId}/stats`);
    expect(stats.statusCode, stats.body).toBe(200);
    const byGroup = stats.json().byGroup as Array<{ label: string; tickets: number; served: number; noShows: number }>;
    expect(byGroup.find((g) => g.label === 'Tư pháp - Hộ tịch')).toMatchObject({ tickets: 3, served: 1 });
    expect(stats.json().heatmap).toContainEqual({ weekday: 1, hour: 9, tickets: expect.any(Number) });
    expect((await q.get(who.r1, `/centers/${center.centerId}/stats`)).statusCode).toBe(403);
  });

  it('unknown center and ticket are clear 404 problems', async () => {
    const r = await q.post(undefined, '/centers/00000000-0000-4000-8000-000000000000/tickets', {
      groupId: center.groups['1'],
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('QUEUE_CENTER_NOT_FOUND');
    expect((await q.get(undefined, '/tickets/doesnotexist0')).json().code).toBe('QUEUE_TICKET_NOT_FOUND');
  });
});

import type { QueueCenterView, QueueSettingsView } from '@mot-cua/contracts';
import { applyChangeEvent, fixedClock } from '@mot-cua/core';
import { createAuditRepository, createChangeEventPorts, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { queueClient, queueTestCenter } from './queue-test-helpers.js';

// A front desk's administration, its ticketing hours, the near-turn SMS and re-homing on a merge.
let database: Database;
let app: FastifyInstance;
let q: ReturnType<typeof queueClient>;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 09:00 in Vietnam
let center: Awaited<ReturnType<typeof queueTestCenter>>;
let A: string;
let B: string;
let province: string;
const who: Record<string, Signed> = {};

const put = (s: Signed | undefined, url: string, payload: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/api/queue${url}`,
    ...(s ? { headers: s.headers } : {}),
    payload: payload as object,
  });
const settingsOf = async (s: Signed) =>
  (await q.get(s, `/centers/${center.centerId}/settings`)).json() as QueueSettingsView;
const fieldsOf = (v: QueueSettingsView) => ({
  priorityRules: v.priorityRules,
  notices: v.notices,
  slotMinutes: v.slotMinutes,
  nearTurnAhead: v.nearTurnAhead,
  openBeforeMinutes: v.openBeforeMinutes,
  closeBeforeMinutes: v.closeBeforeMinutes,
});

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  q = queueClient(app);
  const u = await insertDossierTestUnits(database.db, 2);
  province = u.provinceCode;
  [A, B] = u.communeCodes as [string, string];
  center = await queueTestCenter(database, B, province);
  who.director = await signIn(app, database, [{ role: 'center_director', unitCode: B }]);
  who.reception = await signIn(app, database, [{ role: 'reception', unitCode: B }]);
  who.successor = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
});
afterAll(async () => {
  await app.close();
});

describe('front desk administration', () => {
  it('the director reads and changes the rules, notices and hours (audited); reception may not', async () => {
    expect((await q.get(who.reception, `/centers/${center.centerId}/settings`)).statusCode).toBe(403);
    const before = await settingsOf(who.director!);
    expect(before.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(before.counters.find((c) => c.number === 1)?.groups[0]).toEqual({ groupId: center.groups['1'], tier: 1 });
    expect(before).toMatchObject({ nearTurnAhead: 3, openBeforeMinutes: 30, closeBeforeMinutes: 0 });
    const next = {
      ...fieldsOf(before),
      priorityRules: before.priorityRules.map((r) => (r.kind === 'elderly' ? { ...r, boostMinutes: 45 } : r)),
      notices: ['Hôm nay trung tâm làm việc đến 17:00.'],
      nearTurnAhead: 1,
    };
    expect((await put(who.reception, `/centers/${center.centerId}/settings`, next)).statusCode).toBe(403);
    const saved = await put(who.director, `/centers/${center.centerId}/settings`, next);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ nearTurnAhead: 1, notices: ['Hôm nay trung tâm làm việc đến 17:00.'] });
    const kiosk = (await q.get(undefined, `/centers/${center.centerId}`)).json() as QueueCenterView;
    expect(kiosk.notices).toEqual(['Hôm nay trung tâm làm việc đến 17:00.']);
    expect(kiosk.priorityRules.find((r) => r.kind === 'elderly')?.boostMinutes).toBe(45);
    const twice = { ...next, priorityRules: [next.priorityRules[0], next.priorityRules[0]] };
    expect((await put(who.director, `/centers/${center.centerId}/settings`, twice)).json().code).toBe(
      'QUEUE_PRIORITY_RULE_DUPLICATE',
    );
    const audit = await createAuditRepository(database.db).listAudit('service_center', center.centerId);
    expect(audit.map((e) => e.action)).toEqual(['queue.settings_updated']);
  });

  it('adds and changes service groups; codes and number ranges stay unique; a group with people waiting stays on', async () => {
    const group = {
      code: '6',
      name: 'Bảo trợ xã hội',
      kind: 'field',
      fieldCodes: ['Bảo trợ xã hội'],
      numberBase: 6000,
      position: 5,
      isActive: true,
    };
    const created = await q.post(who.director, `/centers/${center.centerId}/groups`, group);
    expect(created.statusCode, created.body).toBe(201);
    const g6 = (created.json() as QueueSettingsView).groups.find((g) => g.code === '6')!;
    expect(g6).toMatchObject({ name: 'Bảo trợ xã hội', numberBase: 6000, isActive: true });
    expect((await q.post(who.director, `/centers/${center.centerId}/groups`, group)).json().code).toBe(
      'QUEUE_GROUP_CODE_TAKEN',
    );
    const sameBase = { ...group, code: '7' };
    expect((await q.post(who.director, `/centers/${center.centerId}/groups`, sameBase)).json().code).toBe(
      'QUEUE_NUMBER_BASE_TAKEN',
    );
    expect((await q.post(who.reception, `/centers/${center.centerId}/groups`, sameBase)).statusCode).toBe(403);

    const t = await q.kiosk(center.centerId, g6.id);
    expect(t.number).toBe(6001);
    const off = await put(who.director, `/groups/${g6.id}`, { ...group, isActive: false });
    expect(off.json().code).toBe('QUEUE_GROUP_IN_USE');
    const renamed = await put(who.director, `/groups/${g6.id}`, { ...group, name: 'Lao động - Bảo trợ xã hội' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((renamed.json() as QueueSettingsView).groups.find((g) => g.id === g6.id)?.name).toBe(
      'Lao động - Bảo trợ xã hội',
    );
    const audit = await createAuditRepository(database.db).listAudit('queue_group', g6.id);
    expect(audit.map((e) => e.action)).toEqual(['queue.group_created', 'queue.group_updated']);
  });

  it('the groups a counter serves decide whom it calls', async () => {
    const g6 = (await settingsOf(who.director!)).groups.find((g) => g.code === '6')!;
    const counter = center.counters[1]!;
    const set = await put(who.director, `/counters/${counter}/groups`, { groups: [{ groupId: g6.id, tier: 1 }] });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as QueueSettingsView).counters.find((c) => c.id === counter)?.groups).toEqual([
      { groupId: g6.id, tier: 1 },
    ]);
    await q.kiosk(center.centerId, center.groups['1']!); // group 1, which counter 1 no longer serves
    await q.counter(who.reception!, counter, 'open');
    const called = await q.counter(who.reception!, counter, 'call-next');
    expect(called.state.current).toMatchObject({ number: 6001 });
    await q.ticket(who.reception!, called.state.current!.id, 'no-show');
    expect(JSON.parse((await q.counter(who.reception!, counter, 'call-next')).body).code).toBe('QUEUE_EMPTY');
    const other = await queueTestCenter(database, A, province);
    const foreign = await put(who.director, `/counters/${counter}/groups`, {
      groups: [{ groupId: other.groups['1'], tier: 1 }],
    });
    expect(foreign.json().code).toBe('QUEUE_GROUP_NOT_FOUND');
    const audit = await createAuditRepository(database.db).listAudit('counter', counter);
    expect(audit.map((e) => e.action)).toContain('queue.counter_groups_set');
    // Back to its main groups for the next tests.
    await put(who.director, `/counters/${counter}/groups`, {
      groups: [
        { groupId: center.groups['1'], tier: 1 },
        { groupId: center.groups['3'], tier: 2 },
      ],
    });
  });
});

describe('ticketing hours', () => {
  it('outside office hours the kiosk refuses with the next opening; the information desk still issues', async () => {
    try {
      clock.set('2026-03-02T13:30:00Z'); // Monday 20:30 in Vietnam
      const view = (await q.get(undefined, `/centers/${center.centerId}`)).json() as QueueCenterView;
      expect(view.hours).toEqual({ open: false, opensAt: '2026-03-02T23:30:00.000Z', closesAt: null });
      const refused = await q.post(undefined, `/centers/${center.centerId}/tickets`, { groupId: center.groups['1'] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('QUEUE_CLOSED');
      expect(refused.json().detail).toMatch(/Ngoài giờ lấy số/);
      const pickup = await q.post(undefined, `/centers/${center.centerId}/pickup-tickets`, { dossierCode: 'X-12345' });
      expect(pickup.json().code).toBe('QUEUE_CLOSED');
      const desk = await q.post(who.reception, `/centers/${center.centerId}/desk-tickets`, {
        groupId: center.groups['1'],
      });
      expect(desk.statusCode, desk.body).toBe(201);
      clock.set('2026-03-02T23:30:00Z'); // Tuesday 06:30: open, until 17:00
      expect(((await q.get(undefined, `/centers/${center.centerId}`)).json() as QueueCenterView).hours).toEqual({
        open: true,
        opensAt: null,
        closesAt: '2026-03-03T10:00:00.000Z',
      });
      expect(
        (await q.post(undefined, `/centers/${center.centerId}/tickets`, { groupId: center.groups['1'] })).statusCode,
      ).toBe(201);
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });
});

describe('"your turn is near" by SMS', () => {
  it('a call queues one SMS per visitor with a phone who came within the threshold, once, through the outbox', async () => {
    const g2 = center.groups['2']!;
    const phones = ['0901000001', '0901000002', '0901000003'];
    for (const phone of phones) {
      await q.kiosk(center.centerId, g2, { phone });
      clock.advance(60_000);
    }
    await q.kiosk(center.centerId, g2); // no phone: never told
    await q.counter(who.reception!, center.counters[2]!, 'open');
    const first = await q.counter(who.reception!, center.counters[2]!, 'call-next');
    expect(first.status, first.body).toBe(200);
    // Threshold 1 (set above): after 2001 is called, 2002 has nobody ahead and 2003 one person.
    const sms = async () =>
      (
        await sql<{ to: string; text: string; key: string }>`
          select payload->>'to' as "to", payload->>'text' as text, idempotency_key as key from outbox_messages
          where topic = 'notify.sms' and aggregate_id like 'queue_ticket:%' order by id`.execute(database.db)
      ).rows;
    const sent = await sms();
    expect(sent.map((m) => m.to)).toEqual(['0901000002', '0901000003']);
    expect(sent[0]!.text).toMatch(/^So 2002: sap den luot .*con 0 nguoi.*\/so-thu-tu\//);
    expect(sent[1]!.text).toContain('con 1 nguoi');
    await q.ticket(who.reception!, first.state.current!.id, 'no-show');
    await q.counter(who.reception!, center.counters[2]!, 'call-next');
    expect(await sms()).toHaveLength(2); // each visitor is told once
  });
});

describe('a merge re-homes the front desk', () => {
  it('settings, groups, unfinished tickets and bookings ahead follow the center to the successor unit', async () => {
    const waiting = await q.kiosk(center.centerId, center.groups['3']!);
    const done = (
      await sql<{ id: string }>`select id from queue_tickets where service_center_id = ${center.centerId}
        and status = 'no_show' limit 1`.execute(database.db)
    ).rows[0]!.id;
    const slots = (
      await q.get(undefined, `/centers/${center.centerId}/slots?groupId=${center.groups['1']}&date=2026-03-04`)
    ).json();
    const booked = await q.post(undefined, `/centers/${center.centerId}/appointments`, {
      groupId: center.groups['1'],
      date: '2026-03-04',
      start: slots.slots[0].start,
      applicantName: 'Lê Văn Tám',
      phone: '0902000000',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const o = await newOfficial(database);
    await database.db.transaction().execute((trx) =>
      applyChangeEvent(
        {
          kind: 'merge',
          effectiveDate: '2026-07-01',
          legalBasis: 'Nghị quyết thử',
          sourceCodes: [A, B],
          target: { code: A, name: 'An Bình Thử', type: 'ward' },
        },
        createChangeEventPorts(trx, { userId: o.id }),
        `test-queue-merge-${A}`,
      ),
    );
    const unitOf = async (table: string, key: string, id: string) =>
      (
        await sql<{ u: string }>`select unit_code as u from ${sql.table(table)} where ${sql.ref(key)} = ${id}`.execute(
          database.db,
        )
      ).rows[0]!.u;
    expect(await unitOf('queue_settings', 'service_center_id', center.centerId)).toBe(A);
    expect(await unitOf('queue_groups', 'id', center.groups['1']!)).toBe(A);
    expect(await unitOf('queue_tickets', 'id', waiting.id)).toBe(A);
    expect(await unitOf('queue_tickets', 'id', done)).toBe(B); // finished: the unit of its time
    expect(await unitOf('queue_appointments', 'id', booked.json().id)).toBe(A);
    // The successor's official serves the moved queue at the moved center.
    expect((await q.counter(who.successor!, center.counters[3]!, 'open')).status).toBe(200);
    const called = await q.counter(who.successor!, center.counters[3]!, 'call-next');
    expect(called.state.current).toMatchObject({ id: waiting.id });
  });
});

import type { Config } from '@mot-cua/config';
import { fixedClock, notifyFeedbackSubmitter } from '@mot-cua/core';
import {
  createFeedbackPorts,
  createNotificationsRepository,
  type Database,
  migrate,
  openDatabase,
  readMigrations,
} from '@mot-cua/db';
import { type NotifySim, startNotifySim } from '@mot-cua/notify-sim';
import { createScratchDatabase, createTestDb, insertDossierTestUnits } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDispatchers } from '../../notifications/notification-destinations.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let sim: NotifySim;
let app: FastifyInstance;
let config: Config;
let commune: string;
let provinceCode: string;
let specialist: Signed;
let leader: Signed;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam

beforeAll(async () => {
  database = await createTestDb();
  sim = await startNotifySim({ httpPort: 0, smtpPort: 0, dataDir: null });
  ({ app, config } = await buildTestApp(database, {
    clock,
    env: { OUTBOX_TIMEOUT_MS: '1500', PUBLIC_URL: 'https://motcua.example.vn', SESSION_TTL_HOURS: '720' },
  }));
  const u = await insertDossierTestUnits(database.db, 1);
  commune = u.communeCodes[0]!;
  provinceCode = u.provinceCode;
  specialist = await signIn(app, database, [{ role: 'specialist', unitCode: commune }]);
  leader = await signIn(app, database, [{ role: 'leader', unitCode: commune }]);
}, 300_000); // in-memory database, migrations and simulators: slow on a loaded machine
afterAll(async () => {
  await app.close();
  await sim.close();
});

const deliveryClock = fixedClock(new Date(Date.now() + 1000));
function dispatchers() {
  return notificationDispatchers({
    config,
    database,
    clock: deliveryClock,
    destinations: { smtpUrl: sim.smtpUrl, smsUrl: sim.httpUrl },
    over: { provinceCodes: [provinceCode], random: () => 0.5 },
  });
}
async function drain(rounds = 3) {
  const d = dispatchers();
  try {
    for (let i = 0; i < rounds; i++) {
      await d.email.tick();
      await d.sms.tick();
      deliveryClock.advance(10 * 60_000);
    }
  } finally {
    d.close();
  }
}
type Captured = { items: Array<{ to: string; subject: string | null; text: string; requests: number }> };
const captured = async (channel: 'mail' | 'sms', to: string) =>
  (await (await fetch(`${sim.httpUrl}/sim/${channel}?to=${encodeURIComponent(to)}`)).json()) as Captured;
const act = (id: string, who: Signed, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/feedback/items/${id}/actions`, headers: who.headers, payload: body });

let n = 0;
async function submit() {
  n++;
  const email = `nguoi.gui${n}.${Date.now()}@example.vn`;
  const phone = `09${String(Date.now() + n).slice(-8)}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/feedback',
    remoteAddress: `10.9.0.${n}`,
    payload: {
      kind: 'complaint',
      title: 'Đường ngập nước',
      content: 'Đoạn đường trước chợ ngập nước mỗi khi mưa.',
      communeCode: commune,
      submitterName: 'Trần Thị Bình',
      submitterPhone: phone,
      submitterEmail: email,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: string; code: string; token: string }), email, phone };
}

describe("the submitter's messages go through the notification outbox", () => {
  it('receipt, acceptance, information request and answer reach the submitter by e-mail and SMS, once each', async () => {
    const f = await submit();
    clock.set('2026-03-03T02:00:00Z');
    expect((await act(f.id, specialist, { action: 'accept' })).statusCode).toBe(200);
    expect(
      (await act(f.id, specialist, { action: 'request_info', text: 'Xin cho biết số nhà gần nhất.' })).statusCode,
    ).toBe(200);
    expect((await act(f.id, specialist, { action: 'info_received' })).statusCode).toBe(200);
    await act(f.id, specialist, { action: 'draft_answer', text: 'Phường sẽ nạo vét cống trong tuần này.' });
    // Drafting tells the submitter nothing; the leader's approval sends the answer.
    expect((await act(f.id, leader, { action: 'approve_answer' })).statusCode).toBe(200);

    await drain();
    await drain(); // A second pass sends nothing again.
    const mail = await captured('mail', f.email);
    expect(mail.items.map((m) => m.subject)).toEqual([
      `Đã nhận phản ánh, kiến nghị ${f.code}`,
      `Đã thụ lý phản ánh, kiến nghị ${f.code}`,
      `Đề nghị bổ sung thông tin — phản ánh ${f.code}`,
      `Trả lời phản ánh, kiến nghị ${f.code}`,
    ]);
    expect(mail.items.every((m) => m.requests === 1)).toBe(true);
    expect(mail.items[0]!.text).toContain('Kính gửi Ông/Bà Trần Thị Bình');
    expect(mail.items[0]!.text).toContain(`https://motcua.example.vn/phan-anh/${f.token}`);
    expect(mail.items[1]!.text).toContain('Hạn trả lời: ');
    expect(mail.items[2]!.text).toContain('Xin cho biết số nhà gần nhất.');
    expect(mail.items[3]!.text).toContain('Phường sẽ nạo vét cống trong tuần này.');

    const sms = await captured('sms', f.phone);
    expect(sms.items).toHaveLength(4);
    expect(sms.items.every((m) => m.requests === 1)).toBe(true);
    expect(sms.items[3]!.text).toMatch(/^Phan anh .* da duoc tra loi: Phuong se nao vet cong/);
    expect(sms.items[3]!.text).toContain(`/phan-anh/${f.token}`);

    const log = await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id: f.id });
    expect(log).toHaveLength(8);
    expect(log.every((m) => m.deliveredAt !== null)).toBe(true);
  });

  it('the same step never queues twice: its key is the step, and the outbox keeps the first', async () => {
    const f = await submit();
    const before = await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id: f.id });
    const again = await database.db.transaction().execute(async (trx) => {
      const ports = createFeedbackPorts(trx, 'test', { publicUrl: 'https://motcua.example.vn' });
      const rec = await ports.lockFeedback(f.id);
      const received = await sql<{ id: string }>`select id::text as id from feedback_events
        where feedback_id = ${f.id} and action = 'received'`.execute(trx);
      return notifyFeedbackSubmitter(
        ports.notifications,
        rec!,
        { event: 'received' },
        `feedback:${f.id}:${received.rows[0]!.id}`,
      );
    });
    expect(again.queued).toEqual(['email', 'sms']);
    const after = await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id: f.id });
    expect(after.map((m) => m.idempotencyKey)).toEqual(before.map((m) => m.idempotencyKey));
    expect(after).toHaveLength(2);
  });

  it('an anonymous submitter is told nothing; an opted-out address is skipped', async () => {
    const anon = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      remoteAddress: '10.9.1.1',
      payload: { kind: 'question', title: 'Hỏi', content: 'Giờ làm việc?', communeCode: commune, anonymous: true },
    });
    const id = anon.json().id as string;
    await act(id, specialist, { action: 'accept' });
    expect(await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id })).toEqual([]);

    const f = await submit();
    await createNotificationsRepository(database.db).optOut('sms', f.phone, 'test', new Date());
    await act(f.id, specialist, { action: 'refuse', text: 'Không thuộc thẩm quyền.' });
    const log = await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id: f.id });
    expect(log.map((m) => [m.topic, (m.payload as { event: string }).event])).toEqual([
      ['notify.email', 'feedback.received'],
      ['notify.sms', 'feedback.received'],
      ['notify.email', 'feedback.refused'],
    ]);
  });
});

describe('migration 0135', () => {
  it('turns the messages kept "to send" into outbox rows once (opted-out skipped) and drops their table', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const scratch = url ? await createScratchDatabase(url) : null;
    const db = await openDatabase(scratch ? { databaseUrl: scratch.url, poolSize: 2 } : { dataDir: 'memory://' });
    try {
      const all = readMigrations();
      await migrate(
        db,
        all.filter((m) => m.version < '0135'),
      );
      const f = await sql<{ id: string }>`insert into feedback_items
        (code, token, kind, channel, title, content, province_code, unit_code, routed_by, received_at)
        values ('PA-79-260302-000001', 'tok', 'question', 'web', 't', 'c', '79', '79', 'default', now())
        returning id`.execute(db.db);
      const fid = f.rows[0]!.id;
      await sql`insert into notification_opt_outs (channel, address, opted_out_at, source)
        values ('sms', '0900000002', now(), 'test')`.execute(db.db);
      await sql`insert into feedback_messages (feedback_id, channel, recipient, subject, body, status, created_at) values
        (${fid}, 'sms', '0912 345.678', 'Phản ánh', 'Trả lời phản ánh: xong', 'to_send', now()),
        (${fid}, 'email', ' An@Example.VN ', 'Phản ánh PA', 'Nội dung', 'to_send', now()),
        (${fid}, 'sms', '0900000002', 'Phản ánh', 'bỏ qua', 'to_send', now()),
        (${fid}, 'sms', '0911111111', 'Phản ánh', 'đã gửi', 'sent', now())`.execute(db.db);
      expect(await migrate(db, all)).toContain('0135_send-feedback-messages');
      const rows = await sql<{ topic: string; aggregateId: string; payload: Record<string, unknown> }>`
        select topic, aggregate_id, payload from outbox_messages order by id`.execute(db.db);
      expect(rows.rows.map((r) => [r.topic, r.aggregateId, r.payload.to, r.payload.subject, r.payload.text])).toEqual([
        ['notify.sms', `feedback:${fid}`, '0912345678', null, 'Trả lời phản ánh: xong'],
        ['notify.email', `feedback:${fid}`, 'an@example.vn', 'Phản ánh PA', 'Nội dung'],
      ]);
      const t = await sql<{ t: string | null }>`select to_regclass('feedback_messages')::text as t`.execute(db.db);
      expect(t.rows[0]!.t).toBeNull();
      expect(await migrate(db, all)).toEqual([]);
    } finally {
      await db.close();
      await scratch?.drop();
    }
  }, 240_000); // a second database migrated from scratch: slow on a loaded machine
});

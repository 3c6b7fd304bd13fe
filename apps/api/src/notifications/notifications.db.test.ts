import type { Config } from '@mot-cua/config';
import { fixedClock, notifyApplicant } from '@mot-cua/core';
import { createNotificationsRepository, type Database } from '@mot-cua/db';
import { type NotifySim, startNotifySim } from '@mot-cua/notify-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../testing.js';
import { notificationDispatchers } from './notification-destinations.js';

let database: Database;
let sim: NotifySim;
let app: FastifyInstance;
let config: Config;
let unit: string;
let provinceCode: string;
let procedureCode: string;
let reception: Signed;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam

beforeAll(async () => {
  database = await createTestDb();
  sim = await startNotifySim({ httpPort: 0, smtpPort: 0, dataDir: null });
  ({ app, config } = await buildTestApp(database, {
    clock,
    env: { OUTBOX_TIMEOUT_MS: '1500', PUBLIC_URL: 'https://motcua.example.vn' },
  }));
  const u = await insertDossierTestUnits(database.db, 1);
  unit = u.communeCodes[0]!;
  provinceCode = u.provinceCode;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
});
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
async function drain(d: ReturnType<typeof dispatchers>, rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await d.email.tick();
    await d.sms.tick();
    deliveryClock.advance(10 * 60_000);
  }
}
const setMode = (channel: 'mail' | 'sms', mode: string, seconds = 0) =>
  fetch(`${sim.httpUrl}/sim/mode`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, mode, seconds }),
  });
type Captured = { items: Array<{ to: string; subject: string | null; text: string; requests: number }> };
const captured = async (channel: 'mail' | 'sms', to: string) =>
  (await (await fetch(`${sim.httpUrl}/sim/${channel}?to=${encodeURIComponent(to)}`)).json()) as Captured;

let n = 0;
async function receive(over: Record<string, unknown> = {}) {
  n++;
  const email = `nguoi.nop${n}.${Date.now()}@example.vn`;
  const phone = `09${String(Date.now() + n).slice(-8)}`;
  const res = await receiveAtCounter(app, reception, {
    procedureCode,
    unitCode: unit,
    applicant: { fullName: 'Nguyễn Thị Ánh', phone, email },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as { id: string; code: string };
  return { ...d, email, phone };
}
const log = async (id: string) =>
  (
    await app.inject({ method: 'GET', url: `/api/notifications/dossiers/${id}`, headers: reception.headers })
  ).json() as {
    items: Array<{
      id: number;
      channel: string;
      event: string;
      state: string;
      subject: string | null;
      attempts: number;
    }>;
    optedOut: string[];
    skipped: Array<{ channel: string; event: string; reason: string }>;
  };
const skippedOf = async (id: string) => (await log(id)).skipped.map((s) => [s.channel, s.event, s.reason]);

describe('applicant notifications', () => {
  it('tells the applicant of the receipt by e-mail and SMS, in Vietnamese, with the code, due date and link', async () => {
    const d = await receive();
    const before = await log(d.id);
    expect(before.items.map((i) => [i.channel, i.event, i.state])).toEqual([
      ['email', 'receipt', 'pending'],
      ['sms', 'receipt', 'pending'],
    ]);
    await drain(dispatchers());
    const mail = (await captured('mail', d.email)).items;
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Đã tiếp nhận hồ sơ ${d.code}`);
    // Three working days from Monday 09:00 (Vietnam): Thursday 05/03/2026.
    expect(mail[0]!.text).toContain('Ngày hẹn trả kết quả: 05/03/2026');
    expect(mail[0]!.text).toContain(`https://motcua.example.vn/tra-cuu?ma=${encodeURIComponent(d.code)}`);
    const sms = (await captured('sms', d.phone)).items;
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(d.code);
    expect((await log(d.id)).items.every((i) => i.state === 'sent')).toBe(true);
  });

  it('delivers exactly once when the answer is lost (cut connection, time-out), then retries', async () => {
    const d = await receive();
    await setMode('mail', 'drop');
    await setMode('sms', 'timeout');
    const disp = dispatchers();
    await disp.email.tick();
    await disp.sms.tick();
    expect((await log(d.id)).items.map((i) => i.state)).toEqual(['pending', 'pending']);
    await setMode('mail', 'ok');
    await setMode('sms', 'ok');
    await drain(disp);
    const mail = (await captured('mail', d.email)).items;
    const sms = (await captured('sms', d.phone)).items;
    expect([mail.length, sms.length]).toEqual([1, 1]);
    expect([mail[0]!.requests, sms[0]!.requests]).toEqual([2, 2]);
    expect((await log(d.id)).items.map((i) => [i.state, i.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });

  it('retries a mail server that is down or answers 451, and dead-letters a refused message with an audit row', async () => {
    const d = await receive();
    const disp = dispatchers();
    await setMode('mail', 'down');
    await setMode('sms', 'reject');
    await disp.email.tick();
    await disp.sms.tick();
    let items = (await log(d.id)).items;
    expect(items.map((i) => i.state)).toEqual(['pending', 'failed']);
    deliveryClock.advance(60_000);
    await setMode('mail', 'http500');
    await disp.email.tick();
    expect((await log(d.id)).items[0]!.state).toBe('pending');
    deliveryClock.advance(60_000);
    await setMode('mail', 'reject');
    await disp.email.tick();
    items = (await log(d.id)).items;
    expect(items.map((i) => i.state)).toEqual(['failed', 'failed']);
    const dead = await database.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('action', '=', 'outbox.dead_lettered')
      .where(
        'entityId',
        'in',
        items.map((i) => String(i.id)),
      )
      .execute();
    expect(dead).toHaveLength(2);
    await setMode('mail', 'ok');
    await setMode('sms', 'ok');
    expect((await captured('mail', d.email)).items).toHaveLength(0);
  });

  it('respects an opt-out recorded at the applicant’s request (audited), per channel', async () => {
    // Registered by post (no message yet), then the applicant asks for no SMS.
    const d = await receive({ mode: 'submit', channel: 'postal', returnMethod: 'post' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/notifications/dossiers/${d.id}/opt-out`,
      headers: reception.headers,
      payload: { channel: 'sms', optedOut: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changed: true, optedOut: true });
    expect((await log(d.id)).optedOut).toEqual(['sms']);
    const sup = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/supplement-request`,
      headers: reception.headers,
      payload: { items: [{ key: 'c02', state: 'invalid', reason: 'Bản chụp mờ' }] },
    });
    expect(sup.statusCode, sup.body).toBe(200);
    const items = (await log(d.id)).items;
    expect(items.map((i) => [i.channel, i.event])).toEqual([['email', 'supplement_requested']]);
    // The SMS not sent is in the log with its reason.
    expect(await skippedOf(d.id)).toEqual([['sms', 'supplement_requested', 'opted_out']]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', d.id)
      .where('action', '=', 'notification.opted_out')
      .execute();
    expect(audit).toHaveLength(1);

    const outsider = await signIn(app, database, [{ role: 'reception', unitCode: 'XX999' }]);
    const denied = await app.inject({
      method: 'GET',
      url: `/api/notifications/dossiers/${d.id}`,
      headers: outsider.headers,
    });
    expect(denied.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/notifications/dossiers/${d.id}` })).statusCode).toBe(401);
  });

  it('logs a message not sent for lack of an address once per event, like a sent one', async () => {
    const res = await receiveAtCounter(app, reception, {
      procedureCode,
      unitCode: unit,
      applicant: { fullName: 'Trần Văn Không Thư', phone: `09${String(Date.now()).slice(-8)}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as { id: string; code: string };
    expect((await log(d.id)).items.map((i) => [i.channel, i.event])).toEqual([['sms', 'receipt']]);
    expect(await skippedOf(d.id)).toEqual([['email', 'receipt', 'no_address']]);
    // The same event told again (a retried use case): neither the SMS nor the skipped e-mail is logged twice.
    const again = () =>
      database.db.transaction().execute((trx) =>
        notifyApplicant(createNotificationsRepository(trx), {
          about: { type: 'dossier', id: d.id, code: d.code },
          provinceCode,
          recipient: { email: null, phone: '0909000111' },
          message: { event: 'returned', subject: 'Đã trả', text: 'Đã trả kết quả', sms: 'Da tra ket qua' },
          key: `test-again:${d.id}`,
        }),
      );
    await again();
    await again();
    expect(await skippedOf(d.id)).toEqual([
      ['email', 'receipt', 'no_address'],
      ['email', 'returned', 'no_address'],
    ]);
    expect((await log(d.id)).items.filter((i) => i.event === 'returned')).toHaveLength(1);
  });

  it('ends every message with a signed unsubscribe link that stops that channel only, after the applicant confirms', async () => {
    const d = await receive();
    await drain(dispatchers());
    const mail = (await captured('mail', d.email)).items[0]!;
    const sms = (await captured('sms', d.phone)).items[0]!;
    const linkOf = (text: string) => /https:\/\/motcua\.example\.vn\/ngung-nhan-thong-bao\?t=([\w.-]+)/.exec(text)?.[1];
    const mailToken = linkOf(mail.text);
    const smsToken = linkOf(sms.text);
    expect(mail.text).toContain('Ngừng nhận thư thông báo: https://motcua.example.vn/ngung-nhan-thong-bao?t=');
    expect(mailToken).toBeDefined();
    expect(smsToken).toBeDefined();
    expect(sms.text.length).toBeLessThanOrEqual(320);

    // Opening the link changes nothing (mail scanners follow links); it shows the masked address.
    const info = await app.inject({ method: 'GET', url: `/api/notifications/unsubscribe?t=${mailToken}` });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({ channel: 'email', address: `n***@example.vn`, optedOut: false });
    // A forged or altered token is refused: the signature covers the channel and the address.
    const [, addr, sig] = mailToken!.split('.');
    const other = Buffer.from('someone.else@example.vn').toString('base64url');
    for (const t of [`e.${other}.${sig}`, `s.${addr}.${sig}`, `${mailToken}x`, 'e.abc']) {
      const r = await app.inject({ method: 'POST', url: '/api/notifications/unsubscribe', payload: { token: t } });
      expect(r.statusCode, t).toBe(400);
      expect(r.json()).toMatchObject({ code: 'NOTIFY_UNSUBSCRIBE_LINK_INVALID' });
    }
    // Confirmed without signing in: e-mail stops, SMS goes on; audited without the address.
    const stop = await app.inject({
      method: 'POST',
      url: '/api/notifications/unsubscribe',
      payload: { token: mailToken },
    });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({ channel: 'email', optedOut: true });
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['entityType', 'entityId', 'actorUserId'])
      .where('action', '=', 'notification.opted_out')
      .where('entityType', '=', 'notification_address')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.every((a) => a.actorUserId === null && !a.entityId.includes('@'))).toBe(true);
    expect((await log(d.id)).optedOut).toEqual(['email']);
    // The same applicant's next dossier: its receipt goes by SMS only.
    const next = await receive({ applicant: { fullName: 'Nguyễn Thị Ánh', phone: d.phone, email: d.email } });
    const after = (await log(next.id)).items;
    expect(after.map((i) => i.channel)).toEqual(['sms']);
    // The opted-out channel is logged as skipped, decided in the receipt's own statement.
    expect(await skippedOf(next.id)).toEqual([['email', 'receipt', 'opted_out']]);
  });
});

import { createAuditRepository, createNotificationsRepository, type Database } from '@mot-cua/db';
import { createTestDb, fixedClock, insertDossierTestUnits } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../testing.js';
import { feedbackAlerter } from './feedback-alerts.js';

let database: Database;
let app: FastifyInstance;
let units: { provinceCode: string; communeCodes: string[] };
let specialist: Signed;
let director: Signed;
let provinceDirector: Signed;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
const emailOf = (s: Signed) => `can.bo.${s.userId.slice(0, 8)}@example.vn`;

beforeAll(async () => {
  database = await createTestDb();
  units = await insertDossierTestUnits(database.db, 2);
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const c0 = units.communeCodes[0]!;
  specialist = await signIn(app, database, [{ role: 'specialist', unitCode: c0 }]);
  director = await signIn(app, database, [{ role: 'center_director', unitCode: c0 }]);
  provinceDirector = await signIn(app, database, [{ role: 'center_director', unitCode: units.provinceCode }]);
  // Someone of another commune is never told.
  await signIn(app, database, [{ role: 'center_director', unitCode: units.communeCodes[1]! }]);
  for (const s of [specialist, director, provinceDirector]) {
    await sql`update users set email = ${emailOf(s)} where id = ${s.userId}`.execute(database.db);
  }
}, 300_000); // in-memory database, migrations and simulators: slow on a loaded machine
afterAll(async () => {
  await app.close();
});

const alerter = () => feedbackAlerter({ database, clock, publicUrl: 'https://motcua.example.vn' });
const toldOf = async (id: string) =>
  (await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id }))
    .map((m) => m.payload as { to: string; event: string; subject: string; text: string })
    .filter((p) => p.event.startsWith('feedback.alert.'));

describe('reminders and escalations of feedback deadlines', () => {
  it('reminds the handlers, then tells the director, then the province; each once per deadline', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      remoteAddress: '10.7.0.1',
      payload: {
        kind: 'complaint',
        title: 'Đèn đường hỏng',
        content: 'Đèn đường ở hẻm 12 hỏng một tuần nay.',
        communeCode: units.communeCodes[0],
        anonymous: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code, dueAt } = res.json() as { id: string; code: string; dueAt: string };
    expect(dueAt).toBe('2026-03-04T02:00:00.000Z'); // decide within 2 working days

    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([]); // Monday: nothing is near yet
    expect(await toldOf(id)).toEqual([]);

    clock.set('2026-03-03T03:00:00Z'); // Tuesday 10:00: less than one working day left
    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([
      { feedbackId: id, kind: 'due_soon', recipients: 2 },
    ]);
    // The handlers of the unit (the specialist and the director, who may handle too), not the other commune.
    expect((await toldOf(id)).map((m) => m.to).sort()).toEqual([emailOf(specialist), emailOf(director)].sort());
    expect((await toldOf(id))[0]!.subject).toBe(`Sắp đến hạn: phản ánh ${code}`);
    expect((await toldOf(id))[0]!.text).toContain(`https://motcua.example.vn/workspace/feedback/${id}`);
    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([]); // a second sweep sends nothing again

    clock.set('2026-03-04T08:00:00Z'); // Wednesday 15:00: overdue
    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([
      { feedbackId: id, kind: 'overdue', recipients: 1 },
    ]);
    expect((await toldOf(id)).at(-1)).toMatchObject({ to: emailOf(director), subject: `Quá hạn: phản ánh ${code}` });

    clock.set('2026-03-09T03:00:00Z'); // next Monday: more than 2 working days overdue
    const sweep = await Promise.all([alerter().tick(), alerter().tick()]); // two processes at once
    expect(sweep.flat().filter((a) => a.feedbackId === id)).toEqual([
      { feedbackId: id, kind: 'escalated_province', recipients: 1 },
    ]);
    const told = await toldOf(id);
    expect(told).toHaveLength(4);
    expect(told.at(-1)).toMatchObject({ to: emailOf(provinceDirector) });

    const detail = await app.inject({ url: `/api/feedback/items/${id}`, headers: director.headers });
    expect(detail.json().events.map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
      ['received', 'default'],
      ['reminded', null],
      ['escalated', 'center_director'],
      ['escalated', 'province'],
    ]);
    const audit = await createAuditRepository(database.db).listAudit('feedback', id);
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.received',
      'feedback.reminded',
      'feedback.escalated_director',
      'feedback.escalated_province',
    ]);
  });

  it('a new deadline gets its own reminder; a handled matter gets none', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const res = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      remoteAddress: '10.7.0.2',
      payload: {
        kind: 'question',
        title: 'Giờ làm việc',
        content: 'Thứ bảy có làm việc không?',
        communeCode: units.communeCodes[0],
        anonymous: true,
      },
    });
    const id = res.json().id as string;
    clock.set('2026-03-03T03:00:00Z');
    expect((await alerter().tick()).filter((a) => a.feedbackId === id).map((a) => a.kind)).toEqual(['due_soon']);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/feedback/items/${id}/actions`,
      headers: specialist.headers,
      payload: { action: 'accept' },
    });
    expect(accepted.statusCode).toBe(200);
    // The answer is due 15 working days after receipt: nothing until then.
    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([]);
    clock.set('2026-03-20T03:00:00Z'); // Friday before the answer deadline (Monday 23rd, 09:00)
    expect((await alerter().tick()).filter((a) => a.feedbackId === id).map((a) => a.kind)).toEqual(['due_soon']);
    await app.inject({
      method: 'POST',
      url: `/api/feedback/items/${id}/actions`,
      headers: specialist.headers,
      payload: { action: 'refuse', text: 'Đã trả lời qua điện thoại.' },
    });
    clock.set('2026-04-20T03:00:00Z');
    expect((await alerter().tick()).filter((a) => a.feedbackId === id)).toEqual([]);
  });
});

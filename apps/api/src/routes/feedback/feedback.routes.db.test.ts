import { createHash } from 'node:crypto';
import { createAuditRepository, createNotificationsRepository, type Database } from '@mot-cua/db';
import { createTestDb, fixedClock, insertDossierTestUnits } from '@mot-cua/test-kit';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// The smallest valid PNG (1×1): what a phone photo looks like to the server.
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let units: { provinceCode: string; communeCodes: string[] };
let reception: Signed;
let specialist: Signed;
let leader: Signed;
let director: Signed;
let outsider: Signed;
let departmentId: string;

let caller = 0;
// Each request from its own address: the public form is rate-limited per address.
const post = (url: string, who: Signed | undefined, payload: unknown) =>
  app.inject({
    method: 'POST',
    url,
    headers: who?.headers ?? {},
    payload: payload as object,
    remoteAddress: `10.0.${caller >> 8}.${caller++ & 255}`,
  });
const get = (url: string, who?: Signed) => app.inject({ url, headers: who?.headers ?? {} });
const act = (id: string, who: Signed, body: Record<string, unknown>) =>
  post(`/api/feedback/items/${id}/actions`, who, body);

// One person per run: on a shared PostgreSQL database an earlier run's complaints must not make this one a repeat.
const submitterPhone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const complaint = () => ({
  kind: 'complaint',
  title: 'Hồ sơ đất đai trễ hẹn',
  content: 'Hồ sơ đăng ký đất đai của tôi đã quá hẹn trả kết quả mà chưa có thông báo.',
  communeCode: units.communeCodes[0],
  field: 'Đất đai',
  submitterName: 'Nguyễn Văn An',
  submitterPhone,
  photos: [{ fileName: 'anh.png', dataBase64: TINY_PNG }],
});

beforeAll(async () => {
  database = await createTestDb();
  units = await insertDossierTestUnits(database.db, 2);
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const c0 = units.communeCodes[0]!;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: c0 }]);
  specialist = await signIn(app, database, [{ role: 'specialist', unitCode: c0 }]);
  leader = await signIn(app, database, [{ role: 'leader', unitCode: c0 }]);
  director = await signIn(app, database, [{ role: 'center_director', unitCode: c0 }]);
  outsider = await signIn(app, database, [{ role: 'specialist', unitCode: units.communeCodes[1]! }]);
  const d = await sql<{ id: string }>`insert into departments (unit_code, kind, name)
    values (${c0}, 'economic', ${`Phòng Kinh tế ${c0}`}) returning id`.execute(database.db);
  departmentId = d.rows[0]!.id;
});
afterAll(async () => {
  await app.close();
});

describe('the public form', () => {
  it('takes an anonymous question with a photo: a code, a token, the decision due in 2 working days', async () => {
    const res = await post('/api/feedback', undefined, {
      kind: 'question',
      title: 'Hỏi về khai sinh',
      content: 'Làm giấy khai sinh cho con cần mang gì?',
      communeCode: units.communeCodes[0],
      anonymous: true,
      location: { lat: 10.77, long: 106.7 },
      photos: [{ fileName: 'a.png', dataBase64: TINY_PNG }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(new RegExp(`^PA-${units.provinceCode}-260302-\\d{6}$`));
    expect(body.dueAt).toBe('2026-03-04T02:00:00.000Z');
    const tracking = await get(`/api/feedback/track/${body.token}`);
    expect(tracking.json()).toMatchObject({ status: 'received', mayRate: false, answer: null });
  });

  it('refuses bad input with stable codes, never a 500', async () => {
    const bad = async (over: Record<string, unknown>) =>
      (await post('/api/feedback', undefined, { ...complaint(), ...over })).json().code;
    expect(await bad({ kind: 'rumour' })).toBe('VALIDATION_FAILED');
    expect(await bad({ submitterPhone: undefined })).toBe('FEEDBACK_CONTACT_REQUIRED');
    expect(
      await bad({ photos: [{ fileName: 'x.gif', dataBase64: Buffer.from('GIF89a....').toString('base64') }] }),
    ).toBe('FEEDBACK_PHOTO_INVALID');
    expect(await bad({ communeCode: '99999' })).toBe('FEEDBACK_UNIT_UNKNOWN');
    expect(await bad({ dossierCode: 'X00.00000-000000-000000' })).toBe('FEEDBACK_DOSSIER_UNKNOWN');
    expect(await bad({ location: { lat: 48.8, long: 2.3 } })).toBe('VALIDATION_FAILED');
  });

  it('fuzzing: any JSON body gets 201 or a 4xx problem with a code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            kind: fc.oneof(fc.constantFrom('question', 'complaint'), fc.string()),
            title: fc.string({ maxLength: 250 }),
            content: fc.string({ maxLength: 300 }),
            communeCode: fc.oneof(fc.constant(units.communeCodes[0]), fc.string({ maxLength: 12 })),
            anonymous: fc.oneof(fc.boolean(), fc.anything()),
            submitterEmail: fc.string(),
            photos: fc.oneof(
              fc.constant([]),
              fc.array(fc.record({ fileName: fc.string(), dataBase64: fc.base64String() }), { maxLength: 2 }),
            ),
            location: fc.record({ lat: fc.double(), long: fc.double() }),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await post('/api/feedback', undefined, body);
          if (res.statusCode === 201) return;
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.json().code).toMatch(/^[A-Z_]+$/);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('routing and handling', () => {
  let id: string;
  let token: string;

  it('routes by the rule an administrator adds (commune + field → department)', async () => {
    const rule = await post('/api/feedback/routing-rules', director, {
      provinceCode: units.provinceCode,
      communeCode: units.communeCodes[0],
      field: 'Đất đai',
      unitCode: units.communeCodes[0],
      departmentId,
    });
    expect(rule.statusCode).toBe(201);
    const foreign = await post('/api/feedback/routing-rules', director, {
      provinceCode: units.provinceCode,
      communeCode: units.communeCodes[1],
      unitCode: units.communeCodes[1],
    });
    expect(foreign.json().code).toBe('OUT_OF_JURISDICTION');
    const res = await post('/api/feedback', undefined, complaint());
    expect(res.statusCode).toBe(201);
    ({ id, token } = res.json());
    const detail = await get(`/api/feedback/items/${id}`, specialist);
    expect(detail.json()).toMatchObject({
      departmentId,
      status: 'received',
      mark: 'undue',
      allowedActions: ['accept', 'refuse'],
    });
    expect(detail.json().photos).toHaveLength(1);
    const photo = await get(detail.json().photos[0].url, specialist);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
    const png = Buffer.from(TINY_PNG, 'base64');
    expect(photo.rawPayload.equals(png)).toBe(true);
    // The bytes live in the file store (like attachments): the database keeps only the hash, size and type.
    const sha = createHash('sha256').update(png).digest('hex');
    const row = await database.db
      .selectFrom('storedFiles')
      .select(['sizeBytes', 'mediaType', 'content'])
      .where('sha256', '=', sha)
      .executeTakeFirst();
    expect(row).toEqual({ sizeBytes: png.length, mediaType: 'image/png', content: null });
    expect((await get(detail.json().photos[0].url)).statusCode).toBe(404);
  });

  it('an official of another commune neither sees nor acts on it', async () => {
    expect((await get(`/api/feedback/items/${id}`, outsider)).json().code).toBe('OUT_OF_JURISDICTION');
    expect((await act(id, outsider, { action: 'accept' })).json().code).toBe('OUT_OF_JURISDICTION');
    const list = await get('/api/feedback/items', outsider);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('accept → draft → leader approves for publication → published, with the submitter’s messages in the outbox and audit', async () => {
    clock.set('2026-03-03T02:00:00Z');
    expect((await act(id, specialist, { action: 'accept' })).json().status).toBe('accepted');
    expect((await act(id, leader, { action: 'approve_answer' })).json().code).toBe('FEEDBACK_ACTION_NOT_ALLOWED');
    expect((await act(id, specialist, { action: 'start' })).json().status).toBe('in_progress');
    expect((await act(id, specialist, { action: 'draft_answer' })).json().code).toBe('FEEDBACK_TEXT_REQUIRED');
    const drafted = await act(id, specialist, {
      action: 'draft_answer',
      text: 'Hồ sơ đất đai đã có kết quả, mời ông nhận tại quầy.',
    });
    expect(drafted.json()).toMatchObject({ hasDraft: true, allowedActions: [] });
    expect((await act(id, specialist, { action: 'approve_answer' })).json().code).toBe('FORBIDDEN');
    const approved = await act(id, leader, { action: 'approve_answer', publish: true });
    expect(approved.json()).toMatchObject({
      status: 'answered',
      publishIntended: true,
      dueAt: '2026-03-05T02:00:00.000Z',
    });
    const published = await act(id, leader, {
      action: 'publish',
      publicQuestion: 'Hồ sơ đăng ký đất đai trễ hẹn thì hỏi ở đâu?',
    });
    expect(published.json()).toMatchObject({ status: 'published', dueAt: null });
    // Open311's media_url of the published request serves its photo from the file store, to anyone.
    const o311 = await get(`/open311/v2/requests/${published.json().code}.json`);
    const mediaUrl = (o311.json() as Array<{ media_url: string | null }>)[0]!.media_url!;
    const media = await get(new URL(mediaUrl).pathname);
    expect([media.statusCode, media.headers['content-type']]).toEqual([200, 'image/png']);
    expect(media.rawPayload.equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    expect(published.json().events.map((e: { action: string }) => e.action)).toEqual([
      'received',
      'accept',
      'start',
      'draft_answer',
      'approve_answer',
      'publish',
    ]);
    expect(published.json().events.every((e: { onTime: boolean | null }) => e.onTime !== false)).toBe(true);

    // The submitter (a phone, no e-mail) is told by SMS of each step that concerns them, once each.
    const messages = await createNotificationsRepository(database.db).listForSubject({ type: 'feedback', id });
    expect(messages.map((m) => [m.topic, (m.payload as { event: string }).event])).toEqual([
      ['notify.sms', 'feedback.received'],
      ['notify.sms', 'feedback.accepted'],
      ['notify.sms', 'feedback.answered'],
      ['notify.sms', 'feedback.published'],
    ]);
    expect(messages.every((m) => (m.payload as { to: string }).to === submitterPhone)).toBe(true);
    expect((messages[2]!.payload as { text: string }).text).toContain('da co ket qua');
    const audit = await createAuditRepository(database.db).listAudit('feedback', id);
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.received',
      'feedback.accept',
      'feedback.start',
      'feedback.draft_answer',
      'feedback.approve_answer',
      'feedback.publish',
    ]);
  });

  it('the submitter reads the answer and rates it once; the published answer is found without accents', async () => {
    const t = await get(`/api/feedback/track/${token}`);
    expect(t.json()).toMatchObject({ status: 'published', mayRate: true });
    expect(t.json().answer).toContain('đã có kết quả');
    expect((await post(`/api/feedback/track/${token}/rating`, undefined, { rating: 'satisfied' })).statusCode).toBe(
      200,
    );
    expect((await post(`/api/feedback/track/${token}/rating`, undefined, { rating: 'neutral' })).json().code).toBe(
      'FEEDBACK_ALREADY_RATED',
    );
    const found = await get('/api/feedback/published?q=ho%20so%20dat%20dai%20tre%20hen');
    expect(found.json().items[0]).toMatchObject({ question: 'Hồ sơ đăng ký đất đai trễ hẹn thì hỏi ở đâu?' });
    const assistant = await post('/api/search/assistant', undefined, { question: 'hồ sơ đất đai trễ hẹn hỏi ở đâu' });
    expect(assistant.json().faq?.[0]).toMatchObject({ question: 'Hồ sơ đăng ký đất đai trễ hẹn thì hỏi ở đâu?' });
  });

  it('a second complaint of the same person on the same matter is linked as a repeat', async () => {
    const res = await post('/api/feedback', undefined, {
      ...complaint(),
      content: 'Lại trễ hẹn hồ sơ đăng ký đất đai, chưa có thông báo.',
    });
    const again = await get(`/api/feedback/items/${res.json().id}`, specialist);
    expect(again.json().repeatOf).toBe(id);
  });
});

describe('deadlines, hotline and the service index', () => {
  it('the hotline records a call; a late decision is marked overdue, escalated, and counts against 5.2', async () => {
    clock.set('2026-03-02T02:00:00Z');
    expect(
      (
        await post('/api/feedback/intake', specialist, {
          channel: 'hotline',
          kind: 'question',
          title: 'x',
          content: 'y',
          communeCode: units.communeCodes[0],
        })
      ).json().code,
    ).toBe('FORBIDDEN');
    const call = await post('/api/feedback/intake', reception, {
      channel: 'hotline',
      kind: 'question',
      title: 'Gọi đường dây nóng',
      content: 'Người gọi hỏi giờ làm việc của trung tâm.',
      communeCode: units.communeCodes[0],
      callerName: 'Trần Thị Bình',
      callerPhone: `08${submitterPhone.slice(2)}`,
    });
    expect(call.statusCode).toBe(201);
    const id = call.json().id;
    clock.set('2026-03-05T02:00:00Z'); // Thursday: a working day past the decision deadline
    const overdue = await get('/api/feedback/items?mark=overdue', director);
    expect(overdue.json().items.find((i: { id: string }) => i.id === id)).toMatchObject({
      mark: 'overdue',
      escalation: 1,
    });
    clock.set('2026-03-10T02:00:00Z');
    expect((await get(`/api/feedback/items/${id}`, director)).json().escalation).toBe(2);
    const refused = await act(id, specialist, {
      action: 'refuse',
      text: 'Không phải phản ánh, đã hướng dẫn qua điện thoại.',
    });
    expect(refused.json().events.at(-1)).toMatchObject({ action: 'refuse', onTime: false });

    const idx = await get(`/api/feedback/index?unit=${units.communeCodes[0]}&from=2026-03-01&to=2026-03-31`, director);
    expect(idx.statusCode).toBe(200);
    const f = idx.json();
    expect(f.handled).toBe(2);
    expect(f.handledOnTime).toBe(1);
    expect(f.onTimeRate).toBe(0.5);
    expect(f.repeated).toBe(1);

    // The supervision page: the same figures per unit of the area, for a supervisor of the province.
    const supervisor = await signIn(app, database, [{ role: 'supervisor', unitCode: units.provinceCode }]);
    const area = await get(
      `/api/feedback/index/units?from=2026-03-01&to=2026-03-31&provinceCode=${units.provinceCode}`,
      supervisor,
    );
    expect(area.statusCode, area.body).toBe(200);
    const row = area.json().rows.find((r: { unitCode: string }) => r.unitCode === units.communeCodes[0]);
    expect(row).toMatchObject({ handled: 2, handledOnTime: 1, onTimeRate: 0.5, repeated: 1 });
    expect(area.json().totals.received).toBeGreaterThanOrEqual(row.received);
    // An official of another commune sees only their own unit, and no other commune's figures.
    const theirs = await get('/api/feedback/index/units?from=2026-03-01&to=2026-03-31', outsider);
    expect(theirs.json().rows.map((r: { unitCode: string }) => r.unitCode)).not.toContain(units.communeCodes[0]);
    const foreign = await get(
      `/api/feedback/index/units?from=2026-03-01&to=2026-03-31&unitCode=${units.communeCodes[0]}`,
      outsider,
    );
    expect(foreign.json().code).toBe('OUT_OF_JURISDICTION');
  });
});

describe('routing rules are edited by the administrator, audited', () => {
  const put = (url: string, who: Signed, payload: unknown) =>
    app.inject({ method: 'PUT', url, headers: who.headers, payload: payload as object });

  it('changes a rule (both versions in the audit), routes by the new version, then deletes it', async () => {
    const c0 = units.communeCodes[0]!;
    const created = await post('/api/feedback/routing-rules', director, {
      provinceCode: units.provinceCode,
      communeCode: c0,
      kind: 'suggestion',
      unitCode: c0,
      priority: 5,
    });
    const ruleId = created.json().id as number;
    const edit = {
      provinceCode: units.provinceCode,
      communeCode: c0,
      kind: 'suggestion',
      unitCode: c0,
      departmentId,
      priority: 5,
    };
    expect((await put(`/api/feedback/routing-rules/${ruleId}`, specialist, edit)).json().code).toBe('FORBIDDEN');
    expect(
      (
        await put(`/api/feedback/routing-rules/${ruleId}`, director, { ...edit, departmentId: crypto.randomUUID() })
      ).json().code,
    ).toBe('FEEDBACK_DEPARTMENT_MISMATCH');
    expect(
      (
        await put(`/api/feedback/routing-rules/${ruleId}`, director, { ...edit, communeCode: units.communeCodes[1] })
      ).json().code,
    ).toBe('OUT_OF_JURISDICTION');
    expect((await put('/api/feedback/routing-rules/999999999', director, edit)).json().code).toBe(
      'FEEDBACK_ROUTING_RULE_NOT_FOUND',
    );
    const ok = await put(`/api/feedback/routing-rules/${ruleId}`, director, edit);
    expect(ok.statusCode, ok.body).toBe(204);

    const list = await get(`/api/feedback/routing-rules?province=${units.provinceCode}`, director);
    expect(list.json().items.find((r: { id: number }) => r.id === ruleId)).toMatchObject({
      departmentId,
      departmentName: `Phòng Kinh tế ${c0}`,
    });
    const s = await post('/api/feedback', undefined, {
      kind: 'suggestion',
      title: 'Góp ý giờ làm việc',
      content: 'Đề nghị mở cửa sáng thứ bảy.',
      communeCode: c0,
      anonymous: true,
    });
    expect((await get(`/api/feedback/items/${s.json().id}`, director)).json().departmentId).toBe(departmentId);

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/feedback/routing-rules/${ruleId}`, headers: director.headers }))
        .statusCode,
    ).toBe(204);
    const audit = await createAuditRepository(database.db).listAudit('feedback_routing_rule', String(ruleId));
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.routing_rule_created',
      'feedback.routing_rule_updated',
      'feedback.routing_rule_deleted',
    ]);
    expect(audit[1]!.data).toMatchObject({ before: { departmentId: null }, after: { departmentId } });
  });
});

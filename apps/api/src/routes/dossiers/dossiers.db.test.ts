import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock, parseDossierCode } from '@mot-cua/core';
import { createDossiersRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let province: string;
let A: string; // commune A (competent for most dossiers)
let B: string; // commune B, same province (another center)
let C: string; // commune C, same province (outsider)
let procedureCode: string;
const who: Record<string, Signed> = {};

const applicant = { fullName: 'Nguyễn Thị Ánh', idNumber: '079190000001', phone: '0909123456' };
const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];

function multipart(files: Array<{ name: string; content: Buffer; type: string }>, fields: Record<string, string> = {}) {
  const boundary = '----motcua-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const post = (s: Signed | undefined, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, ...(s ? { headers: s.headers } : {}), payload: payload ?? {} });
const get = (s: Signed | undefined, url: string) =>
  app.inject({ method: 'GET', url, ...(s ? { headers: { cookie: s.cookie } } : {}) });

async function receive(s: Signed, body: Record<string, unknown>): Promise<DossierDetail> {
  const res = await post(s, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: A,
    applicant,
    components: complete,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const u = await insertDossierTestUnits(database.db, 3);
  province = u.provinceCode;
  [A, B, C] = u.communeCodes as [string, string, string];
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  who.receptionA = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  who.headA = await signIn(app, database, [{ role: 'department_head', unitCode: A }]);
  who.specialistA = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  who.specialistA2 = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  who.leaderA = await signIn(app, database, [{ role: 'leader', unitCode: A }]);
  who.receptionB = await signIn(app, database, [{ role: 'reception', unitCode: B }]);
  who.specialistB = await signIn(app, database, [{ role: 'specialist', unitCode: B }]);
  who.specialistC = await signIn(app, database, [
    { role: 'specialist', unitCode: C },
    { role: 'reception', unitCode: C },
  ]);
  who.citizen = await signIn(app, database, [{ role: 'citizen', unitCode: province }]);
  who.supervisor = await signIn(app, database, [{ role: 'supervisor', unitCode: province }]);
});
afterAll(async () => {
  await app.close();
});

describe('dossier API: channels end to end', () => {
  it('in person at the counter with an agent: receipt PDF, processing, result upload, return, rating, outbox', async () => {
    const d = await receive(who.receptionA!, {
      agent: { fullName: 'Phạm Văn Đức', relation: 'con trai' },
      returnMethod: 'counter',
    });
    expect(d.status).toBe('received');
    expect(parseDossierCode(d.code)?.systemCode).toBe('01');
    expect(d.dueAt).toBe('2026-03-05T02:00:00.000Z');
    expect(d.agent?.fullName).toBe('Phạm Văn Đức');
    expect(d.currentStep).toMatchObject({ order: 1, role: 'reception' });

    const slip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/receipt`);
    expect(slip.statusCode).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(slip.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain(d.code);
    expect(text).toContain('09:00 ngày 05/03/2026');
    expect(text).toContain('Phạm Văn Đức (con trai)');

    const claimed = await post(who.receptionA, `/api/dossiers/${d.id}/claim`, { stepOrder: 1 });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const handed = await post(who.receptionA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1 });
    expect(handed.json().currentStep).toMatchObject({ order: 2, role: 'specialist', assigneeId: null });

    const candidates = await get(who.headA, `/api/dossiers/${d.id}/candidates`);
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json().items.map((c: { userId: string }) => c.userId)).toContain(who.specialistA!.userId);
    const assigned = await post(who.headA, `/api/dossiers/${d.id}/assign`, {
      stepOrder: 2,
      assigneeId: who.specialistA!.userId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('processing');

    const mine = await get(who.specialistA, '/api/dossiers?view=mine');
    expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(d.id);

    expect((await post(who.specialistA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    const approved = await post(who.leaderA, `/api/dossiers/${d.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);

    const notPdf = multipart([
      { name: 'ket-qua.pdf', content: Buffer.from('chỉ là chữ, không phải PDF'), type: 'application/pdf' },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialistA!.headers, ...notPdf.headers },
      payload: notPdf.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');

    const pdf = Buffer.from('%PDF-1.4\n% Giấy khai sinh\n%%EOF\n');
    const upload = multipart([{ name: 'giay-khai-sinh.pdf', content: pdf, type: 'application/pdf' }], {
      note: 'Đã ký số',
    });
    const issued = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialistA!.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const afterIssue: DossierDetail = issued.json();
    expect(afterIssue.status).toBe('result_ready');
    expect(afterIssue.attachments).toHaveLength(1);
    expect(afterIssue.attachments[0]).toMatchObject({
      kind: 'result',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const file = await get(who.receptionA, `/api/dossiers/${d.id}/attachments/${afterIssue.attachments[0]!.id}`);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const returned = await post(who.receptionA, `/api/dossiers/${d.id}/return`, { method: 'counter' });
    expect(returned.json().status).toBe('returned');
    const rated = await post(undefined, '/api/dossiers/public/rate', {
      code: d.code,
      secondFactor: applicant.phone,
      level: 5,
      criteria: { staffAttitude: 5, totalTime: 4 },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().canRate).toBe(false);
    const again = await post(undefined, '/api/dossiers/public/rate', {
      code: d.code,
      secondFactor: applicant.phone,
      level: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');

    const outbox = await createDossiersRepository(database.db).listOutbox(d.id);
    expect(outbox.map((o) => (o.payload as { TrangThaiHoSo: number }).TrangThaiHoSo)).toEqual([2, 4, 9, 10]);
    const detail: DossierDetail = (await get(who.receptionA, `/api/dossiers/${d.id}`)).json();
    expect(detail.controlSheet.map((r) => r.action)).toEqual([
      'received',
      'claimed',
      'step_completed',
      'assigned',
      'step_completed',
      'approved',
      // The approval moves the dossier on to the return step in the same action.
      'step_completed',
      'result_issued',
      'returned',
    ]);
    expect(detail.rating?.level).toBe(5);
    expect(detail.rating?.criteria, JSON.stringify(detail.rating)).toEqual({ staffAttitude: 5, totalTime: 4 });
  });

  it('online: a citizen submits (new, 8 working hours to accept), reception accepts; a citizen cannot receive', async () => {
    const res = await post(who.citizen, '/api/dossiers', {
      mode: 'submit',
      channel: 'online',
      procedureCode,
      receivingUnitCode: A,
      applicant,
      components: complete,
      returnMethod: 'online',
      vneidVerified: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d: DossierDetail = res.json();
    expect(d).toMatchObject({ status: 'new', nationalStatus: 1, channel: 'online' });
    expect(d.intakeDueAt).toBe('2026-03-03T02:00:00.000Z'); // 8 working hours later
    const cannot = await post(who.citizen, '/api/dossiers', {
      mode: 'receive',
      channel: 'online',
      procedureCode,
      receivingUnitCode: A,
      applicant,
      components: complete,
    });
    expect(cannot.statusCode).toBe(403);
    expect((await post(who.citizen, `/api/dossiers/${d.id}/accept`)).statusCode).toBe(403);
    const accepted = await post(who.receptionA, `/api/dossiers/${d.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'received', nationalStatus: 2 });
  });

  it('postal: registered as new, one consolidated supplement request, supplemented, accepted', async () => {
    const d = await receive(who.receptionA!, { mode: 'submit', channel: 'postal', returnMethod: 'post' });
    expect(d.status).toBe('new');
    const sup = await post(who.receptionA, `/api/dossiers/${d.id}/supplement-request`, {
      items: [
        { key: 'c02', state: 'invalid', reason: 'Bản sao không chứng thực' },
        { key: 'c01', state: 'missing' },
      ],
    });
    expect(sup.statusCode, sup.body).toBe(200);
    expect(sup.json().status).toBe('supplement_requested');
    const twice = await post(who.receptionA, `/api/dossiers/${d.id}/supplement-request`, {
      items: [{ key: 'c01', state: 'missing' }],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SUPPLEMENT_ALREADY_REQUESTED');
    const slip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/supplement`);
    expect((await pdfText(slip.rawPayload)).text.replace(/\s+/g, ' ')).toContain('Bản sao không chứng thực');
    const lookup = await get(
      undefined,
      `/api/dossiers/public/lookup?code=${d.code}&secondFactor=${applicant.idNumber}`,
    );
    expect(lookup.json().pendingSupplement.map((p: { name: string }) => p.name)).toEqual([
      'Giấy chứng sinh',
      'Tờ khai đăng ký khai sinh theo mẫu',
    ]);
    expect((await post(who.receptionA, `/api/dossiers/${d.id}/supplement`)).json().status).toBe('new');
    const incomplete = await post(who.receptionA, `/api/dossiers/${d.id}/accept`, {
      components: [{ key: 'c01', state: 'present' }],
    });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().code).toBe('COMPONENTS_INCOMPLETE');
    const ok = await post(who.receptionA, `/api/dossiers/${d.id}/accept`, { components: complete });
    expect(ok.json().status).toBe('received');
  });

  it('at another center of the province: received in B, handled by A, returned in B', async () => {
    const d = await receive(who.receptionB!, { receivingUnitCode: B, competentUnitCode: A });
    expect(d).toMatchObject({ receivingUnitCode: B, competentUnitCode: A, status: 'received' });
    // B's specialist may not process A's work; A's specialist may.
    // The receiving center hands the dossier over to the competent unit (step 1 is reception's work).
    expect((await post(who.receptionA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1 })).statusCode).toBe(403);
    expect((await post(who.receptionB, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
    const outsider = await post(who.specialistB, `/api/dossiers/${d.id}/claim`, { stepOrder: 2 });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('OUT_OF_JURISDICTION');
    expect((await post(who.specialistA, `/api/dossiers/${d.id}/claim`, { stepOrder: 2 })).statusCode).toBe(200);
    expect((await post(who.specialistA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    expect((await post(who.leaderA, `/api/dossiers/${d.id}/approve`)).statusCode).toBe(200);
    const pdf = multipart([{ name: 'kq.pdf', content: Buffer.from('%PDF-1.7\n%%EOF'), type: 'application/pdf' }]);
    const issued = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialistA!.headers, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    // The result waits at the receiving counter: it stays in B's open queue until it is handed back.
    const waiting = (await get(who.receptionB, '/api/dossiers?view=open&limit=200')).json();
    expect(waiting.items.map((x: { id: string }) => x.id)).toContain(d.id);
    // Result returned at the place of receipt: A's reception cannot return it, B's can.
    expect((await post(who.receptionA, `/api/dossiers/${d.id}/return`, { method: 'counter' })).statusCode).toBe(403);
    expect((await post(who.receptionB, `/api/dossiers/${d.id}/return`, { method: 'counter' })).json().status).toBe(
      'returned',
    );
    const both = await get(who.receptionB, '/api/dossiers?view=all');
    expect(both.json().items.map((x: { id: string }) => x.id)).toContain(d.id);
  });

  it('another province is refused as competent unit', async () => {
    const other = await insertDossierTestUnits(database.db, 1);
    const res = await post(who.receptionA, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode,
      receivingUnitCode: A,
      competentUnitCode: other.communeCodes[0],
      applicant,
      components: complete,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNIT_NOT_IN_PROVINCE');
  });
});

describe('dossier API: authorization, errors, lists, public lookup', () => {
  it('a commune official cannot reach into another commune’s dossier; a province supervisor can read', async () => {
    const d = await receive(who.receptionA!, {});
    for (const [method, url] of [
      ['GET', `/api/dossiers/${d.id}`],
      ['GET', `/api/dossiers/${d.id}/slips/receipt`],
      ['POST', `/api/dossiers/${d.id}/claim`],
      ['POST', `/api/dossiers/${d.id}/stop`],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: method === 'GET' ? { cookie: who.specialistC!.cookie } : who.specialistC!.headers,
        ...(method === 'POST' ? { payload: { stepOrder: 1, reason: 'x' } } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('OUT_OF_JURISDICTION');
    }
    expect(
      (await get(who.specialistC, '/api/dossiers?view=all')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(d.id);
    expect((await get(who.supervisor, `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const approve = await post(who.specialistA, `/api/dossiers/${d.id}/approve`);
    expect(approve.statusCode).toBe(403);
    expect(approve.json().code).toBe('FORBIDDEN');
    const receiveElsewhere = await post(who.receptionA, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode,
      receivingUnitCode: C,
      applicant,
      components: complete,
    });
    expect(receiveElsewhere.statusCode).toBe(403);
    expect(receiveElsewhere.json().code).toBe('OUT_OF_JURISDICTION');
  });

  it('the detail lists only the actions the signed-in official may take now, and each one is accepted', async () => {
    const allowed = async (s: Signed | undefined, id: string): Promise<string[]> => {
      const res = await get(s, `/api/dossiers/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().allowedActions;
    };
    // Online and new: reception may accept, ask for a supplement or refuse; the leader may not.
    const submitted = await post(who.citizen, '/api/dossiers', {
      mode: 'submit',
      channel: 'online',
      procedureCode,
      receivingUnitCode: A,
      applicant,
      components: complete,
      returnMethod: 'online',
    });
    const n: DossierDetail = submitted.json();
    expect(await allowed(who.receptionA, n.id)).toEqual(
      expect.arrayContaining(['received', 'supplement_requested', 'refused']),
    );
    expect(await allowed(who.receptionA, n.id)).not.toContain('approved');
    expect(await allowed(who.leaderA, n.id)).not.toContain('received');
    expect(await allowed(who.specialistA, n.id)).not.toContain('received');
    expect(await allowed(who.supervisor, n.id)).toEqual([]);

    // Received at the counter: reception holds step 1; nobody approves before the approval step.
    const d = await receive(who.receptionA!, {});
    const rec = await allowed(who.receptionA, d.id);
    expect(rec).toEqual(expect.arrayContaining(['claimed', 'step_completed']));
    expect(rec).not.toContain('approved');
    expect(rec).not.toContain('assigned');
    expect(await allowed(who.leaderA, d.id)).not.toContain('approved');
    expect(await allowed(who.leaderA, d.id)).not.toContain('claimed');
    expect(await allowed(who.headA, d.id)).toContain('assigned');
    expect(await allowed(who.specialistA, d.id)).not.toContain('claimed'); // the step is reception's

    // The response to an action is computed for the one who acted.
    const claimed = await post(who.receptionA, `/api/dossiers/${d.id}/claim`, { stepOrder: 1 });
    expect(claimed.json().allowedActions).toContain('step_completed');
    expect(claimed.json().allowedActions).not.toContain('claimed');
    await post(who.receptionA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1 });
    await post(who.headA, `/api/dossiers/${d.id}/assign`, { stepOrder: 2, assigneeId: who.specialistA!.userId });
    // Step 2 is the specialist's: only its holder (or a head) hands it over.
    expect(await allowed(who.specialistA, d.id)).toContain('step_completed');
    expect(await allowed(who.specialistA2, d.id)).not.toContain('step_completed');
    expect(await allowed(who.headA, d.id)).toContain('step_completed');
    expect(await allowed(who.receptionA, d.id)).not.toContain('step_completed');
    const notHolder = await post(who.specialistA2, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 });
    expect(notHolder.json().code).toBe('NOT_STEP_ASSIGNEE');
    expect((await post(who.specialistA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    expect(await allowed(who.leaderA, d.id)).toContain('approved'); // step 3 is the approval step
    const approved = await post(who.leaderA, `/api/dossiers/${d.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().allowedActions).not.toContain('approved');
    expect(await allowed(who.specialistA, d.id)).toContain('result_issued');
    expect(await allowed(who.receptionA, d.id)).not.toContain('result_issued');
  });

  it('401 without a session, 400 on invalid input, 404 on unknown dossiers, 409 with the specific code', async () => {
    expect((await get(undefined, '/api/dossiers')).statusCode).toBe(401);
    const bad = await post(who.receptionA, '/api/dossiers', { mode: 'receive', channel: 'fax' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const missing = await get(who.receptionA, '/api/dossiers/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DOSSIER_NOT_FOUND');
    const d = await receive(who.receptionA!, {});
    const notReady = await post(who.receptionA, `/api/dossiers/${d.id}/return`, { method: 'counter' });
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().code).toBe('RESULT_NOT_READY');
    const accept = await post(who.receptionA, `/api/dossiers/${d.id}/accept`, {});
    expect(accept.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const noSlip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/apology`);
    expect(noSlip.statusCode).toBe(409);
    expect(noSlip.json().code).toBe('SLIP_NOT_AVAILABLE');
    const procedureMissing = await post(who.receptionA, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode: '9.999999',
      receivingUnitCode: A,
      applicant,
      components: [],
    });
    expect(procedureMissing.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });

  it('a procedure without a time limit: reception must enter one (422), it makes the due date; refused where there is one', async () => {
    const none = (await loadDossierTestProcedure(database.db, { unitCode: A, days: null })).code;
    const body = { mode: 'receive', channel: 'in_person', procedureCode: none, receivingUnitCode: A, applicant };
    const required = await post(who.receptionA, '/api/dossiers', { ...body, components: complete });
    expect(required.statusCode, required.body).toBe(422);
    expect(required.json()).toMatchObject({ code: 'DOSSIER_TIME_LIMIT_REQUIRED' });
    expect(required.json().detail).toContain('phải nhập thời hạn giải quyết');
    const en = await app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...who.receptionA!.headers, 'accept-language': 'en' },
      payload: { ...body, components: complete },
    });
    expect(en.json()).toMatchObject({ code: 'DOSSIER_TIME_LIMIT_REQUIRED' });
    expect(en.json().detail).toContain('must enter a time limit');
    for (const timeLimit of [
      { value: 0, unit: 'working_days' },
      { value: -1, unit: 'working_days' },
      { value: 3, unit: 'none' },
      { value: 400, unit: 'calendar_days' },
    ]) {
      const bad = await post(who.receptionA, '/api/dossiers', { ...body, components: complete, timeLimit });
      expect(bad.statusCode, JSON.stringify(timeLimit)).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    }
    // 5 working days from Monday 09:00: the next Monday 09:00; the receipt and the dossier carry it.
    const d = await receive(who.receptionA!, { procedureCode: none, timeLimit: { value: 5, unit: 'working_days' } });
    expect(d.dueAt).toBe('2026-03-09T02:00:00.000Z');
    const stored = await createDossiersRepository(database.db).findDossier(d.id);
    expect(stored?.duration).toEqual({ value: 5, unit: 'working_days' });
    const slip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/receipt`);
    expect((await pdfText(slip.rawPayload)).text.replace(/\s+/g, ' ')).toContain('09:00 ngày 09/03/2026');
    // A procedure with its own limit does not take another one.
    const fixed = await post(who.receptionA, '/api/dossiers', {
      ...body,
      procedureCode,
      components: complete,
      timeLimit: { value: 10, unit: 'working_days' },
    });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().code).toBe('DOSSIER_TIME_LIMIT_FIXED');

    // Online: the citizen submits without one (and may not set one); reception enters it when accepting.
    const online = { ...body, mode: 'submit', channel: 'online', components: complete, returnMethod: 'online' };
    expect(
      (await post(who.citizen, '/api/dossiers', { ...online, timeLimit: { value: 1, unit: 'working_days' } }))
        .statusCode,
    ).toBe(403);
    const submitted = await post(who.citizen, '/api/dossiers', online);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = (submitted.json() as DossierDetail).id;
    const noLimit = await post(who.receptionA, `/api/dossiers/${id}/accept`, {});
    expect(noLimit.statusCode).toBe(422);
    expect(noLimit.json().code).toBe('DOSSIER_TIME_LIMIT_REQUIRED');
    const accepted = await post(who.receptionA, `/api/dossiers/${id}/accept`, {
      timeLimit: { value: 4, unit: 'working_hours' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // 09:00 + 4 working hours (lunch 11:30–13:30): 15:00 the same day.
    expect(accepted.json()).toMatchObject({ status: 'received', dueAt: '2026-03-02T08:00:00.000Z' });
    expect((await createDossiersRepository(database.db).findDossier(id))?.duration).toEqual({
      value: 4,
      unit: 'working_hours',
    });

    // The unit's internal process sets one (two steps of 1 working day): nothing to enter, due Wednesday.
    const byProcess = (await loadDossierTestProcedure(database.db, { unitCode: A, days: null, processDays: 1 })).code;
    const p = await receive(who.receptionA!, { procedureCode: byProcess });
    expect(p.dueAt).toBe('2026-03-04T02:00:00.000Z');
  });

  it('withdrawal gives a stop notice; apology is once and in time; overdue and due-soon lists', async () => {
    const w = await receive(who.receptionA!, {});
    const withdrawn = await post(who.receptionA, `/api/dossiers/${w.id}/withdraw`, { reason: 'Không còn nhu cầu' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', nationalStatus: 7 });
    const stop = await get(who.receptionA, `/api/dossiers/${w.id}/slips/stop`);
    expect((await pdfText(stop.rawPayload)).text.replace(/\s+/g, ' ')).toContain('Không còn nhu cầu');

    const d = await receive(who.receptionA!, {});
    const apology = await post(who.specialistA, `/api/dossiers/${d.id}/apology`, {
      reason: 'Chờ xác minh thông tin',
      newDueAt: '2026-03-10T02:00:00Z',
    });
    expect(apology.statusCode, apology.body).toBe(200);
    expect(apology.json().dueAt).toBe('2026-03-10T02:00:00.000Z');
    const again = await post(who.specialistA, `/api/dossiers/${d.id}/apology`, {
      reason: 'Lần hai',
      newDueAt: '2026-03-20T02:00:00Z',
    });
    expect(again.json().code).toBe('APOLOGY_ALREADY_ISSUED');

    const late = await receive(who.receptionA!, {});
    clock.set('2026-03-04T03:00:00Z'); // Wednesday 10:00, due Thursday 09:00: less than a working day left
    const tooLate = await post(who.specialistA, `/api/dossiers/${late.id}/apology`, {
      reason: 'Muộn',
      newDueAt: '2026-03-12T02:00:00Z',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('APOLOGY_TOO_LATE');
    const soon = (await get(who.receptionA, '/api/dossiers?view=due_soon&limit=200')).json();
    expect(soon.items.map((x: { id: string }) => x.id)).toContain(late.id);
    clock.set('2026-03-06T03:00:00Z');
    const overdue = (await get(who.receptionA, '/api/dossiers?view=overdue&limit=200')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(overdue.items.map((x: { id: string }) => x.id)).not.toContain(d.id); // apology moved it to 10/03
    const detail = (await get(who.receptionA, `/api/dossiers/${late.id}`)).json();
    expect(detail.progress).toBe('overdue');
    clock.set('2026-03-02T02:00:00Z');
  });

  it('public lookup needs the code and a matching phone or ID number, and shows only initials', async () => {
    const d = await receive(who.receptionA!, {});
    const ok = await get(undefined, `/api/dossiers/public/lookup?code=${d.code}&secondFactor=0909%20123%20456`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      code: d.code,
      applicantInitials: 'N. T. Ánh',
      status: 'received',
      statusName: 'Được tiếp nhận',
    });
    expect(ok.body).not.toContain('079190000001');
    const wrong = await get(undefined, `/api/dossiers/public/lookup?code=${d.code}&secondFactor=0911111111`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('DOSSIER_LOOKUP_FAILED');
    const unknown = await get(
      undefined,
      `/api/dossiers/public/lookup?code=X00.0-260302-019999&secondFactor=0909123456`,
    );
    expect(unknown.json().code).toBe('DOSSIER_LOOKUP_FAILED');
    const slip = await get(
      undefined,
      `/api/dossiers/public/slips/receipt?code=${d.code}&secondFactor=${applicant.idNumber}`,
    );
    expect(slip.statusCode).toBe(200);
    expect((await pdfText(slip.rawPayload)).text).toContain(d.code);
    const sheet = await get(
      undefined,
      `/api/dossiers/public/slips/control-sheet?code=${d.code}&secondFactor=${applicant.idNumber}`,
    );
    expect(sheet.statusCode).toBe(409);
  });
});

describe('forwarding to another competent unit', () => {
  it('moves the dossier to that unit (the projection), and feedback linked to it goes to the unit holding it now', async () => {
    const d = await receive(who.receptionA!, {});
    const forwarded = await post(who.receptionA, `/api/dossiers/${d.id}/forward`, {
      toUnitCode: B,
      note: 'Thuộc thẩm quyền phường B',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const feedback = await post(undefined, '/api/feedback', {
      kind: 'complaint',
      title: 'Hồ sơ chưa được giải quyết',
      content: 'Tôi muốn biết hồ sơ của tôi đang ở đâu.',
      communeCode: A,
      dossierCode: d.code,
      submitterName: 'Nguyễn Thị Ánh',
      submitterPhone: `09${String(Date.now()).slice(-8)}`,
    });
    expect(feedback.statusCode, feedback.body).toBe(201);
    const row = await database.db
      .selectFrom('feedbackItems')
      .select(['unitCode', 'dossierCode'])
      .where('code', '=', feedback.json().code)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unitCode: B, dossierCode: d.code });
  });
});

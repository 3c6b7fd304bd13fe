import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock, parseDossierCode } from '@mot-cua/core';
import { createDossiersRepository, type Database } from '@mot-cua/db';
import { insertDossierTestUnits } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import type { Signed } from '../../testing.js';
import { applicant, complete, dossierApiCalls, multipart, setUpDossierApi } from './dossier-api-test-helpers.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let A: string; // commune A (competent for most dossiers)
let B: string; // commune B, same province (another center)
let procedureCode: string;
const who: Record<string, Signed> = {};
const { post, get, receive } = dossierApiCalls(() => ({ app, A, procedureCode }));

beforeAll(async () => {
  ({ database, app, A, B, procedureCode } = await setUpDossierApi(clock, who));
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

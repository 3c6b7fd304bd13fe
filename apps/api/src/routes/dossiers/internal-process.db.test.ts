import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, createProcedureConfigRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// The refusals an outside tester got HTTP 200 for (issue 9), over HTTP on the database under test.
// The test procedure's process: 1 reception, 2 specialist, 3 leader (approval), 4 reception (return).
let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z');
let A: string;
let procedureCode: string;
/** Unit B runs a five-step process with a department head's step (see beforeAll). */
let B: string;
let procedureB: string;
const who: Record<string, Signed> = {};
const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];

const post = (s: Signed, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

async function receive(at: 'A' | 'B' = 'A'): Promise<DossierDetail> {
  const res = await post(at === 'A' ? who.reception! : who.receptionB!, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode: at === 'A' ? procedureCode : procedureB,
    receivingUnitCode: at === 'A' ? A : B,
    applicant: { fullName: 'Trần Văn Quy Trình', phone: '0909000111' },
    components: complete,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function multipart(files: Array<{ name: string; content: Buffer }>, fields: Record<string, string> = {}) {
  const b = '----process-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const u = await insertDossierTestUnits(database.db, 2);
  A = u.communeCodes[0]!;
  const other = await insertDossierTestUnits(database.db, 1);
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  who.reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  who.specialist = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  who.leader = await signIn(app, database, [{ role: 'leader', unitCode: A }]);
  who.otherSpecialist = await signIn(app, database, [{ role: 'specialist', unitCode: other.communeCodes[0]! }]);
  // Unit B: 1 reception, 2 specialist, 3 department head, 4 leader (approval), 5 reception (return).
  B = u.communeCodes[1]!;
  procedureB = (await loadDossierTestProcedure(database.db, { unitCode: B })).code;
  const half = { value: 0.5, unit: 'working_days' as const };
  const role = (r: 'reception' | 'specialist' | 'department_head' | 'leader') => ({ role: r });
  await createProcedureConfigRepository(database.db).putInternalProcess({
    unitCode: B,
    procedureCode: procedureB,
    steps: [
      { order: 1, name: 'Tiếp nhận', responsible: role('reception'), duration: half },
      { order: 2, name: 'Thẩm định', responsible: role('specialist'), duration: { value: 1, unit: 'working_days' } },
      { order: 3, name: 'Trưởng phòng xem xét', responsible: role('department_head'), duration: half },
      { order: 4, name: 'Phê duyệt', responsible: role('leader'), duration: half },
      { order: 5, name: 'Trả kết quả', responsible: role('reception'), duration: half },
    ],
    legalLimit: { value: 3, unit: 'working_days' },
    updatedBy: null,
  });
  who.receptionB = await signIn(app, database, [{ role: 'reception', unitCode: B }]);
  who.specialistB = await signIn(app, database, [{ role: 'specialist', unitCode: B }]);
  who.headB = await signIn(app, database, [{ role: 'department_head', unitCode: B }]);
  who.leaderB = await signIn(app, database, [{ role: 'leader', unitCode: B }]);
});
afterAll(async () => {
  await app.close();
});

describe('the internal process over HTTP', () => {
  it('no approval right after receipt, no result before approval, no return before a result', async () => {
    const d = await receive();
    const approve = await post(who.leader!, `/api/dossiers/${d.id}/approve`);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().code).toBe('NOT_APPROVAL_STEP');
    const pdf = multipart([{ name: 'kq.pdf', content: Buffer.from('%PDF-1.7\n%%EOF') }]);
    const result = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialist!.headers, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(result.statusCode).toBe(409);
    expect(result.json().code).toBe('NOT_APPROVED');
    const ret = await post(who.reception!, `/api/dossiers/${d.id}/return`, { method: 'counter' });
    expect(ret.statusCode).toBe(409);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}`,
      headers: { cookie: who.reception!.cookie },
    });
    expect((detail.json() as DossierDetail).timeline.map((t) => t.type)).toEqual(['received']);
    // The receipt's audit row was written in its transaction, with the request id; the refused attempts wrote none.
    // (reads of the dossier are audited too since issue 16; only the writes are counted here)
    const audit = (await createAuditRepository(database.db).listAudit('dossier', d.id)).filter(
      (a) => a.action !== 'dossier.read',
    );
    expect(audit.map((a) => a.action)).toEqual(['dossier.received']);
    expect(audit[0]!.requestId).toBeTruthy();
  });

  it('no skipping steps; a step is worked by its role; the next holder must be qualified', async () => {
    const d = await receive();
    const skip = await post(who.reception!, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1, toStep: 4 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('STEP_OUT_OF_ORDER');
    for (const toAssigneeId of [who.otherSpecialist!.userId, '6f1c7a0e-2b7d-4d4e-9f55-8c1f3e0a9b21']) {
      const bad = await post(who.reception!, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1, toAssigneeId });
      expect(bad.statusCode, bad.body).toBe(409);
      expect(bad.json().code).toBe('ASSIGNEE_NOT_QUALIFIED');
    }
    const handed = await post(who.reception!, `/api/dossiers/${d.id}/complete-step`, {
      fromStep: 1,
      toAssigneeId: who.specialist!.userId,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((handed.json() as DossierDetail).currentStep?.assigneeId).toBe(who.specialist!.userId);
    expect((await post(who.specialist!, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    // Step 3 is the leader's: the specialist neither takes it nor hands it on.
    const claim = await post(who.specialist!, `/api/dossiers/${d.id}/claim`, { stepOrder: 3 });
    expect(claim.statusCode).toBe(403); // FORBIDDEN: a leader's step takes the approval policy
    const onward = await post(who.specialist!, `/api/dossiers/${d.id}/complete-step`, { fromStep: 3 });
    expect(onward.statusCode).toBe(403);
    // Nor does the leader hand it on before approving.
    const early = await post(who.leader!, `/api/dossiers/${d.id}/complete-step`, { fromStep: 3 });
    expect(early.json().code).toBe('NOT_APPROVED');
    expect((await post(who.leader!, `/api/dossiers/${d.id}/approve`)).statusCode).toBe(200);
    // A result without files is refused; with one it is issued.
    const empty = multipart([], { note: 'không có tệp' });
    const none = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialist!.headers, ...empty.headers },
      payload: empty.payload,
    });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().code).toBe('RESULT_FILES_REQUIRED');
    const pdf = multipart([{ name: 'kq.pdf', content: Buffer.from('%PDF-1.7\n%%EOF') }]);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/result`,
      headers: { ...who.specialist!.headers, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as DossierDetail).status).toBe('result_ready');
    expect((ok.json() as DossierDetail).attachments.map((a) => a.fileName)).toEqual(['kq.pdf']);
  });

  it('a refused dossier takes no more files', async () => {
    const d = await receive();
    expect(
      (await post(who.specialist!, `/api/dossiers/${d.id}/refuse`, { reasons: ['Sai thẩm quyền'] })).statusCode,
    ).toBe(200);
    const pdf = multipart([{ name: 'them.pdf', content: Buffer.from('%PDF-1.7\n%%EOF') }], { componentKey: 'c01' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/attachments`,
      headers: { ...who.reception!.headers, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DOSSIER_CLOSED');
  });

  it("five steps: no skipping 1 → 5, the specialist neither claims nor completes the head's step", async () => {
    const d = await receive('B');
    const id = d.id;
    const log = async () =>
      (
        await database.db
          .selectFrom('dossierActions')
          .select('type')
          .where('dossierId', '=', id)
          .orderBy('seq')
          .execute()
      ).map((a) => a.type);
    for (const toStep of [5, 3]) {
      const skip = await post(who.receptionB!, `/api/dossiers/${id}/complete-step`, { fromStep: 1, toStep });
      expect(skip.statusCode, skip.body).toBe(409);
      expect(skip.json().code).toBe('STEP_OUT_OF_ORDER');
    }
    expect((await post(who.receptionB!, `/api/dossiers/${id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
    expect((await post(who.specialistB!, `/api/dossiers/${id}/claim`, { stepOrder: 2 })).statusCode).toBe(200);
    const two = await post(who.specialistB!, `/api/dossiers/${id}/complete-step`, { fromStep: 2, toStep: 4 });
    expect(two.json().code).toBe('STEP_OUT_OF_ORDER');
    expect((await post(who.specialistB!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    // Step 3 is the department head's: the specialist may neither take it nor hand it on.
    const before = await log();
    for (const [url, body] of [
      ['claim', { stepOrder: 3 }],
      ['complete-step', { fromStep: 3 }],
    ] as const) {
      const res = await post(who.specialistB!, `/api/dossiers/${id}/${url}`, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(403);
      expect(['FORBIDDEN', 'STEP_ROLE_MISMATCH']).toContain(res.json().code);
    }
    // Nor may the leader approve before the head's step is done.
    const early = await post(who.leaderB!, `/api/dossiers/${id}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('NOT_APPROVAL_STEP');
    expect(await log()).toEqual(before);
    // The head takes and hands on step 3; the leader approves at step 4 (handed on to 5 with the approval).
    expect((await post(who.headB!, `/api/dossiers/${id}/claim`, { stepOrder: 3 })).statusCode).toBe(200);
    expect((await post(who.headB!, `/api/dossiers/${id}/complete-step`, { fromStep: 3 })).statusCode).toBe(200);
    const approved = await post(who.leaderB!, `/api/dossiers/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as DossierDetail).currentStep?.order).toBe(5);
    expect(await log()).toEqual([...before, 'claimed', 'step_completed', 'approved', 'step_completed']);
  });

  it('a returned dossier takes no more writes: no files, no result, no action', async () => {
    const d = await receive();
    const id = d.id;
    expect((await post(who.reception!, `/api/dossiers/${id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
    expect((await post(who.specialist!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    expect((await post(who.leader!, `/api/dossiers/${id}/approve`)).statusCode).toBe(200);
    const pdf = multipart([{ name: 'kq.pdf', content: Buffer.from('%PDF-1.7\n%%EOF') }]);
    const upload = (s: Signed, path: 'result' | 'attachments', fields: Record<string, string> = {}) => {
      const body = multipart([{ name: `${path}.pdf`, content: Buffer.from('%PDF-1.7\n%%EOF') }], fields);
      return app.inject({
        method: 'POST',
        url: `/api/dossiers/${id}/${path}`,
        headers: { ...s.headers, ...body.headers },
        payload: body.payload,
      });
    };
    const issued = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/result`,
      headers: { ...who.specialist!.headers, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    // Once the result is issued no component file is added.
    const late = await upload(who.reception!, 'attachments', { componentKey: 'c01' });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().code).toBe('DOSSIER_CLOSED');
    expect((await post(who.reception!, `/api/dossiers/${id}/return`, { method: 'counter' })).statusCode).toBe(200);
    const files = async () =>
      (await database.db.selectFrom('dossierAttachments').select('fileName').where('dossierId', '=', id).execute())
        .map((a) => a.fileName)
        .sort();
    const seqOf = async () =>
      (await database.db.selectFrom('dossiers').select('lastActionSeq').where('id', '=', id).executeTakeFirstOrThrow())
        .lastActionSeq;
    const [filesBefore, seqBefore] = [await files(), await seqOf()];
    expect(filesBefore).toEqual(['kq.pdf']);
    const attach = await upload(who.reception!, 'attachments', { componentKey: 'c01' });
    expect(attach.statusCode, attach.body).toBe(409);
    expect(attach.json().code).toBe('DOSSIER_CLOSED');
    const result = await upload(who.specialist!, 'result');
    expect(result.statusCode, result.body).toBe(409);
    for (const [s, url, body] of [
      [who.specialist!, 'refuse', { reasons: ['Sau khi trả'] }],
      [who.reception!, 'return', { method: 'counter' }],
      [who.specialist!, 'claim', { stepOrder: 4 }],
      [who.specialist!, 'supplement-request', { items: [{ key: 'c01', state: 'missing' }] }],
    ] as const) {
      const res = await post(s, `/api/dossiers/${id}/${url}`, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(409);
      expect(res.json().code, url).toBe('DOSSIER_CLOSED');
    }
    expect(await files()).toEqual(filesBefore);
    expect(await seqOf()).toBe(seqBefore);
  });
});

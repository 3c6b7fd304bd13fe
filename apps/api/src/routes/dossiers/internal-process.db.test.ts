import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
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
const who: Record<string, Signed> = {};
const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];

const post = (s: Signed, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

async function receive(): Promise<DossierDetail> {
  const res = await post(who.reception!, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: A,
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
});

import type { CitizenDossierDetail } from '@mot-cua/contracts';
import type { EformView } from '@mot-cua/contracts/eforms';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { loadProceduresMasterData } from '@mot-cua/db/seed/procedures';
import { DEMO_CITIZENS, type IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import { EFORM_SAMPLES } from '@mot-cua/test-kit/eform-samples';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeDraftsOnce } from '../../citizen-drafts/draft-purge.js';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { signInCitizen, startTestIdentity, uniqueTestCitizen } from './oidc-test-helpers.js';

// The real birth registration of the shipped catalog (1.001193, commune level), which has an e-form.
const BIRTH = '1.001193';
// Citizens of this file only (fresh identification numbers): on a shared PostgreSQL database another file's
// dossiers, drafts or account of a demo citizen would otherwise show up here, depending on the order.
const HOA = uniqueTestCitizen(DEMO_CITIZENS[0]);
const KHOA = uniqueTestCitizen(DEMO_CITIZENS[1]);
const HOA_ID = HOA.idNumber;
const KHOA_ID = KHOA.idNumber;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
// The clock is today's: on a shared PostgreSQL database the catalog may have been loaded (valid from that day) before.
const clock = fixedClock(new Date());

let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let A: string;
let testProcedure: string;
let hoa: Signed;
let khoa: Signed;
let reception: Signed;

type Part = { field: string; name?: string; content: Buffer | string; type?: string };
function multipart(parts: Part[]) {
  const boundary = '----motcua-eform-boundary';
  const out: Buffer[] = [];
  for (const p of parts) {
    const head = p.name
      ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`
      : `Content-Disposition: form-data; name="${p.field}"`;
    out.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(out), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const post = (s: Signed, url: string, parts: Part[], lang?: string) => {
  const m = multipart(parts);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, ...m.headers, ...(lang ? { 'accept-language': lang } : {}) },
    payload: m.payload,
  });
};
const submit = (s: Signed, data: Record<string, unknown>, files: Part[] = [], lang?: string) =>
  post(s, '/api/citizen/dossiers', [{ field: 'data', content: JSON.stringify(data) }, ...files], lang);
const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
/** No draft: 200 with null (a 404 was a red console error on every form opened without one). */
const noDraft = async (s: Signed) => {
  const r = await get(s, `/api/citizen/drafts/${BIRTH}`);
  return r.statusCode === 200 && r.body === 'null';
};
const send = (s: Signed, method: 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s.headers, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

beforeAll(async () => {
  database = await createTestDb();
  await loadProceduresMasterData(database, () => {}, { asOf: '2025-07-01' });
  const t = await startTestIdentity(undefined, [HOA, KHOA]);
  sim = t.sim;
  ({ app } = await buildTestApp(database, { clock, identity: t.identity }));
  A = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
  testProcedure = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  hoa = await signInCitizen(app, HOA_ID);
  khoa = await signInCitizen(app, KHOA_ID);
  reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  // A draft left by an earlier run on a shared database.
  for (const s of [hoa, khoa]) await send(s, 'DELETE', `/api/citizen/drafts/${BIRTH}`);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('the e-form of an online submission', () => {
  let created: CitizenDossierDetail;

  it('is required for a procedure that has one: 422 naming each required field, Vietnamese first', async () => {
    const res = await submit(hoa, { procedureCode: BIRTH, receivingUnitCode: A });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('EFORM_INVALID');
    expect(body.detail).toMatch(/Tờ khai điện tử/);
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['eform.childFullName', 'eform.motherIdNumber', 'eform.declarantRelation']),
    );
    expect(fields).not.toContain('eform.fatherFullName');
    expect(body.errors.find((e: { field: string }) => e.field === 'eform.childFullName').message).toBe(
      'Họ, chữ đệm, tên: Trường này là bắt buộc.',
    );
  });

  it('refuses a wrong identification number and a future birth date, in English when asked', async () => {
    const values = { ...EFORM_SAMPLES[BIRTH], motherIdNumber: '0791', childBirthDate: '2999-01-01' };
    const res = await submit(hoa, { procedureCode: BIRTH, receivingUnitCode: A, eform: { values } }, [], 'en');
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as Array<{ field: string; message: string; messages: { vi: string } }>;
    expect(errors.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'eform.childBirthDate', message: 'Date of birth: The date cannot be after today.' },
      {
        field: 'eform.motherIdNumber',
        message: 'Mother: personal identification number: The personal identification number has exactly 12 digits.',
      },
    ]);
    expect(errors[0]?.messages.vi).toMatch(/^Ngày, tháng, năm sinh: /);
  });

  it('a procedure without an e-form refuses one, and goes through without it', async () => {
    const withForm = await submit(hoa, {
      procedureCode: testProcedure,
      receivingUnitCode: A,
      eform: { values: { x: '1' } },
    });
    expect(withForm.json().code).toBe('EFORM_NOT_EXPECTED');
    const plain = await submit(hoa, { procedureCode: testProcedure, receivingUnitCode: A });
    expect(plain.statusCode, plain.body).toBe(201);
    // No e-form: 200 with null (a 404 here was a red console error on every such dossier page).
    for (const [who, url] of [
      [hoa, `/api/citizen/dossiers/${plain.json().id}/eform`],
      [reception, `/api/dossiers/${plain.json().id}/eform`],
    ] as const) {
      const res = await get(who, url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toBeNull();
    }
  });

  it('valid: stored with the dossier, shown to the citizen and to the unit’s official, audited', async () => {
    const res = await submit(hoa, {
      procedureCode: BIRTH,
      receivingUnitCode: A,
      eform: { values: { ...EFORM_SAMPLES[BIRTH], childFullName: '  Trần Gia Bảo ' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    const mine: EformView = (await get(hoa, `/api/citizen/dossiers/${created.id}/eform`)).json();
    expect(mine.schemaId).toBe('khai-sinh');
    const rows = mine.sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.field === 'childFullName')?.value.vi).toBe('Trần Gia Bảo');
    expect(rows.find((r) => r.field === 'motherIdNumber')?.value.vi).toBe('001196012345');
    const official = await get(reception, `/api/dossiers/${created.id}/eform`);
    expect(official.statusCode).toBe(200);
    expect(official.json()).toEqual(mine);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', created.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['dossier.received', 'dossier.eform_recorded']));
  });

  it('prints the declaration as PDF with the e-form’s fields, for the citizen and the official', async () => {
    for (const [s, url] of [
      [hoa, `/api/citizen/dossiers/${created.id}/declaration`],
      [reception, `/api/dossiers/${created.id}/declaration`],
    ] as const) {
      const res = await get(s, url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text } = await pdfText(res.rawPayload);
      expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
      expect(text).toContain(created.code);
      expect(text).toContain('Trần Gia Bảo');
      expect(text).toContain('001196012345');
    }
  });

  it('another citizen cannot read it (404), nor an official of another unit (403)', async () => {
    expect((await get(khoa, `/api/citizen/dossiers/${created.id}/eform`)).statusCode).toBe(404);
    expect((await get(khoa, `/api/citizen/dossiers/${created.id}/declaration`)).statusCode).toBe(404);
    const B = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
    const other = await signIn(app, database, [{ role: 'reception', unitCode: B }]);
    expect((await get(other, `/api/dossiers/${created.id}/eform`)).statusCode).toBe(403);
  });
});

describe('drafts saved server-side', () => {
  let fileId: string;

  it('saves, lists and resumes a draft with an upload attached', async () => {
    const data = { receivingUnitCode: A, eform: { childFullName: 'Bé' } };
    const saved = await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ procedureCode: BIRTH, data, files: [] });
    expect(saved.json().procedureName).toMatch(/khai sinh/);
    const up = await post(hoa, `/api/citizen/drafts/${BIRTH}/files`, [
      { field: 'c04', name: 'giay-chung-sinh.pdf', content: PDF, type: 'application/pdf' },
    ]);
    expect(up.statusCode, up.body).toBe(200);
    fileId = up.json().files[0].id;
    expect(up.json().files).toEqual([
      expect.objectContaining({ componentKey: 'c04', fileName: 'giay-chung-sinh.pdf' }),
    ]);
    // Another device: a fresh sign-in of the same citizen finds it.
    const again = await signInCitizen(app, HOA_ID);
    const resumed = (await get(again, `/api/citizen/drafts/${BIRTH}`)).json();
    expect(resumed).toMatchObject({ data, files: [expect.objectContaining({ id: fileId })] });
    const list = (await get(again, '/api/citizen/drafts')).json();
    expect(list.items.map((d: { procedureCode: string }) => d.procedureCode)).toContain(BIRTH);
  });

  it('a second citizen cannot read, list, change or resume the first one’s draft', async () => {
    expect(await noDraft(khoa)).toBe(true);
    expect((await get(khoa, '/api/citizen/drafts')).json().items).toEqual([]);
    expect((await send(khoa, 'DELETE', `/api/citizen/drafts/${BIRTH}/files/${fileId}`)).statusCode).toBe(404);
    // Saving their own draft of the same procedure leaves the first one's untouched.
    await send(khoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'của Khoa' } });
    expect((await get(hoa, `/api/citizen/drafts/${BIRTH}`)).json().data).toMatchObject({ receivingUnitCode: A });
    expect((await send(khoa, 'DELETE', `/api/citizen/drafts/${BIRTH}`)).statusCode).toBe(204);
    expect((await get(hoa, `/api/citizen/drafts/${BIRTH}`)).statusCode).toBe(200);
  });

  it('refuses a spoofed upload, an unknown component and an official', async () => {
    const fake = await post(hoa, `/api/citizen/drafts/${BIRTH}/files`, [
      { field: 'c04', name: 'x.pdf', content: Buffer.from('MZ not a pdf'), type: 'application/pdf' },
    ]);
    expect(fake.statusCode).toBeGreaterThanOrEqual(400);
    expect(fake.statusCode).toBeLessThan(500);
    const unknown = await post(hoa, `/api/citizen/drafts/${BIRTH}/files`, [
      { field: '../c99', name: 'x.pdf', content: PDF, type: 'application/pdf' },
    ]);
    expect(unknown.json().code).toBe('UNKNOWN_COMPONENT');
    expect((await get(reception, '/api/citizen/drafts')).json().code).toBe('CITIZEN_ONLY');
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/citizen/drafts/${BIRTH}`,
          headers: { cookie: hoa.cookie },
          payload: { data: {} },
        })
      ).json().code,
    ).toBe('CSRF_TOKEN_INVALID');
  });

  it('on submission the draft’s uploads go with the dossier and the draft is deleted', async () => {
    const draftId: string = (await get(hoa, `/api/citizen/drafts/${BIRTH}`)).json().id;
    const res = await submit(hoa, {
      procedureCode: BIRTH,
      receivingUnitCode: A,
      eform: { values: EFORM_SAMPLES[BIRTH] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d: CitizenDossierDetail = res.json();
    expect(d.attachments).toEqual([expect.objectContaining({ componentKey: 'c04', fileName: 'giay-chung-sinh.pdf' })]);
    expect(d.components.find((c) => c.key === 'c04')?.state).toBe('present');
    expect(await noDraft(hoa)).toBe(true);
    // A save still in flight from another tab names the draft that was sent: refused, nothing brought back.
    const late = await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'muộn' }, draftId });
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.json()).toMatchObject({ code: 'DRAFT_ALREADY_SUBMITTED' });
    expect(late.json().detail).toMatch(/đã được gửi/);
    expect(await noDraft(hoa)).toBe(true);
    // A new draft of the same procedure (another child) starts without an id and gets a new one.
    const fresh = await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'bé thứ hai' } });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().id).not.toBe(draftId);
    const again = await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, {
      data: { note: 'bé thứ hai, sửa' },
      draftId: fresh.json().id,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await send(hoa, 'DELETE', `/api/citizen/drafts/${BIRTH}`)).statusCode).toBe(204);
  });

  it('expires 30 days after its last save: no longer shown, then deleted', async () => {
    await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'cũ' } });
    clock.advance(31 * 86_400_000);
    hoa = await signInCitizen(app, HOA_ID);
    expect(await noDraft(hoa)).toBe(true);
    expect((await get(hoa, '/api/citizen/drafts')).json().items).toEqual([]);
    const left = await database.db
      .selectFrom('citizenDrafts')
      .select('id')
      .where('userId', '=', hoa.userId)
      .where('procedureCode', '=', BIRTH)
      .execute();
    expect(left).toEqual([]);
  });
});

describe('the purge of drafts nobody saved for N days (the API process’s job)', () => {
  it('deletes stale drafts with their files and old submission marks, keeps fresh ones, one audit row', async () => {
    // Dated long ago so that the pass (cutoff 2000-01-16) touches this test's rows only on a shared database.
    const unique = Buffer.from(`%PDF-1.4\n% purge ${Date.now()} ${Math.random()}\ntrailer<<>>\n%%EOF\n`);
    khoa = await signInCitizen(app, KHOA_ID);
    await send(khoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'bỏ quên' } });
    const up = await post(khoa, `/api/citizen/drafts/${BIRTH}/files`, [
      { field: 'c04', name: 'bo-quen.pdf', content: unique, type: 'application/pdf' },
    ]);
    expect(up.statusCode, up.body).toBe(200);
    const stale = up.json().id as string;
    await database.db
      .updateTable('citizenDrafts')
      .set({ updatedAt: new Date('2000-01-01T00:00:00Z') })
      .where('id', '=', stale)
      .execute();
    const sha = (
      await database.db.selectFrom('citizenDraftFiles').select('sha256').where('draftId', '=', stale).execute()
    )[0]!.sha256;
    const mark = await database.db
      .selectFrom('citizenSubmittedDrafts')
      .select('draftId')
      .where('userId', '=', hoa.userId)
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('citizenSubmittedDrafts')
      .set({ submittedAt: new Date('2000-01-02T00:00:00Z') })
      .where('draftId', '=', mark.draftId)
      .execute();
    // Hòa's fresh draft stays.
    await send(hoa, 'PUT', `/api/citizen/drafts/${BIRTH}`, { data: { note: 'mới' } });

    const r = await purgeDraftsOnce(database, new Date('2000-02-15T00:00:00Z'), 30);
    expect(r).toMatchObject({ drafts: 1, files: 1, submittedMarks: 1 });
    expect(await noDraft(khoa)).toBe(true);
    expect((await get(hoa, `/api/citizen/drafts/${BIRTH}`)).statusCode).toBe(200);
    const left = await database.db.selectFrom('storedFiles').select('sha256').where('sha256', '=', sha).execute();
    expect(left).toEqual([]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['data'])
      .where('action', '=', 'citizen.drafts_purged')
      .where('entityId', '=', 'stale')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ drafts: 1, files: 1, submittedMarks: 1, afterDays: 30 });
    // Nothing left that old: a second pass removes nothing and writes no audit row.
    expect(await purgeDraftsOnce(database, new Date('2000-02-15T00:00:00Z'), 30)).toMatchObject({
      drafts: 0,
      submittedMarks: 0,
    });
    await send(hoa, 'DELETE', `/api/citizen/drafts/${BIRTH}`);
  });
});

import type { CitizenDossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { DEMO_CITIZENS, type IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { signInCitizen, startTestIdentity, uniqueTestCitizen } from './oidc-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let A: string;
let procedureCode: string;
let hoa: Awaited<ReturnType<typeof signInCitizen>>;
let khoa: Signed;
let reception: Signed;

// Citizens of this file only (fresh identification numbers): on a shared PostgreSQL database another file's
// dossiers, drafts or account of a demo citizen would otherwise show up here, depending on the order.
const HOA = uniqueTestCitizen(DEMO_CITIZENS[0]);
const KHOA = uniqueTestCitizen(DEMO_CITIZENS[1]);
const HOA_ID = HOA.idNumber;
const KHOA_ID = KHOA.idNumber;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

type Part = { field: string; name?: string; content: Buffer | string; type?: string };
function multipart(parts: Part[]) {
  const boundary = '----motcua-citizen-boundary';
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

const submit = (s: Signed, data: Record<string, unknown>, files: Part[]) => {
  const m = multipart([{ field: 'data', content: JSON.stringify(data) }, ...files]);
  return app.inject({
    method: 'POST',
    url: '/api/citizen/dossiers',
    headers: { ...s.headers, ...m.headers },
    payload: m.payload,
  });
};
const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

beforeAll(async () => {
  database = await createTestDb();
  const t = await startTestIdentity(undefined, [HOA, KHOA]);
  sim = t.sim;
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z'), identity: t.identity }));
  const u = await insertDossierTestUnits(database.db, 1);
  A = u.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  hoa = await signInCitizen(app, HOA_ID);
  khoa = await signInCitizen(app, KHOA_ID);
  reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe('citizen sign-in through OpenID Connect (local provider)', () => {
  it('opens a citizen session: cookie, CSRF token, the citizen role, the name from the claims', async () => {
    expect(hoa.callbackStatus).toBe(302);
    expect(hoa.location).toBe('/ho-so-cua-toi');
    const s = await get(hoa, '/api/auth/session');
    expect(s.json().user).toMatchObject({ fullName: 'Nguyễn Thị Hoa', grants: [{ role: 'citizen', unitCode: 'VN' }] });
    expect((await get(hoa, '/api/citizen/me')).json()).toMatchObject({ idNumber: HOA_ID, phone: '0912345678' });
  });

  it('a second sign-in reuses the account', async () => {
    const again = await signInCitizen(app, HOA_ID);
    expect(again.userId).toBe(hoa.userId);
  });

  it('a wrong password never reaches the API; a replayed or unknown state is refused', async () => {
    await expect(signInCitizen(app, HOA_ID, 'wrong')).rejects.toThrow(/provider stopped/);
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=forged' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/dang-nhap?error=OIDC_LOGIN_EXPIRED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a write without the CSRF token is refused; an official is not a citizen', async () => {
    const m = multipart([{ field: 'data', content: '{}' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/citizen/dossiers',
      headers: { cookie: hoa.cookie, ...m.headers },
      payload: m.payload,
    });
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await get(reception, '/api/citizen/dossiers')).json().code).toBe('CITIZEN_ONLY');
  });
});

describe('online submission, my dossiers, supplement answered online', () => {
  let created: CitizenDossierDetail;

  it('submits with two uploads: a registered online dossier with the code, prefilled applicant, files stored', async () => {
    const res = await submit(hoa, { procedureCode, receivingUnitCode: A, phone: '0912345678' }, [
      { field: 'c01', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' },
      { field: 'c02', name: 'giay-chung-sinh.png', content: PNG, type: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created.code).toMatch(/^[A-Z0-9.]+-\d{6}-\d{4,}$/);
    expect(created).toMatchObject({
      status: 'new',
      channel: 'online',
      relation: 'applicant',
      applicantName: 'Nguyễn Thị Hoa',
    });
    expect(created.intakeDueAt).not.toBeNull();
    expect(created.attachments.map((a) => [a.componentKey, a.mediaType])).toEqual(
      expect.arrayContaining([
        ['c01', 'application/pdf'],
        ['c02', 'image/png'],
      ]),
    );
    expect(created.components.find((c) => c.key === 'c03')?.state).toBe('missing');
  });

  it('it is in "Hồ sơ của tôi" and in the unit’s queue as a new online dossier', async () => {
    const mine = (await get(hoa, '/api/citizen/dossiers')).json();
    expect(mine.items.map((d: { code: string }) => d.code)).toContain(created.code);
    const queue = (await get(reception, `/api/dossiers?view=open&status=new&unitCode=${A}`)).json();
    expect(queue.items.find((d: { code: string }) => d.code === created.code)).toMatchObject({ channel: 'online' });
  });

  it('another citizen cannot see it: not in their list, 404 on the detail, the files and the slips', async () => {
    expect((await get(khoa, '/api/citizen/dossiers')).json().items).toEqual([]);
    for (const url of [
      `/api/citizen/dossiers/${created.id}`,
      `/api/citizen/dossiers/${created.id}/attachments/${created.attachments[0]!.id}`,
      `/api/citizen/dossiers/${created.id}/slips/receipt`,
    ]) {
      const r = await get(khoa, url);
      expect([r.statusCode, r.json().code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    }
    expect((await get(khoa, `/api/dossiers/${created.id}`)).json().code).toBe('FORBIDDEN');
  });

  it('the official asks for a supplement; the citizen sees what to do and answers online; it goes back to be checked', async () => {
    const rq = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${created.id}/supplement-request`,
      headers: reception.headers,
      // One complete, itemised request: the blurred photo and the component not sent (the counter's completeness
      // check would refuse to accept the dossier without it).
      payload: {
        items: [
          { key: 'c02', state: 'invalid', reason: 'Ảnh mờ' },
          { key: 'c03', state: 'missing', reason: 'Chưa nộp' },
        ],
      },
    });
    expect(rq.statusCode, rq.body).toBe(200);
    const view = (await get(hoa, `/api/citizen/dossiers/${created.id}`)).json() as CitizenDossierDetail;
    expect(view).toMatchObject({ status: 'supplement_requested', canAnswerSupplement: true, now: { mustAct: true } });
    expect(view.pendingSupplement.map((p) => p.key)).toEqual(['c02', 'c03']);

    const none = multipart([{ field: 'note', content: 'x' }]);
    const empty = await app.inject({
      method: 'POST',
      url: `/api/citizen/dossiers/${created.id}/supplement`,
      headers: { ...hoa.headers, ...none.headers },
      payload: none.payload,
    });
    expect(empty.json().code).toBe('SUPPLEMENT_FILES_MISSING');

    const m = multipart([
      { field: 'note', content: 'Gửi lại ảnh rõ' },
      { field: 'c02', name: 'giay-chung-sinh-ro.pdf', content: PDF, type: 'application/pdf' },
      { field: 'c03', name: 'giay-to-con-thieu.pdf', content: PDF, type: 'application/pdf' },
    ]);
    const byKhoa = await app.inject({
      method: 'POST',
      url: `/api/citizen/dossiers/${created.id}/supplement`,
      headers: { ...khoa.headers, ...m.headers },
      payload: m.payload,
    });
    expect(byKhoa.json().code).toBe('DOSSIER_NOT_FOUND');
    const ok = await app.inject({
      method: 'POST',
      url: `/api/citizen/dossiers/${created.id}/supplement`,
      headers: { ...hoa.headers, ...m.headers },
      payload: m.payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'new', canAnswerSupplement: false });
    expect(ok.json().timeline.map((t: { label: string }) => t.label).length).toBe(3);
    const accept = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${created.id}/accept`,
      headers: reception.headers,
      // Reception checks the answered components and ticks them (the completeness check is the server's).
      payload: { components: ['c01', 'c02', 'c03'].map((key) => ({ key, state: 'present' })) },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    const after = (await get(hoa, `/api/citizen/dossiers/${created.id}`)).json() as CitizenDossierDetail;
    expect(after.status).toBe('received');
    expect(after.dueAt).not.toBeNull();
    expect(after.slips).toContain('receipt');
    const slip = await get(hoa, `/api/citizen/dossiers/${created.id}/slips/receipt`);
    expect(slip.headers['content-type']).toBe('application/pdf');
  });

  it('submitting for someone else makes the citizen the authorised agent; both can see it', async () => {
    const res = await submit(
      khoa,
      {
        procedureCode,
        receivingUnitCode: A,
        applicant: { fullName: 'Nguyễn Thị Hoa', idNumber: HOA_ID },
        agentRelation: 'Anh trai',
      },
      [{ field: 'c01', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' }],
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().relation).toBe('agent');
    expect((await get(hoa, `/api/citizen/dossiers/${res.json().id}`)).json().relation).toBe('applicant');
  });
});

describe('upload fuzz: spoofed types, oversized, zero-byte, path-like names, unknown components', () => {
  const data = () => ({ procedureCode, receivingUnitCode: A });
  const cases: Array<[string, Part, number, string]> = [
    [
      'an HTML page named .pdf with a PDF type',
      { field: 'c01', name: 'x.pdf', content: '<html>hi</html>', type: 'application/pdf' },
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    [
      'an executable named .png',
      { field: 'c01', name: 'a.png', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00]), type: 'image/png' },
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    [
      'a zero-byte file',
      { field: 'c01', name: 'empty.pdf', content: Buffer.alloc(0), type: 'application/pdf' },
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    [
      'an oversized PDF (10 MB + 1)',
      {
        field: 'c01',
        name: 'big.pdf',
        content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
        type: 'application/pdf',
      },
      413,
      'ATTACHMENT_TOO_LARGE',
    ],
    [
      'a component the procedure does not have',
      { field: '../../etc', name: 'a.pdf', content: PDF, type: 'application/pdf' },
      400,
      'UNKNOWN_COMPONENT',
    ],
  ];
  for (const [name, part, status, code] of cases) {
    it(`${name} → ${status} ${code}, nothing stored`, async () => {
      const before = (await get(hoa, '/api/citizen/dossiers')).json().total;
      const res = await submit(hoa, data(), [part]);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
      expect((await get(hoa, '/api/citizen/dossiers')).json().total).toBe(before);
    });
  }

  it('a path-like file name is stored as its last segment, without control characters', async () => {
    const res = await submit(hoa, data(), [
      { field: 'c01', name: '..\\..\\windows\\sys\u0001tem.pdf', content: PDF, type: 'text/plain' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attachments[0].fileName).toBe('system.pdf');
  });

  it('bad JSON data and a missing procedure are clear 4xx problems', async () => {
    const m = multipart([{ field: 'data', content: '{not json' }]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/citizen/dossiers',
      headers: { ...hoa.headers, ...m.headers },
      payload: m.payload,
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const missing = await submit(hoa, { procedureCode: '9.999999', receivingUnitCode: A }, []);
    expect(missing.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });
});

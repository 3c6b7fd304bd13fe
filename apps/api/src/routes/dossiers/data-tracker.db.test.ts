import type { DossierAccessEntry } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../../testing.js';
import { signInCitizen, startTestIdentity } from '../citizens/oidc-test-helpers.js';

/**
 * "Who opened my dossier" (issue 16, after Estonia's Data Tracker): officials' reads of a dossier, its files and
 * slips are audited with the role and office that allowed them, and the applicant sees office, role and time —
 * on the public lookup (code + phone/ID) and in "Hồ sơ của tôi" — never the official's name.
 */
let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let unit: string;
let province: string;
let procedureCode: string;
let reception: Signed;
let supervisor: Signed;
let citizen: Signed;
const HOA_ID = '079190001234'; // a demo citizen of the local identity provider
const OFFICIAL_NAME = 'Phạm Cán Bộ Đọc';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const get = (s: Signed | null, url: string) =>
  app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });

function multipart(parts: { field: string; name?: string; content: Buffer | string }[]) {
  const boundary = '----motcua-tracker';
  const out: Buffer[] = [];
  for (const p of parts) {
    const head = p.name
      ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: application/pdf`
      : `Content-Disposition: form-data; name="${p.field}"`;
    out.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(out), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  database = await createTestDb();
  const t = await startTestIdentity();
  sim = t.sim;
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z'), identity: t.identity }));
  const u = await insertDossierTestUnits(database.db, 1);
  unit = u.communeCodes[0]!;
  province = u.provinceCode;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
  supervisor = await signIn(app, database, [{ role: 'supervisor', unitCode: province }]);
  await sql`update users set full_name = ${OFFICIAL_NAME} where id in (${reception.userId}, ${supervisor.userId})`.execute(
    database.db,
  );
  citizen = await signInCitizen(app, HOA_ID);
}, 600_000);
afterAll(async () => {
  await app.close();
  await sim.close();
});

const unitName = async (code: string) =>
  (
    await sql<{ name: string }>`select full_name as name from admin_units where code = ${code} limit 1`.execute(
      database.db,
    )
  ).rows[0]?.name;

describe('who opened my dossier', () => {
  it('officials’ reads (detail, file, slip) appear on the public lookup as office, role and time — no name', async () => {
    const received = await receiveAtCounter(app, reception, {
      procedureCode,
      unitCode: unit,
      applicant: { fullName: 'Lê Thị Người Nộp', phone: '0988777666', idNumber: '079190000088' },
    });
    expect(received.statusCode, received.body).toBe(201);
    const { id, code } = received.json() as { id: string; code: string };
    const lookup = () =>
      app.inject({ method: 'GET', url: `/api/dossiers/public/lookup?code=${code}&secondFactor=0988777666` });
    expect((await lookup()).json().accessLog).toEqual([]);

    const m = multipart([
      { field: 'componentKey', content: 'c01' },
      { field: 'file', name: 'to-khai.pdf', content: PDF },
    ]);
    const attached = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/attachments`,
      headers: { ...reception.headers, ...m.headers },
      payload: m.payload,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const attachmentId = attached.json().attachments[0].id as string;
    expect((await get(reception, `/api/dossiers/${id}`)).statusCode).toBe(200);
    expect((await get(reception, `/api/dossiers/${id}/attachments/${attachmentId}`)).statusCode).toBe(200);
    expect((await get(reception, `/api/dossiers/${id}/slips/receipt`)).statusCode).toBe(200);
    expect((await get(supervisor, `/api/dossiers/${id}`)).statusCode).toBe(200);

    const res = await lookup();
    expect(res.statusCode).toBe(200);
    const log = res.json().accessLog as DossierAccessEntry[];
    expect(log.map((e) => [e.purpose, e.role, e.officeCode])).toEqual([
      ['detail', 'supervisor', province],
      ['slip', 'reception', unit],
      ['attachment', 'reception', unit],
      ['detail', 'reception', unit],
    ]);
    expect(log[1]!.officeName).toBe(await unitName(unit));
    expect(log[0]!.officeName).toBe(await unitName(province));
    for (const e of log) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    // Office and role only: no official's name, username or address in the answer.
    expect(res.body).not.toContain(OFFICIAL_NAME);
    expect(res.body).not.toContain(reception.userId);
    expect(res.body).not.toContain('127.0.0.1');
    // The lookup itself is not an official's read, and a wrong second factor shows nothing.
    expect((await lookup()).json().accessLog).toHaveLength(4);
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/dossiers/public/lookup?code=${code}&secondFactor=0900000000`,
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('the citizen sees the same in "Hồ sơ của tôi"', async () => {
    const m = multipart([
      { field: 'data', content: JSON.stringify({ procedureCode, receivingUnitCode: unit, phone: '0912345678' }) },
      { field: 'c01', name: 'to-khai.pdf', content: PDF },
    ]);
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/citizen/dossiers',
      headers: { ...citizen.headers, ...m.headers },
      payload: m.payload,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id } = submitted.json() as { id: string };
    expect(submitted.json().accessLog).toEqual([]);
    // The citizen's own reads are not listed.
    expect((await get(citizen, `/api/citizen/dossiers/${id}`)).json().accessLog).toEqual([]);
    expect((await get(reception, `/api/dossiers/${id}`)).statusCode).toBe(200);
    const mine = await get(citizen, `/api/citizen/dossiers/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().accessLog).toEqual([
      expect.objectContaining({
        purpose: 'detail',
        role: 'reception',
        officeCode: unit,
        officeName: await unitName(unit),
      }),
    ]);
    expect(mine.body).not.toContain(OFFICIAL_NAME);
  });
});

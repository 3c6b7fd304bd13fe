import type { CitizenDossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { signInCitizen, startTestIdentity } from './oidc-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let A: string;
let procedureCode: string;
let hoa: Signed;
const who: Record<string, Signed> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(parts: Array<{ field: string; name?: string; content: Buffer | string; type?: string }>) {
  const boundary = '----motcua-rating-boundary';
  const out: Buffer[] = [];
  for (const p of parts) {
    const head = p.name
      ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: ${p.type}`
      : `Content-Disposition: form-data; name="${p.field}"`;
    out.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(out), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const post = (s: Signed, url: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload });
const detail = async (s: Signed, id: string) =>
  (await app.inject({ method: 'GET', url: `/api/citizen/dossiers/${id}`, headers: { cookie: s.cookie } })).json();

beforeAll(async () => {
  database = await createTestDb();
  const t = await startTestIdentity();
  sim = t.sim;
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z'), identity: t.identity }));
  A = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  // The third demo citizen: the other two sign in from other test files at the same time on a shared database.
  hoa = await signInCitizen(app, '001085009876');
  who.reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  who.head = await signIn(app, database, [{ role: 'department_head', unitCode: A }]);
  who.specialist = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  who.leader = await signIn(app, database, [{ role: 'leader', unitCode: A }]);
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe('the citizen rates the service from "Hồ sơ của tôi"', () => {
  it('only once the result is returned, once, and only their own dossier', async () => {
    const m = multipart([
      { field: 'data', content: JSON.stringify({ procedureCode, receivingUnitCode: A, phone: '0912000111' }) },
      ...['c01', 'c02', 'c03'].map((k) => ({ field: k, name: `${k}.pdf`, content: PDF, type: 'application/pdf' })),
    ]);
    const sent = await app.inject({
      method: 'POST',
      url: '/api/citizen/dossiers',
      headers: { ...hoa.headers, ...m.headers },
      payload: m.payload,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = (sent.json() as CitizenDossierDetail).id;
    expect((await detail(hoa, id)).rating).toEqual({ canRate: false, level: null });

    // Too early: the dossier is still being processed.
    const early = await post(hoa, `/api/citizen/dossiers/${id}/rate`, { level: 5 });
    expect(early.statusCode).toBe(409);

    const components = ['c01', 'c02', 'c03'].map((key) => ({ key, state: 'present' }));
    const steps: Array<[Signed, string, object?]> = [
      [who.reception!, 'accept', { components }],
      [who.reception!, 'claim', { stepOrder: 1 }],
      [who.reception!, 'complete-step', { fromStep: 1 }],
      [who.head!, 'assign', { stepOrder: 2, assigneeId: who.specialist!.userId }],
      [who.specialist!, 'complete-step', { fromStep: 2 }],
      [who.leader!, 'approve', {}],
    ];
    for (const [s, action, body] of steps) {
      const r = await post(s, `/api/dossiers/${id}/${action}`, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    }
    const result = multipart([{ field: 'file', name: 'ket-qua.pdf', content: PDF, type: 'application/pdf' }]);
    const issued = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/result`,
      headers: { ...who.specialist!.headers, ...result.headers },
      payload: result.payload,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await post(who.reception!, `/api/dossiers/${id}/return`, { method: 'online' })).statusCode).toBe(200);
    expect((await detail(hoa, id)).rating).toEqual({ canRate: true, level: null });

    // An official is not a citizen (the citizen routes are theirs only); a level out of 1–5 is a clear 400.
    const official = await post(who.reception!, `/api/citizen/dossiers/${id}/rate`, { level: 1 });
    expect([official.statusCode, official.json().code]).toEqual([403, 'CITIZEN_ONLY']);
    const bad = await post(hoa, `/api/citizen/dossiers/${id}/rate`, { level: 9 });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const noCsrf = await app.inject({
      method: 'POST',
      url: `/api/citizen/dossiers/${id}/rate`,
      headers: { cookie: hoa.cookie },
      payload: { level: 4 },
    });
    expect(noCsrf.statusCode).toBe(403);

    const rated = await post(hoa, `/api/citizen/dossiers/${id}/rate`, {
      level: 4,
      criteria: { totalTime: 4, agencyTime: 5 },
      comment: 'Cán bộ hướng dẫn tận tình',
    });
    expect(rated.statusCode, rated.body).toBe(204);
    expect((await detail(hoa, id)).rating).toEqual({ canRate: false, level: 4 });
    const again = await post(hoa, `/api/citizen/dossiers/${id}/rate`, { level: 1 });
    expect(again.statusCode).toBe(409);

    // Recorded as the citizen's own action, audited in the same transaction.
    const audit = await createAuditRepository(database.db).listAudit('dossier', id);
    expect(audit.filter((a) => a.action === 'dossier.rated')).toHaveLength(1);
  });
});

import type { DossierDetail } from '@mot-cua/contracts';
import type { Clock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

/* What the dossier API tests share (dossiers.db.test.ts, dossier-api-access.db.test.ts): a province with three
   communes, the test procedure in commune A, officials of each role signed in, and the requests they send. */

export const applicant = { fullName: 'Nguyễn Thị Ánh', idNumber: '079190000001', phone: '0909123456' };
export const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];

/** A multipart body of files (parts named `file`) and fields. */
export function multipart(
  files: Array<{ name: string; content: Buffer; type: string }>,
  fields: Record<string, string> = {},
) {
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

/** POST and GET as a signed-in official (or anonymous), and a counter receipt in commune A that must answer 201. */
export function dossierApiCalls(world: () => { app: FastifyInstance; A: string; procedureCode: string }) {
  const post = (s: Signed | undefined, url: string, payload?: unknown) =>
    world().app.inject({ method: 'POST', url, ...(s ? { headers: s.headers } : {}), payload: payload ?? {} });
  const get = (s: Signed | undefined, url: string) =>
    world().app.inject({ method: 'GET', url, ...(s ? { headers: { cookie: s.cookie } } : {}) });
  async function receive(s: Signed, body: Record<string, unknown>): Promise<DossierDetail> {
    const res = await post(s, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode: world().procedureCode,
      receivingUnitCode: world().A,
      applicant,
      components: complete,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  return { post, get, receive };
}

/** The test database and app at `clock`, three communes A, B, C of one province, and `who` signed in. */
export async function setUpDossierApi(clock: Clock, who: Record<string, Signed>) {
  const database: Database = await createTestDb();
  const { app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } });
  const u = await insertDossierTestUnits(database.db, 3);
  const province = u.provinceCode;
  const [A, B, C] = u.communeCodes as [string, string, string];
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
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
  return { database, app, province, A, B, C, procedureCode };
}

import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let reception: Signed;
let unit: string;
let procedureCode: string;
const applicant = {
  fullName: 'Nguyễn Thị Ánh',
  idNumber: '079190000001',
  phone: '0909123456',
  address: '12 Hàng Bạc, Hoàn Kiếm',
};

async function receive(): Promise<DossierDetail> {
  const res = await receiveAtCounter(app, reception, { procedureCode, unitCode: unit, applicant });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const lookup = (code: string, secondFactor: string, ip: string, path = 'lookup') =>
  app.inject({
    method: 'GET',
    url: `/api/dossiers/public/${path}?code=${encodeURIComponent(code)}&secondFactor=${secondFactor}`,
    headers: { 'x-forwarded-for': ip },
  });

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, {
    clock: fixedClock('2026-03-02T02:00:00Z'),
    env: { TRUST_PROXY: '127.0.0.1', LOOKUP_FAILURES_PER_CODE: '3' },
  }));
  const u = await insertDossierTestUnits(database.db, 1);
  unit = u.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
});
afterAll(async () => {
  await app.close();
});

describe('public lookups and slips (issue 16)', () => {
  it('the public receipt slip masks the applicant’s name, numbers and address', async () => {
    const d = await receive();
    const res = await lookup(d.code, applicant.idNumber, '198.51.100.1', 'slips/receipt');
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain(d.code);
    expect(text).toContain('N. T. Ánh');
    expect(text).toContain('*********001');
    expect(text).not.toMatch(/Nguyễn Thị Ánh|079190000001|0909123456|Hàng Bạc/);
    // The official's copy is complete.
    const full = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/slips/receipt`,
      headers: reception.headers,
    });
    expect((await pdfText(full.rawPayload)).text.replace(/\s+/g, ' ')).toContain('Nguyễn Thị Ánh');
  });

  it('every public look at a dossier leaves an audit row with its purpose and address', async () => {
    const d = await receive();
    expect((await lookup(d.code, applicant.phone, '198.51.100.2')).statusCode).toBe(200);
    const rows = await createAuditRepository(database.db).listAudit('dossier', d.id);
    const looks = rows.filter((r) => r.action === 'dossier.public_lookup');
    expect(looks.map((r) => r.data)).toEqual([{ ip: '198.51.100.2', purpose: 'lookup' }]);
  });

  it('wrong second factors from many addresses lock the code; the lockout is audited', async () => {
    const d = await receive();
    for (let i = 0; i < 3; i++) {
      expect((await lookup(d.code, `09000000${10 + i}`, `203.0.113.${i}`)).statusCode).toBe(404);
    }
    const locked = await lookup(d.code, applicant.phone, '203.0.113.50');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    const slip = await lookup(d.code, applicant.phone, '203.0.113.51', 'slips/receipt');
    expect(slip.statusCode).toBe(429);
    const r = await sql<{ entityId: string }>`
      select entity_id from audit_events where action = 'dossier.public_lookup_lockout'`.execute(database.db);
    expect(r.rows.map((x) => x.entityId)).toContain(d.code);
    // Another dossier's code still answers.
    const other = await receive();
    expect((await lookup(other.code, applicant.phone, '203.0.113.52')).statusCode).toBe(200);
  });

  it('an official’s reads of the dossier and its slips are audited with their grants', async () => {
    const d = await receive();
    expect((await app.inject({ url: `/api/dossiers/${d.id}`, headers: reception.headers })).statusCode).toBe(200);
    const slip = await app.inject({ url: `/api/dossiers/${d.id}/slips/receipt`, headers: reception.headers });
    expect(slip.statusCode).toBe(200);
    const reads = (await createAuditRepository(database.db).listAudit('dossier', d.id)).filter(
      (r) => r.action === 'dossier.read',
    );
    expect(reads.map((r) => [r.actorUserId, (r.data as { purpose: string }).purpose])).toEqual([
      [reception.userId, 'detail'],
      [reception.userId, 'slip:receipt'],
    ]);
    expect((reads[0]!.data as { grants: string[] }).grants).toEqual([`reception@${unit}`]);
  });
});

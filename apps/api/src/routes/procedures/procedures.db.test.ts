import { randomInt } from 'node:crypto';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { createAuditRepository, type Database, loadProcedureCatalog } from '@mot-cua/db';
import { createTestDb, testCatalogProcedure, testUnit, uniqueSuffix } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
const agency = `test-${uniqueSuffix()}`;
const base = randomInt(100_000, 999_000);
const codes = [0, 1, 2].map((i) => `8.${String(base + i).padStart(6, '0')}`);

const record = (i: number, over: Partial<CatalogProcedure> = {}): CatalogProcedure =>
  testCatalogProcedure({ code: codes[i]!, name: `Thủ tục thử API số ${i}`, agency, ...over });

const load = (records: CatalogProcedure[], asOf: string) =>
  database.db
    .transaction()
    .execute((trx) => loadProcedureCatalog(trx, records, { checksum: `test-${uniqueSuffix()}`, asOf }));

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database));
  await load([record(0), record(1), record(2)], '2026-01-05');
  // a new decision changes procedure 0; procedure 2 leaves the catalog
  await load(
    [record(0, { decisionNumber: '2/QĐ-TEST', timeLimit: { value: 2, unit: 'working_days' } }), record(1)],
    '2026-02-01',
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('public catalog reads', () => {
  it('lists and filters without a session', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/procedures?agency=${agency}&level=commune` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 2,
      items: [
        { code: codes[0], version: 2, timeLimit: { value: 2, unit: 'working_days' } },
        { code: codes[1], version: 1 },
      ],
    });
    const q = await app.inject({
      method: 'GET',
      url: `/api/procedures?agency=${agency}&q=${encodeURIComponent('thu tuc thu api so 1')}`,
    });
    expect(q.json().items.map((i: { code: string }) => i.code)).toEqual([codes[1]]);
    const bad = await app.inject({ method: 'GET', url: '/api/procedures?level=district' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('gets a procedure with all fields and its history; versions by id', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/procedures/${codes[0]}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.procedure).toMatchObject({ code: codes[0], decisionNumber: '2/QĐ-TEST', steps: ['Nộp hồ sơ'] });
    expect(body.history.map((h: { version: number; validTo: string | null }) => [h.version, h.validTo])).toEqual([
      [2, null],
      [1, '2026-01-31'],
    ]);
    const old = await app.inject({ method: 'GET', url: `/api/procedures/versions/${body.history[1].id}` });
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ version: { version: 1 }, procedure: { timeLimit: { value: 3 } } });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/procedures/versions/00000000-0000-0000-0000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PROCEDURE_VERSION_NOT_FOUND');
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const nf = await app.inject({ method: 'GET', url: '/api/procedures/8.000000-ZZ' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('PROCEDURE_NOT_FOUND');
    const bad = await app.inject({ method: 'GET', url: '/api/procedures/khai-sinh' });
    expect(bad.statusCode).toBe(400);
  });

  it('serves the facets', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/procedures/facets' });
    expect(res.statusCode).toBe(200);
    expect(res.json().agencies).toContainEqual({ agency, agencyName: 'Bộ Thử', count: 2 });
  });
});

describe('unit configuration', () => {
  it('needs a session, the role and the jurisdiction; records an audit event', async () => {
    const { unitCode } = testUnit();
    const url = `/api/procedures/units/${unitCode}/procedures/${codes[1]}/config`;
    const payload = { enabled: true, localFeeVnd: 8000, localFeeNote: 'Nghị quyết HĐND tỉnh' };

    const anon = await app.inject({ method: 'PUT', url, payload });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('UNAUTHENTICATED');

    const specialist = await signIn(app, database, [{ role: 'specialist', unitCode }]);
    const forbidden = await app.inject({ method: 'PUT', url, payload, headers: specialist.headers });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');

    const elsewhere = await signIn(app, database, [{ role: 'center_director', unitCode: testUnit().unitCode }]);
    const out = await app.inject({ method: 'PUT', url, payload, headers: elsewhere.headers });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('OUT_OF_JURISDICTION');

    const director = await signIn(app, database, [{ role: 'center_director', unitCode }]);
    const ok = await app.inject({ method: 'PUT', url, payload, headers: director.headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ unitCode, procedureCode: codes[1], enabled: true, localFeeVnd: 8000 });
    const audit = await createAuditRepository(database.db).listAudit(
      'procedure_unit_config',
      `${unitCode}:${codes[1]}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'procedure.configure', actorUserId: director.userId, unitCode });

    const list = await app.inject({ method: 'GET', url: `/api/procedures?agency=${agency}&unit=${unitCode}` });
    // codes[0] has no configuration: a commune receives its commune-level procedures by default
    expect(list.json().items.map((i: { code: string; enabled: boolean }) => [i.code, i.enabled])).toEqual([
      [codes[0], true],
      [codes[1], true],
    ]);
    const off = await app.inject({
      method: 'PUT',
      url: `/api/procedures/units/${unitCode}/procedures/${codes[0]}/config`,
      payload: { enabled: false, localFeeVnd: null, localFeeNote: null },
      headers: director.headers,
    });
    expect(off.statusCode).toBe(200);
    const enabledOnly = await app.inject({
      method: 'GET',
      url: `/api/procedures?agency=${agency}&unit=${unitCode}&enabledOnly=true`,
    });
    expect(enabledOnly.json().items.map((i: { code: string }) => i.code)).toEqual([codes[1]]);
    const own = await app.inject({ method: 'GET', url: `/api/procedures/units/${unitCode}/configs` });
    expect(own.json().items).toHaveLength(2);
  });

  it('bulk-enables, refuses unknown codes (404) and withdrawn procedures (409)', async () => {
    const { unitCode } = testUnit();
    const director = await signIn(app, database, [{ role: 'center_director', unitCode }]);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/procedures/units/${unitCode}/enable`,
      payload: { procedureCodes: [codes[0], codes[1]], enabled: true },
      headers: director.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().updated).toBe(2);
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/procedures/units/${unitCode}/enable`,
      payload: { procedureCodes: ['8.000000-ZZ'], enabled: true },
      headers: director.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PROCEDURE_NOT_FOUND');
    const withdrawn = await app.inject({
      method: 'PUT',
      url: `/api/procedures/units/${unitCode}/procedures/${codes[2]}/config`,
      payload: { enabled: true },
      headers: director.headers,
    });
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().code).toBe('PROCEDURE_WITHDRAWN');
  });
});

describe('internal process', () => {
  it('returns the default split, validates the sum against the legal limit, saves, and removes', async () => {
    const { unitCode } = testUnit();
    const url = `/api/procedures/units/${unitCode}/procedures/${codes[0]}/internal-process`;
    const def = await app.inject({ method: 'GET', url });
    expect(def.statusCode).toBe(200);
    expect(def.json()).toMatchObject({ source: 'default', legalLimit: { value: 2, unit: 'working_days' } });

    const admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
    const step = (order: number, value: number) => ({
      order,
      name: `Bước ${order}`,
      responsible: { departmentKind: 'office', role: 'specialist' },
      duration: { value, unit: 'working_days' },
    });
    const wrong = await app.inject({
      method: 'PUT',
      url,
      payload: { steps: [step(1, 0.5), step(2, 1)] },
      headers: admin.headers,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('INTERNAL_PROCESS_INVALID');

    const ok = await app.inject({
      method: 'PUT',
      url,
      payload: { steps: [step(1, 0.5), step(2, 1.5)] },
      headers: admin.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ source: 'unit', steps: [{ order: 1 }, { order: 2 }] });
    expect((await app.inject({ method: 'GET', url })).json().source).toBe('unit');

    const del = await app.inject({ method: 'DELETE', url, headers: admin.headers });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url })).json().source).toBe('default');

    const nf = await app.inject({
      method: 'PUT',
      url: `/api/procedures/units/${unitCode}/procedures/8.000000-ZZ/internal-process`,
      payload: { steps: [step(1, 1)] },
      headers: admin.headers,
    });
    expect(nf.statusCode).toBe(404);
  });
});

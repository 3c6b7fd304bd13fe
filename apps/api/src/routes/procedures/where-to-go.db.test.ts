import type { ProcedureDetail, WhereToGo } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import {
  createOrganisationRepository,
  createProcedureConfigRepository,
  type Database,
  DEMO_CENTER_PLACES,
  placeDemoCenters,
} from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z');
let P: string;
let A: string;
let B: string;
let C: string;
let code: string;

const where = async (unit: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/procedures/${code}/where-to-go?unit=${unit}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WhereToGo;
};

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  const u = await insertDossierTestUnits(database.db, 3);
  P = u.provinceCode;
  [A, B, C] = u.communeCodes as [string, string, string];
  code = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  const org = createOrganisationRepository(database.db);
  await org.createServiceCenter({
    unitCode: A,
    name: 'Trung tâm Phục vụ hành chính công Phường Thử 1',
    isMain: true,
    address: '45 Lê Thánh Tôn, Phường Thử 1',
    validFrom: '2025-07-01',
  });
  await org.createServiceCenter({
    unitCode: C,
    name: 'Trung tâm PVHCC Phường Thử 3',
    isMain: true,
    validFrom: '2025-07-01',
  });
  await org.createServiceCenter({
    unitCode: P,
    name: 'Trung tâm PVHCC Tỉnh Thử',
    isMain: true,
    validFrom: '2025-07-01',
  });
  // Commune B does not receive the procedure (disabled by its administrator).
  await createProcedureConfigRepository(database.db).putUnitConfig({
    unitCode: B,
    procedureCode: code,
    enabled: false,
    localFeeVnd: null,
    localFeeNote: null,
    updatedBy: null,
  });
});
afterAll(async () => {
  await app.close();
});

describe('where to go for a procedure (issue 11)', () => {
  it('a commune that receives it: its own center, address and office hours', async () => {
    const w = await where(A);
    expect(w).toMatchObject({
      receivesHere: true,
      unit: { code: A, name: 'Phường Thử 1' },
      place: {
        unitCode: A,
        centerName: 'Trung tâm Phục vụ hành chính công Phường Thử 1',
        address: '45 Lê Thánh Tôn, Phường Thử 1',
      },
    });
    expect(w.place.officeHours.length).toBeGreaterThan(0);
    for (const h of w.place.officeHours) expect(h.start < h.end).toBe(true);
  });

  it('a commune that does not: the province’s center (no address recorded is said, not invented)', async () => {
    const w = await where(B);
    expect(w).toMatchObject({
      receivesHere: false,
      unit: { code: B },
      place: { unitCode: P, centerName: 'Trung tâm PVHCC Tỉnh Thử', address: null },
    });
  });

  it('the demo seed places centers without an address, marked as demonstration data; an administrator’s address wins', async () => {
    expect(DEMO_CENTER_PLACES.map((p) => p.unitCode)).toEqual(['26743', '00070']);
    const places = [
      { unitCode: A, address: 'Trụ sở demo A', position: { latitude: 10.77, longitude: 106.69 } },
      {
        unitCode: C,
        address: 'Trụ sở Ủy ban nhân dân Phường Thử 3',
        position: { latitude: 10.7713, longitude: 106.694 },
      },
    ];
    // A has its own address: untouched. C gets the demo place; a second run changes nothing.
    expect(await placeDemoCenters(database, places)).toBe(1);
    expect(await placeDemoCenters(database, places)).toBe(0);
    const a = await where(A);
    expect(a.place).toMatchObject({ address: '45 Lê Thánh Tôn, Phường Thử 1', position: null, demoData: false });
    const c = await where(C);
    expect(c.place).toMatchObject({
      address: 'Trụ sở Ủy ban nhân dân Phường Thử 3',
      position: { latitude: 10.7713, longitude: 106.694 },
      demoData: true,
    });
    expect(c.place.officeHours.length).toBeGreaterThan(0);
    // The administrator records the real address: no longer demonstration data, the approximate position goes.
    const org = createOrganisationRepository(database.db);
    const [center] = await org.listServiceCenters(C, '2026-03-02');
    await org.updateServiceCenter(center!.id, { address: '12 Đường Thử, Phường Thử 3' });
    expect((await where(C)).place).toMatchObject({
      address: '12 Đường Thử, Phường Thử 3',
      position: null,
      demoData: false,
    });
  });

  it('an unknown unit or procedure is a 404', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/procedures/${code}/where-to-go?unit=ZZ999` });
    expect(r.statusCode).toBe(404);
    const p = await app.inject({ method: 'GET', url: `/api/procedures/9.999999/where-to-go?unit=${A}` });
    expect(p.statusCode).toBe(404);
  });

  it('version validity: the decision’s date when the record states it, else null (never the load date)', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/procedures/${code}` });
    expect(r.statusCode, r.body).toBe(200);
    const d: ProcedureDetail = r.json();
    expect(d.version.decisionDate).toBeNull();
    expect(d.history.every((h) => h.decisionDate === null)).toBe(true);
  });
});

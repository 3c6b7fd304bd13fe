import {
  createAdminUnitsRepository,
  createOfficialsRepository,
  type Database,
  loadAdminUnitsMasterData,
  withStartupLock,
} from '@mot-cua/db';
import { createTestDb, newOfficial, testUnit } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let admin: Signed;
beforeAll(async () => {
  database = await createTestDb();
  await withStartupLock(database, () => loadAdminUnitsMasterData(database, () => {}));
  ({ app } = await buildTestApp(database));
  admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
});
afterAll(async () => {
  await app?.close();
});

/** A fake province with three communes, so writes never touch the real units other tests read. */
async function fakeProvince() {
  const t = testUnit();
  const codes = [t.unitCode, `${t.unitCode}Z`, `${t.unitCode}Y`];
  await createAdminUnitsRepository(database.db).insertVersions([
    {
      code: t.provinceCode,
      level: 'province',
      type: 'province',
      name: 'Thử',
      fullName: 'Tỉnh Thử',
      provinceCode: t.provinceCode,
      districtCode: null,
      validFrom: '2025-07-01',
      validTo: null,
    },
    ...codes.map((code, i) => ({
      code,
      level: 'commune' as const,
      type: 'commune' as const,
      name: `Thử ${i + 1}`,
      fullName: `Xã Thử ${i + 1}`,
      provinceCode: t.provinceCode,
      districtCode: null,
      validFrom: '2025-07-01',
      validTo: null,
    })),
  ]);
  return { province: t.provinceCode, a: codes[0]!, b: codes[1]!, c: codes[2]! };
}

describe('units over time (public)', () => {
  it('returns a unit as of a date, and 404 with a stable code', async () => {
    const ok = await app.inject({ url: '/api/admin-units/units/75?onDate=2026-05-01' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: 'Thành phố Đồng Nai', type: 'city' });
    const missing = await app.inject({ url: '/api/admin-units/units/99999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ADMIN_UNIT_NOT_FOUND');
    const bad = await app.inject({ url: '/api/admin-units/units/79?onDate=yesterday' });
    expect(bad.statusCode).toBe(400);
  });

  it('lists provinces and children as of a date, and lineage', async () => {
    expect((await app.inject({ url: '/api/admin-units/units?onDate=2025-06-30' })).json().items).toHaveLength(63);
    expect(
      (await app.inject({ url: '/api/admin-units/units/79/children?onDate=2025-07-01' })).json().items,
    ).toHaveLength(168);
    const l = (await app.inject({ url: '/api/admin-units/units/00004/lineage?onDate=2026-01-01' })).json();
    expect(l.predecessors.map((p: { fromName: string }) => p.fromName)).toContain('Phường Quán Thánh');
  });

  it('searches and converts', async () => {
    const s = await app.inject({ url: '/api/admin-units/search?q=ben%20thanh%20hcm' });
    expect(s.json().items[0]).toMatchObject({ unit: { code: '26743' }, provinceName: 'Thành phố Hồ Chí Minh' });
    const c = await app.inject({
      method: 'POST',
      url: '/api/admin-units/convert',
      payload: { address: 'P. Quán Thánh, Q. Ba Đình, Hà Nội', onDate: '2026-01-01' },
    });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'converted', candidates: [{ newUnit: { code: '00004' } }] });
    const both = await app.inject({
      method: 'POST',
      url: '/api/admin-units/convert',
      payload: { address: 'x', oldCode: '00013' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('VALIDATION_FAILED');
  });

  it('searches by code and by old code alias, noting the alias', async () => {
    const own = (await app.inject({ url: '/api/admin-units/search?q=26743&onDate=2026-01-01' })).json();
    expect(own.items[0]).toMatchObject({ unit: { code: '26743', fullName: 'Phường Bến Thành' }, alias: null });
    const aliased = (await app.inject({ url: '/api/admin-units/search?q=06970&onDate=2026-01-01' })).json();
    expect(aliased.items[0]).toMatchObject({
      unit: { code: '06978', fullName: 'Xã Ba Chẽ' },
      provinceName: 'Tỉnh Quảng Ninh',
      alias: { code: '06970', note: expect.stringContaining('06978') },
    });
  });

  it('warns when the named district has no such commune, and keeps the street as written', async () => {
    const convert = async (address: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/admin-units/convert',
          payload: { address, onDate: '2026-01-01' },
        })
      ).json();
    const wrong = await convert('Xã Tân Phú, Huyện Thạnh Phú, Tỉnh Bến Tre');
    expect(wrong).toMatchObject({
      status: 'ambiguous',
      warnings: [{ code: 'district_mismatch', district: { fullName: 'Huyện Thạnh Phú' }, communeName: 'Tân Phú' }],
    });
    expect(wrong.confidence).toBeLessThan(0.5);
    const right = await convert('Xã Mỹ Hưng, Huyện Thạnh Phú, Tỉnh Bến Tre');
    expect(right).toMatchObject({ status: 'converted', warnings: [], candidates: [{ newUnit: { code: '29191' } }] });
    const split = await convert('Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội');
    expect(split).toMatchObject({ status: 'needs_detail', detail: 'Số 5 phố Đội Cấn' });
  });
});

describe('change events', () => {
  it('requires a signed-in system administrator', async () => {
    const { a, b } = await fakeProvince();
    const body = {
      kind: 'merge',
      effectiveDate: '2026-09-01',
      sourceCodes: [a, b],
      target: { code: a, name: 'Mới', type: 'ward' },
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/admin-units/events/preview', payload: body })).statusCode,
    ).toBe(401);
    const reception = await signIn(app, database, [{ role: 'reception', unitCode: a }]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events',
      payload: body,
      headers: reception.headers,
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('FORBIDDEN');
  });

  it('previews then applies a merge; the official of the old unit sees the new one from the date', async () => {
    const { a, b } = await fakeProvince();
    const official = await signIn(app, database, []);
    const assign = await app.inject({
      method: 'POST',
      url: `/api/admin-units/officials/${official.userId}/assignments`,
      headers: admin.headers,
      payload: { unitCode: b, kind: 'permanent', roles: ['reception'], effectiveDate: '2025-07-01' },
    });
    expect(assign.statusCode).toBe(201);
    const body = {
      kind: 'merge',
      effectiveDate: '2026-03-02',
      legalBasis: 'Nghị quyết thử',
      sourceCodes: [a, b],
      target: { code: a, name: 'Thử Mới', type: 'ward' },
    };
    const preview = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events/preview',
      payload: body,
      headers: admin.headers,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().moves).toContainEqual({
      tableName: 'assignments',
      columnName: 'unit_code',
      fromCode: b,
      toCode: a,
      count: 1,
    });
    const applied = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events',
      payload: body,
      headers: admin.headers,
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      moved: 1,
      queued: 0,
      newVersions: [{ code: a, fullName: 'Phường Thử Mới' }],
    });
    // The test clock is 2026-03-02: the session resolves grants effective today.
    const session = await app.inject({ url: '/api/auth/session', headers: official.headers });
    expect(session.json().user.grants).toEqual([{ role: 'reception', unitCode: a }]);
    const again = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events',
      payload: body,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('UNIT_VERSION_CONFLICT');
    const list = await app.inject({ url: '/api/admin-units/events' });
    expect(list.json().items[0]).toMatchObject({ kind: 'merge', effectiveDate: '2026-03-02' });
  });

  it('rejects an invalid event with 400 and a split queues reviews that can be resolved', async () => {
    const { a, c } = await fakeProvince();
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events/preview',
      headers: admin.headers,
      payload: {
        kind: 'split',
        effectiveDate: '2026-10-01',
        sourceCode: c,
        targets: [
          { code: c, name: 'A', type: 'commune' },
          { code: c, name: 'B', type: 'commune' },
        ],
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('CHANGE_EVENT_INVALID');
    const official = await newOfficial(database, {
      grants: [{ role: 'specialist', unitCode: c, validFrom: '2025-07-01' }],
    });
    const split = await app.inject({
      method: 'POST',
      url: '/api/admin-units/events',
      headers: admin.headers,
      payload: {
        kind: 'split',
        effectiveDate: '2026-10-01',
        sourceCode: c,
        targets: [
          { code: `${c}X`, name: 'Thử Tách', type: 'commune' },
          { code: a, name: 'Thử 1', type: 'commune' },
        ],
      },
    });
    expect(split.statusCode).toBe(201);
    expect(split.json().queued).toBe(1);
    // Paged: one item per page, the total over all pages; walk the pages to find this split's item.
    const first = (await app.inject({ url: '/api/admin-units/reviews?limit=1', headers: admin.headers })).json();
    expect(first).toMatchObject({ limit: 1, offset: 0 });
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(1);
    let mine: { id: number; fromCode: string } | undefined;
    const seen = new Set<number>();
    for (let offset = 0; offset < first.total && !mine; offset += 2) {
      const page = (
        await app.inject({ url: `/api/admin-units/reviews?limit=2&offset=${offset}`, headers: admin.headers })
      ).json();
      expect(page.total).toBe(first.total);
      for (const r of page.items) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      mine = page.items.find((r: { fromCode: string }) => r.fromCode === c);
    }
    if (!mine) throw new Error('the split queued no review item for its commune');
    const tooMany = await app.inject({ url: '/api/admin-units/reviews?limit=501', headers: admin.headers });
    expect(tooMany.statusCode).toBe(400);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/admin-units/reviews/${mine.id}/resolve`,
      headers: admin.headers,
      payload: { unitCode: 'ZZZZZ' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('REVIEW_TARGET_INVALID');
    const ok = await app.inject({
      method: 'POST',
      url: `/api/admin-units/reviews/${mine.id}/resolve`,
      headers: admin.headers,
      payload: { unitCode: a },
    });
    expect(ok.statusCode).toBe(204);
    expect(official.id).toBeTruthy();
    const missing = await app.inject({
      method: 'POST',
      url: '/api/admin-units/reviews/999999999/resolve',
      headers: admin.headers,
      payload: { unitCode: a },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('organisation and officials', () => {
  it('creates the default organisation and manages departments and counters', async () => {
    const { a, b } = await fakeProvince();
    const director = await signIn(app, database, [{ role: 'center_director', unitCode: a }]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/admin-units/units/${b}/organisation/default`,
          headers: director.headers,
        })
      ).json().code,
    ).toBe('OUT_OF_JURISDICTION');
    const org = await app.inject({
      method: 'POST',
      url: `/api/admin-units/units/${a}/organisation/default`,
      headers: director.headers,
    });
    expect(org.statusCode).toBe(200);
    expect(org.json().departments.map((d: { kind: string }) => d.kind)).toEqual([
      'office',
      'economic',
      'culture_social',
    ]);
    expect(org.json().serviceCenters[0].counters).toHaveLength(3);
    const dept = await app.inject({
      method: 'POST',
      url: `/api/admin-units/units/${a}/departments`,
      headers: director.headers,
      payload: { kind: 'planning_finance', name: 'Phòng Kế hoạch - Tài chính' },
    });
    expect(dept.statusCode).toBe(201);
    const dup = await app.inject({
      method: 'POST',
      url: `/api/admin-units/units/${a}/departments`,
      headers: director.headers,
      payload: { kind: 'other', name: 'Phòng Kế hoạch - Tài chính' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DEPARTMENT_NAME_TAKEN');
    const centerId = org.json().serviceCenters[0].id;
    const counter = await app.inject({
      method: 'POST',
      url: `/api/admin-units/service-centers/${centerId}/counters`,
      headers: director.headers,
      payload: { number: 1, name: 'Quầy trùng' },
    });
    expect(counter.statusCode).toBe(409);
    expect(counter.json().code).toBe('COUNTER_NUMBER_TAKEN');
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/admin-units/counters/00000000-0000-0000-0000-000000000000',
      headers: director.headers,
      payload: { isActive: false },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('assigns officials, reports readiness and the communes without an online approver', async () => {
    const { a, province } = await fakeProvince();
    const leader = await newOfficial(database);
    const assign = (body: object) =>
      app.inject({
        method: 'POST',
        url: `/api/admin-units/officials/${leader.id}/assignments`,
        headers: admin.headers,
        payload: body,
      });
    expect(
      (await assign({ unitCode: a, kind: 'secondment', roles: ['leader'], effectiveDate: '2025-07-01' })).statusCode,
    ).toBe(400);
    expect(
      (await assign({ unitCode: a, kind: 'permanent', roles: ['leader'], effectiveDate: '2025-07-01' })).statusCode,
    ).toBe(201);
    const report = async () =>
      (
        await app.inject({
          url: `/api/admin-units/readiness/no-online-approver?provinceCode=${province}`,
          headers: admin.headers,
        })
      ).json();
    expect((await report()).items.map((i: { code: string }) => i.code)).toContain(a);
    const profile = await app.inject({
      method: 'PUT',
      url: `/api/admin-units/officials/${leader.id}/profile`,
      headers: admin.headers,
      payload: { certificateSerial: 'VNPT-CA-001', certificateValidTo: '2027-12-31', trainedFields: ['Hộ tịch'] },
    });
    expect(profile.json().readiness).toMatchObject({ hasAccount: true, hasCertificate: true, canApproveOnline: true });
    expect((await report()).items.map((i: { code: string }) => i.code)).not.toContain(a);
    const officials = await app.inject({ url: `/api/admin-units/units/${a}/officials`, headers: admin.headers });
    expect(officials.json().items).toHaveLength(1);
    const stranger = await signIn(app, database, [{ role: 'supervisor', unitCode: '79' }]);
    const denied = await app.inject({
      url: `/api/admin-units/readiness/no-online-approver?provinceCode=${province}`,
      headers: stranger.headers,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('OUT_OF_JURISDICTION');
    const unknown = await app.inject({
      url: '/api/admin-units/officials/00000000-0000-0000-0000-000000000000',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('finds officials by folded name, adopts grant-only officials and reports a unit readiness', async () => {
    const { a, b } = await fakeProvince();
    const suffix = Math.random().toString(36).slice(2, 8);
    const leader = await newOfficial(database, {
      fullName: `Phạm Thị Hoà ${suffix}`,
      grants: [
        { role: 'leader', unitCode: a },
        { role: 'specialist', unitCode: a },
      ],
    });
    const found = await app.inject({
      url: `/api/admin-units/officials?q=pham%20thi%20hoa%20${suffix}`,
      headers: admin.headers,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([leader.id]);
    const reception = await signIn(app, database, [{ role: 'reception', unitCode: b }]);
    expect(
      (await app.inject({ url: '/api/admin-units/officials?q=pham', headers: reception.headers })).statusCode,
    ).toBe(403);

    // Grants without an assignment (demo officials): adopted once as one permanent assignment, linked.
    const officials = createOfficialsRepository(database.db);
    expect(await officials.adoptUnassignedGrants(leader.id)).toBe(1);
    expect(await officials.adoptUnassignedGrants(leader.id)).toBe(0);
    const listed = (await app.inject({ url: `/api/admin-units/units/${a}/officials`, headers: admin.headers })).json();
    expect(listed.items).toMatchObject([{ userId: leader.id, kind: 'permanent' }]);
    expect([...listed.items[0].roles].sort()).toEqual(['leader', 'specialist']);

    const readiness = async () =>
      (
        await app.inject({ url: `/api/admin-units/units/${a}/readiness?onDate=2026-01-01`, headers: admin.headers })
      ).json();
    const before = await readiness();
    expect(before.canApproveOnline).toBe(false);
    expect(before.items).toMatchObject([
      { userId: leader.id, hasAccount: true, hasCertificate: false, canApproveOnline: false },
    ]);
    expect(before.items[0].roles.sort()).toEqual(['leader', 'specialist']);
    await officials.upsertProfile(leader.id, { certificateSerial: 'CA-1', certificateValidTo: '2025-12-31' });
    expect((await readiness()).canApproveOnline).toBe(false); // expired on the date asked
    await officials.upsertProfile(leader.id, { certificateValidTo: '2027-12-31' });
    expect(await readiness()).toMatchObject({ canApproveOnline: true, items: [{ hasCertificate: true }] });
    const outsider = await signIn(app, database, [{ role: 'reception', unitCode: '26743' }]);
    expect(
      (await app.inject({ url: `/api/admin-units/units/${a}/readiness`, headers: outsider.headers })).statusCode,
    ).toBe(403);
  });
});

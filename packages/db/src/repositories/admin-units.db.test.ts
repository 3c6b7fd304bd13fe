import {
  AdminUnitIndex,
  applyChangeEvent,
  assignOfficial,
  defaultOrganisation,
  previewChangeEvent,
  type UnitVersion,
} from '@mot-cua/core';
import { createTestDb, newOfficial, testUnit } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { loadAdminUnitsMasterData } from '../seed/admin-units.js';
import { withStartupLock } from '../startup-lock.js';
import { createAdminUnitsRepository, findUnitInForce } from './admin-units.repository.js';
import { createChangeEventPorts } from './change-events.repository.js';
import { createOfficialsRepository } from './officials.repository.js';
import { createOrganisationRepository } from './organisation.repository.js';
import { createRehomingRepository } from './rehoming.repository.js';
import { createUsersRepository } from './users.repository.js';

let database: Database;
let loadMs = 0;
beforeAll(async () => {
  database = await createTestDb();
  const t = Date.now();
  await withStartupLock(database, () => loadAdminUnitsMasterData(database, () => {}));
  loadMs = Date.now() - t;
});
afterAll(async () => {
  await database?.close();
});

const countOn = async (onDate: string, level: string) => {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_units WHERE level = ${level}
    AND (valid_from IS NULL OR valid_from <= ${onDate}::date) AND (valid_to IS NULL OR valid_to >= ${onDate}::date)
    AND code ~ '^[0-9]+$'`.execute(database.db);
  return r.rows[0]!.n;
};

describe('shipped master data in the database', () => {
  it('holds 34 / 3,321 units on 2025-07-01 and 63 / 696 / 10,035 on 2025-06-30', async () => {
    console.info(`admin units master data loaded in ${loadMs} ms (${database.kind})`);
    expect(await countOn('2025-07-01', 'province')).toBe(34);
    expect(await countOn('2025-07-01', 'commune')).toBe(3321);
    expect(await countOn('2025-06-30', 'province')).toBe(63);
    expect(await countOn('2025-06-30', 'district')).toBe(696);
    expect(await countOn('2025-06-30', 'commune')).toBe(10035);
  });

  it('loads once: a second start skips the data version already loaded', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_units`.execute(database.db);
    const logs: string[] = [];
    await loadAdminUnitsMasterData(database, (m) => logs.push(m));
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_units`.execute(database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect(logs).toEqual([]);
  });

  it('answers a unit as of a date, aliases and children', async () => {
    const units = createAdminUnitsRepository(database.db);
    expect(await units.getUnit('75', '2026-05-01')).toMatchObject({ type: 'city', fullName: 'Thành phố Đồng Nai' });
    expect((await units.findUnit('06970', '2025-08-01'))?.code).toBe('06978');
    expect(await units.findUnit('99999', '2025-08-01')).toBeUndefined();
    await expect(units.getUnit('99999', '2025-08-01')).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_FOUND' });
    expect(await units.listChildren('79', '2025-07-01')).toHaveLength(168);
    expect(await units.listChildren('79', '2025-06-30')).toHaveLength(22);
  });

  it('one lookup follows the alias in force on the date, whichever alias row comes first', async () => {
    const { unitCode: x, provinceCode } = testUnit();
    const [y1, y2] = [`${x}A`, `${x}B`];
    const version = (code: string, validFrom: string, validTo: string | null): UnitVersion => ({
      code,
      level: 'commune',
      type: 'commune',
      name: code,
      fullName: `Xã ${code}`,
      provinceCode,
      districtCode: null,
      validFrom,
      validTo,
    });
    const units = createAdminUnitsRepository(database.db);
    await units.insertVersions([
      version(x, '2025-07-01', '2026-01-31'),
      version(y1, '2026-02-01', '2026-03-31'),
      version(y2, '2026-04-01', null),
    ]);
    // x's code went to y1 in February, then to y2 in April (y1 ended): both alias rows stay.
    await database.db
      .insertInto('adminUnitAliases')
      .values([
        { alias: x, code: y1, validFrom: '2026-02-01' },
        { alias: x, code: y2, validFrom: '2026-04-01' },
      ])
      .execute();
    expect((await units.findUnit(x, '2026-01-31'))?.code).toBe(x);
    expect((await units.findUnit(x, '2026-03-01'))?.code).toBe(y1);
    expect((await units.findUnit(x, '2026-05-01'))?.code).toBe(y2);
    expect(await units.findUnit(y2, '2026-03-01')).toBeUndefined();
    expect(await units.findUnit(x, '2025-06-30')).toBeUndefined();
    expect(await units.findUnit(x, '2026-05-01')).toEqual(version(y2, '2026-04-01', null));
    expect(await findUnitInForce(database.db, x, '2026-05-01')).toMatchObject({ code: y2, agencyIdentifier: null });
  });

  it('round-trips the dataset into the in-memory index with the same lineage', async () => {
    const index = new AdminUnitIndex(await createAdminUnitsRepository(database.db).loadDataset());
    const l = index.lineage('00004', '2026-01-01');
    expect(l.predecessors.map((p) => p.fromCode)).toEqual(expect.arrayContaining(['00004', '00013', '00016']));
  });
});

/** Two communes of a fake province with officials, a center, counters and a free-standing grant. */
async function fakeCommunes() {
  const a = testUnit();
  const b = { unitCode: `${a.unitCode}Z`, provinceCode: a.provinceCode };
  const c = { unitCode: `${a.unitCode}Y`, provinceCode: a.provinceCode };
  const mk = (code: string, name: string, level: UnitVersion['level'] = 'commune'): UnitVersion => ({
    code,
    level,
    type: level === 'province' ? 'province' : 'commune',
    name,
    fullName: `${level === 'province' ? 'Tỉnh' : 'Xã'} ${name}`,
    provinceCode: a.provinceCode,
    districtCode: null,
    validFrom: '2025-07-01',
    validTo: null,
  });
  const units = createAdminUnitsRepository(database.db);
  await units.insertVersions([
    mk(a.provinceCode, 'Thử Nghiệm', 'province'),
    mk(a.unitCode, 'An Thử'),
    mk(b.unitCode, 'Bình Thử'),
    mk(c.unitCode, 'Cát Thử'),
  ]);
  const org = createOrganisationRepository(database.db);
  for (const code of [a.unitCode, b.unitCode, c.unitCode]) {
    const u = await units.getUnit(code, '2025-07-01');
    await org.ensureDefaultOrganisation(u, defaultOrganisation(u), '2025-07-01');
  }
  return { a: a.unitCode, b: b.unitCode, c: c.unitCode, province: a.provinceCode };
}

const assignPorts = (db: Database['db']) => {
  const units = createAdminUnitsRepository(db);
  const org = createOrganisationRepository(db);
  const officials = createOfficialsRepository(db);
  return {
    findOfficial: (id: string) => officials.findOfficial(id),
    findUnit: (code: string, d: string) => units.findUnit(code, d),
    findDepartment: (id: string) => org.findDepartment(id),
    listAssignments: (id: string) => officials.listAssignments(id),
    endAssignment: (id: string, to: string) => officials.endAssignment(id, to),
    createAssignment: officials.createAssignment,
  };
};

describe('assignments keep role grants in step', () => {
  it('a transfer effective on a date changes what the official sees from that date and keeps history', async () => {
    const { a, b } = await fakeCommunes();
    const o = await newOfficial(database);
    const users = createUsersRepository(database.db);
    const dept = (await createOrganisationRepository(database.db).listDepartments(a, '2025-07-01'))[1]!;
    await assignOfficial(
      {
        userId: o.id,
        unitCode: a,
        departmentId: dept.id,
        kind: 'permanent',
        roles: ['specialist'],
        effectiveDate: '2025-07-01',
      },
      assignPorts(database.db),
      null,
    );
    await assignOfficial(
      { userId: o.id, unitCode: b, kind: 'transfer', roles: ['specialist', 'reception'], effectiveDate: '2026-03-01' },
      assignPorts(database.db),
      null,
    );
    expect(await users.listEffectiveGrants(o.id, '2026-02-28')).toEqual([{ role: 'specialist', unitCode: a }]);
    expect(await users.listEffectiveGrants(o.id, '2026-03-01')).toEqual([
      { role: 'reception', unitCode: b },
      { role: 'specialist', unitCode: b },
    ]);
    const history = await createOfficialsRepository(database.db).listAssignments(o.id);
    expect(history.map((h) => [h.unitCode, h.kind, h.validFrom, h.validTo])).toEqual([
      [a, 'permanent', '2025-07-01', '2026-02-28'],
      [b, 'transfer', '2026-03-01', null],
    ]);
  });

  it('a secondment resumes the home assignment the day after it ends', async () => {
    const { a, b } = await fakeCommunes();
    const o = await newOfficial(database);
    const ports = assignPorts(database.db);
    await assignOfficial(
      { userId: o.id, unitCode: a, kind: 'permanent', roles: ['leader'], effectiveDate: '2025-07-01' },
      ports,
      null,
    );
    await assignOfficial(
      {
        userId: o.id,
        unitCode: b,
        kind: 'secondment',
        roles: ['leader'],
        effectiveDate: '2026-01-01',
        endDate: '2026-06-30',
      },
      ports,
      null,
    );
    const users = createUsersRepository(database.db);
    expect(await users.listEffectiveGrants(o.id, '2026-03-01')).toEqual([{ role: 'leader', unitCode: b }]);
    expect(await users.listEffectiveGrants(o.id, '2026-07-01')).toEqual([{ role: 'leader', unitCode: a }]);
  });

  it('refuses unknown officials and units, and a placement before an existing one', async () => {
    const { a } = await fakeCommunes();
    const o = await newOfficial(database);
    const ports = assignPorts(database.db);
    const base = { userId: o.id, unitCode: a, kind: 'permanent' as const, roles: ['specialist' as const] };
    await expect(
      assignOfficial(
        { ...base, userId: '00000000-0000-0000-0000-000000000000', effectiveDate: '2026-01-01' },
        ports,
        null,
      ),
    ).rejects.toMatchObject({ code: 'OFFICIAL_NOT_FOUND' });
    await expect(
      assignOfficial({ ...base, unitCode: 'ZZZZZ', effectiveDate: '2026-01-01' }, ports, null),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_FOUND' });
    await assignOfficial({ ...base, effectiveDate: '2026-01-01' }, ports, null);
    await expect(assignOfficial({ ...base, effectiveDate: '2025-12-01' }, ports, null)).rejects.toMatchObject({
      code: 'ASSIGNMENT_CONFLICT',
    });
  });
});

describe('applying a change event re-homes open records', () => {
  it('a merge moves assignments, grants, centers and counters to the successor, keeping history', async () => {
    const { a, b, province } = await fakeCommunes();
    const o = await newOfficial(database);
    const free = await newOfficial(database, { grants: [{ role: 'reception', unitCode: b, validFrom: '2025-07-01' }] });
    const ended = await newOfficial(database, {
      grants: [{ role: 'reception', unitCode: b, validFrom: '2025-07-01', validTo: '2025-12-31' }],
    });
    const deptB = (await createOrganisationRepository(database.db).listDepartments(b, '2025-07-01')).find(
      (d) => d.kind === 'culture_social',
    )!;
    await assignOfficial(
      {
        userId: o.id,
        unitCode: b,
        departmentId: deptB.id,
        kind: 'permanent',
        roles: ['specialist'],
        effectiveDate: '2025-07-01',
      },
      assignPorts(database.db),
      null,
    );
    const input = {
      kind: 'merge' as const,
      effectiveDate: '2026-07-01',
      legalBasis: 'Nghị quyết thử',
      sourceCodes: [a, b],
      target: { code: a, name: 'An Bình Thử', type: 'commune' as const },
    };
    const key = `test-merge-${a}`;
    const preview = await previewChangeEvent(input, createChangeEventPorts(database.db, { userId: null }), key);
    const impactOf = (t: string) => preview.impact.moves.find((m) => m.tableName === t && m.fromCode === b)?.count;
    expect(impactOf('assignments')).toBe(1);
    expect(impactOf('role_grants')).toBe(1);
    expect(impactOf('service_centers')).toBe(1);
    expect(impactOf('counters')).toBe(3);

    const result = await database.db
      .transaction()
      .execute((trx) => applyChangeEvent(input, createChangeEventPorts(trx, { userId: o.id }), key));
    expect(result.queued).toBe(0);

    const users = createUsersRepository(database.db);
    expect(await users.listEffectiveGrants(o.id, '2026-06-30')).toEqual([{ role: 'specialist', unitCode: b }]);
    expect(await users.listEffectiveGrants(o.id, '2026-07-01')).toEqual([{ role: 'specialist', unitCode: a }]);
    expect(await users.listEffectiveGrants(free.id, '2026-07-01')).toEqual([{ role: 'reception', unitCode: a }]);
    expect(await users.listEffectiveGrants(ended.id, '2025-12-01')).toEqual([{ role: 'reception', unitCode: b }]);
    const history = await createOfficialsRepository(database.db).listAssignments(o.id);
    expect(history.map((h) => [h.unitCode, h.validTo])).toEqual([
      [b, '2026-06-30'],
      [a, null],
    ]);
    const deptA = (await createOrganisationRepository(database.db).listDepartments(a, '2026-07-01')).find(
      (d) => d.kind === 'culture_social',
    )!;
    expect(history[1]!.departmentId).toBe(deptA.id);

    const org = createOrganisationRepository(database.db);
    const centers = await org.listServiceCenters(a, '2026-07-01');
    expect(centers.map((c) => c.isMain).sort()).toEqual([false, true]);
    expect(await org.listCountersOfUnit(b)).toEqual([]);
    expect(await org.listCountersOfUnit(a)).toHaveLength(6);

    const units = createAdminUnitsRepository(database.db);
    expect((await units.getUnit(b, '2026-06-30')).fullName).toBe('Xã Bình Thử');
    expect(await units.findUnit(b, '2026-07-01')).toBeUndefined();
    expect((await units.getUnit(a, '2026-07-01')).fullName).toBe('Xã An Bình Thử');
    const index = new AdminUnitIndex(await units.loadDataset());
    expect(
      index
        .lineage(a, '2026-07-01')
        .predecessors.map((p) => p.fromName)
        .sort(),
    ).toEqual(['Xã An Thử', 'Xã Bình Thử']);

    const moves = await createRehomingRepository(database.db).listMoves(result.eventId);
    expect(moves.filter((m) => m.fromCode === b).length).toBe(1 + 1 + 1 + 3);
    const audit = await sql<{ action: string; data: { moved: number } }>`SELECT action, data FROM audit_events
      WHERE entity_type = 'admin_unit_event' AND entity_id = ${String(result.eventId)}`.execute(database.db);
    expect(audit.rows[0]).toMatchObject({ action: 'admin_unit.change_applied', data: { moved: 6 } });
    expect(province).toMatch(/^P/);
  });

  it('a split puts the records on the review list; resolving one moves it', async () => {
    const { a, c } = await fakeCommunes();
    const o = await newOfficial(database);
    await assignOfficial(
      { userId: o.id, unitCode: c, kind: 'permanent', roles: ['reception'], effectiveDate: '2025-07-01' },
      assignPorts(database.db),
      null,
    );
    const newCode = `${c}X`;
    const input = {
      kind: 'split' as const,
      effectiveDate: '2026-08-01',
      sourceCode: c,
      targets: [
        { code: newCode, name: 'Cát Mới', type: 'commune' as const },
        { code: a, name: 'An Thử', type: 'commune' as const },
      ],
    };
    const result = await database.db
      .transaction()
      .execute((trx) => applyChangeEvent(input, createChangeEventPorts(trx, { userId: o.id }), `test-split-${c}`));
    expect(result.moved).toBe(0);
    expect(result.queued).toBeGreaterThanOrEqual(1 + 1 + 3);
    const rehoming = createRehomingRepository(database.db);
    const { items: reviews, total } = await rehoming.listReviews({ eventId: result.eventId });
    expect(total).toBe(result.queued);
    // Paged: pages of two cover every item once, in order, each page telling the same total.
    const paged: number[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = await rehoming.listReviews({ eventId: result.eventId, limit: 2, offset });
      expect(page).toMatchObject({ total, limit: 2, offset });
      expect(page.items.length).toBe(Math.min(2, total - offset));
      paged.push(...page.items.map((r) => r.id));
    }
    expect(paged).toEqual(reviews.map((r) => r.id));
    expect((await rehoming.listReviews({ eventId: result.eventId, offset: total })).items).toEqual([]);
    const assignment = reviews.find((r) => r.tableName === 'assignments')!;
    expect(assignment.candidateCodes).toEqual([newCode, a]);
    await expect(rehoming.resolveReview(assignment.id, 'ZZZZZ', o.id)).rejects.toMatchObject({
      code: 'REVIEW_TARGET_INVALID',
    });
    await rehoming.resolveReview(assignment.id, newCode, o.id);
    await expect(rehoming.resolveReview(assignment.id, newCode, o.id)).rejects.toMatchObject({
      code: 'REVIEW_ITEM_CLOSED',
    });
    expect(await createUsersRepository(database.db).listEffectiveGrants(o.id, '2026-08-01')).toEqual([
      { role: 'reception', unitCode: newCode },
    ]);
  });
});

describe('readiness', () => {
  it('lists communes where no official can approve online until a leader has a certificate', async () => {
    const { a, province } = await fakeCommunes();
    const officials = createOfficialsRepository(database.db);
    const report = () =>
      officials.listCommunesWithoutOnlineApprover({
        onDate: '2026-01-01',
        provinceCode: province,
        limit: 50,
        offset: 0,
      });
    expect((await report()).items.map((i) => i.code)).toContain(a);
    const leader = await newOfficial(database, { grants: [{ role: 'leader', unitCode: a }] });
    expect((await report()).items.map((i) => i.code)).toContain(a);
    await officials.upsertProfile(leader.id, { certificateSerial: 'CA-123', certificateValidTo: '2027-01-01' });
    const r = await report();
    expect(r.items.map((i) => i.code)).not.toContain(a);
    expect(r.communes).toBe(3);
    expect(r.total).toBe(2);
  });
});

import type { DossierDetail, Workload } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Monday 02/03/2026 09:00 in Vietnam; the period is that week's first days.
const clock = fixedClock('2026-03-02T02:00:00Z');
const PERIOD = 'from=2026-03-01&to=2026-03-05';

let database: Database;
let app: FastifyInstance;
let Q: string;
let R: string;
let X: string;
let Y: string;
let Z: string;
const who: Record<string, Signed> = {};

const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

async function receive(at: Signed, unit: string, procedureCode: string): Promise<DossierDetail> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: at.headers,
    payload: counterReceiptBody(procedureCode, unit),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DossierDetail;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  [X, Y] = q.communeCodes as [string, string];
  const r = await insertDossierTestUnits(database.db, 1);
  R = r.provinceCode;
  Z = r.communeCodes[0]!;
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  await loadDossierTestProcedure(database.db, { unitCode: Y });
  await loadDossierTestProcedure(database.db, { unitCode: Z });
  // one official at both communes of Q (counted once for the province), one at Y, one at Z
  who.receptionXY = await signIn(app, database, [
    { role: 'reception', unitCode: X },
    { role: 'reception', unitCode: Y },
  ]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.receptionZ = await signIn(app, database, [{ role: 'reception', unitCode: Z }]);
  who.national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  await receive(who.receptionXY!, X, procedureCode);
  await receive(who.receptionXY!, X, procedureCode);
  await receive(who.receptionY!, Y, procedureCode);
  await receive(who.receptionZ!, Z, procedureCode);
  // leaders: two at X without a certificate, one at Z whose certificate expired
  await signIn(app, database, [{ role: 'leader', unitCode: X }]);
  await signIn(app, database, [{ role: 'leader', unitCode: X }]);
  const expired = await signIn(app, database, [{ role: 'leader', unitCode: Z }]);
  await sql`insert into official_profiles (user_id, certificate_serial, certificate_valid_to)
    values (${expired.userId}, 'CT-HET-HAN', '2026-02-28')`.execute(database.db);
  clock.set('2026-03-05T03:00:00Z');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('GET /api/supervision/workload for the nation', () => {
  it('answers one row per province, the sums of its units, officials once each; a province drills into its units', async () => {
    const res = await get(who.national!, `/api/supervision/workload?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json() as Workload;
    expect(w.scope.level).toBe('nation');
    expect(w.unitsLevel).toBe('province');
    const q = w.units.find((u) => u.unitCode === Q);
    const r = w.units.find((u) => u.unitCode === R);
    // Q: 3 dossiers; officials: the one at X and Y, the one at Y, two leaders at X
    expect(q).toMatchObject({ provinceCode: Q, received: 3, officials: 4, open: 3 });
    expect(q?.name).toContain('Tỉnh Thử');
    expect(r).toMatchObject({ provinceCode: R, received: 1, officials: 2, open: 1 });
    expect(w.units.some((u) => u.unitCode === X || u.unitCode === Z)).toBe(false);

    const drill = (
      await get(who.national!, `/api/supervision/workload?provinceCode=${Q}&${PERIOD}`)
    ).json() as Workload;
    expect(drill.unitsLevel).toBe('unit');
    expect(drill.units.map((u) => [u.unitCode, u.received]).sort()).toEqual(
      [
        [X, 2],
        [Y, 1],
      ].sort(),
    );
    // the province row is the sum of its units' dossiers
    expect(drill.units.reduce((n, u) => n + u.received, 0)).toBe(q?.received);
    expect(drill.units.reduce((n, u) => n + u.open, 0)).toBe(q?.open);
  });

  it('counts leaders without a valid certificate per province; a province lists them', async () => {
    const w = (await get(who.national!, `/api/supervision/workload?${PERIOD}`)).json() as Workload;
    expect(w.certificateGaps.items).toEqual([]);
    expect(w.certificateGaps.byProvince.filter((p) => p.provinceCode === Q || p.provinceCode === R)).toEqual([
      ...[
        { provinceCode: Q, missing: 2, expired: 0 },
        { provinceCode: R, missing: 0, expired: 1 },
      ]
        .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1))
        .map((p) => expect.objectContaining(p)),
    ]);
    expect(w.certificateGaps.total).toBe(w.certificateGaps.byProvince.reduce((n, p) => n + p.missing + p.expired, 0));
    const q = (await get(who.national!, `/api/supervision/workload?provinceCode=${Q}&${PERIOD}`)).json() as Workload;
    expect(q.certificateGaps.byProvince).toEqual([]);
    expect(q.certificateGaps.items.map((g) => [g.unitCode, g.gap])).toEqual([
      [X, 'missing'],
      [X, 'missing'],
    ]);
  });

  it('counts communes without an online approver per province; a province names them', async () => {
    const w = (await get(who.national!, `/api/supervision/workload?${PERIOD}`)).json() as Workload;
    expect(w.noOnlineApprover.items).toEqual([]);
    const mine = w.noOnlineApprover.byProvince.filter((p) => p.provinceCode === Q || p.provinceCode === R);
    expect(mine).toEqual(
      [
        { provinceCode: Q, communes: 2, without: 2, withoutCertificate: 2 },
        { provinceCode: R, communes: 1, without: 1, withoutCertificate: 1 },
      ]
        .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1))
        .map((p) => expect.objectContaining(p)),
    );
    expect(w.noOnlineApprover.total).toBe(w.noOnlineApprover.byProvince.reduce((n, p) => n + p.without, 0));
    const q = (await get(who.national!, `/api/supervision/workload?provinceCode=${Q}&${PERIOD}`)).json() as Workload;
    expect(q.noOnlineApprover.byProvince).toEqual([]);
    expect(q.noOnlineApprover.items.map((i) => i.code).sort()).toEqual([X, Y].sort());
  });

  it('exports the per-province tables', async () => {
    const rowsOf = async (table: string) => {
      const x = await get(who.national!, `/api/supervision/workload?${PERIOD}&format=xlsx&table=${table}`);
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as never);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const units = await rowsOf('units');
    expect(units[2]?.[1]).toBe('Tỉnh, thành phố');
    expect(units.slice(3).find((x) => x[0] === Q)?.[2]).toBe(3);
    const gaps = await rowsOf('certificateGaps');
    expect(gaps[2]).toEqual(['Mã', 'Tỉnh, thành phố', 'Chưa có', 'Hết hạn']);
    expect(
      gaps
        .slice(3)
        .find((x) => x[0] === R)
        ?.slice(2),
    ).toEqual([0, 1]);
    const approvers = await rowsOf('noOnlineApprover');
    expect(approvers[2]).toEqual([
      'Mã',
      'Tỉnh, thành phố',
      'Số xã, phường',
      'Chưa có người phê duyệt',
      'Chưa có chứng thư số',
    ]);
    expect(
      approvers
        .slice(3)
        .find((x) => x[0] === Q)
        ?.slice(2),
    ).toEqual([2, 2, 2]);
  });
});

import { randomBytes } from 'node:crypto';
import type { Config } from '@mot-cua/config';
import { fixedClock } from '@mot-cua/core';
import {
  createDossiersRepository,
  createPortalImportsRepository,
  createProcedureConfigRepository,
  type Database,
} from '@mot-cua/db';
import { type PortalSim, startPortalSim } from '@mot-cua/portal-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimMode } from '../outbox/outbox-test-helpers.js';
import { unitIndexOf } from '../routes/admin-units/unit-index-cache.js';
import { buildTestApp, type Signed, signIn, tempFileStore } from '../testing.js';
import { createPortalImporter } from './portal-importer.js';
import { createPortalInboundClient } from './portal-inbound-client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

let database: Database;
let app: FastifyInstance;
let config: Config;
let sim: PortalSim;
let unitA: string;
let unitB: string;
let provinceCode: string;
let procedureCode: string;
let splitOld: string;
let receptionA: Signed;
let provinceAdmin: Signed;
let specialistA: Signed;
const clock = fixedClock(new Date());
const files = tempFileStore();

beforeAll(async () => {
  database = await createTestDb();
  const units = await insertDossierTestUnits(database.db, 2);
  [unitA, unitB] = units.communeCodes as [string, string];
  provinceCode = units.provinceCode;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unitA })).code;
  // Unit B does not offer the procedure.
  await createProcedureConfigRepository(database.db).putUnitConfig({
    unitCode: unitB,
    procedureCode,
    enabled: false,
    localFeeVnd: null,
    localFeeNote: null,
    updatedBy: null,
  });
  // An old (pre-2025) commune split between A and B.
  splitOld = `O${randomBytes(3).toString('hex').toUpperCase()}S`;
  await sql`insert into admin_units (code, level, type, name, full_name, province_code, valid_to)
    values (${splitOld}, 'commune', 'commune', ${`Cũ ${splitOld}`}, ${`Xã Cũ ${splitOld}`}, ${provinceCode}, '2025-06-30')`.execute(
    database.db,
  );
  const ev = await sql<{ id: number }>`insert into admin_unit_events (key, kind, effective_date, description, source)
    values (${`test-${splitOld}`}, 'reorganisation', '2025-07-01', 'thử', 'admin') returning id`.execute(database.db);
  for (const to of [unitA, unitB]) {
    await sql`insert into admin_unit_event_links (event_id, from_code, to_code, share)
      values (${ev.rows[0]!.id}, ${splitOld}, ${to}, 'partial')`.execute(database.db);
  }
  sim = await startPortalSim({
    port: 0,
    dataDir: null,
    codePrefix: `R${randomBytes(3).toString('hex').toUpperCase()}`,
  });
  ({ app, config } = await buildTestApp(database, {
    clock,
    files,
    portalLookup: createPortalInboundClient({ url: sim.url, timeoutMs: 2_000 }),
  }));
  await unitIndexOf(database);
  receptionA = await signIn(app, database, [{ role: 'reception', unitCode: unitA }]);
  provinceAdmin = await signIn(app, database, [{ role: 'system_admin', unitCode: provinceCode }]);
  specialistA = await signIn(app, database, [{ role: 'specialist', unitCode: unitA }]);
});
afterAll(async () => {
  await sim.close();
  await app.close();
  await database.close();
});

async function submit(over: Record<string, unknown> = {}) {
  const r = await fetch(`${sim.url}/sim/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      MaTTHC: procedureCode,
      MaDonVi: unitA,
      ChuHoSo: { HoTen: 'Võ Thị Chuyển', SoDinhDanh: '079190000555', SoDienThoai: '0909000555' },
      DaXacThucVNeID: true,
      TepDinhKem: [{ TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF }],
      ...over,
    }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { MaHoSoQG: string }).MaHoSoQG;
}

/** Submit on the portal and pull it (with a cursor of its own) onto the review list. */
async function toReview(over: Record<string, unknown>) {
  const source = `route-${randomBytes(4).toString('hex')}`;
  const page = (await (await fetch(`${sim.url}/api/v1/dossiers?cursor=0&limit=500`)).json()) as { nextCursor: number };
  await createPortalImportsRepository(database.db).saveCursor(source, String(page.nextCursor), clock.now());
  const code = await submit(over);
  const imp = createPortalImporter({
    deps: { config, database, clock, files },
    client: createPortalInboundClient({ url: sim.url, timeoutMs: 2_000 }),
    source,
    pollMs: 10,
  });
  expect(await imp.tick()).toMatchObject({ needsReview: 1 });
  return code;
}

const route = (who: Signed, code: string, unitCode: string) =>
  app.inject({
    method: 'POST',
    url: `/api/portal-imports/${encodeURIComponent(code)}/route`,
    headers: who.headers,
    payload: { unitCode },
  });
const candidates = (who: Signed, code: string) =>
  app.inject({
    method: 'GET',
    url: `/api/portal-imports/${encodeURIComponent(code)}/candidates`,
    headers: who.headers,
  });
const recordOf = (code: string) => createPortalImportsRepository(database.db).getImport(code);
const dossiersOf = (code: string) =>
  database.db.selectFrom('dossiers').selectAll().where('portalCode', '=', code).execute();

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ code });
}

describe('routing an unmappable online dossier by hand', () => {
  it('a split old commune: offered to the successors, refused where the procedure is not offered, imported once where chosen', async () => {
    const code = await toReview({ MaDonVi: splitOld });

    // The reception of a successor sees it on the review list, with the successors.
    const list = await app.inject({
      method: 'GET',
      url: '/api/portal-imports?view=pending',
      headers: receptionA.headers,
    });
    const item = (
      list.json() as { items: Array<{ portalCode: string; reason: string; successorUnitCodes: string[] }> }
    ).items.find((i) => i.portalCode === code);
    expect(item).toMatchObject({ reason: 'OLD_UNIT_SPLIT' });
    expect([...item!.successorUnitCodes].sort()).toEqual([unitA, unitB].sort());

    // The picker: successors first, only units the official may route to.
    const mine = (await candidates(receptionA, code)).json() as {
      successors: Array<{ code: string }>;
      others: unknown[];
    };
    expect(mine.successors.map((u) => u.code)).toEqual([unitA]);
    const admins = (await candidates(provinceAdmin, code)).json() as {
      provinceCode: string;
      successors: Array<{ code: string }>;
      others: Array<{ code: string }>;
    };
    expect(admins.provinceCode).toBe(provinceCode);
    expect(admins.successors.map((u) => u.code).sort()).toEqual([unitA, unitB].sort());
    expect(admins.others.map((u) => u.code)).not.toContain(unitA);

    // Reception of A may not route into B; B does not offer the procedure; a specialist may not route.
    expectProblem(await route(receptionA, code, unitB), 403, 'OUT_OF_JURISDICTION');
    expectProblem(await route(provinceAdmin, code, unitB), 409, 'ONLINE_SUBMISSION_NOT_OFFERED');
    expectProblem(await route(specialistA, code, unitA), 403, 'FORBIDDEN');
    expect(await dossiersOf(code)).toHaveLength(0);
    expect(await recordOf(code)).toMatchObject({ state: 'needs_review' });

    // Routed into A: re-fetched with its file, imported as an online dossier, the portal told, audited.
    const res = await route(receptionA, code, unitA);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { dossierId: string; dossierCode: string; unitCode: string };
    expect(body.unitCode).toBe(unitA);
    const [d] = await dossiersOf(code);
    expect(d).toMatchObject({
      id: body.dossierId,
      code: body.dossierCode,
      channel: 'online',
      status: 'new',
      receivingUnitCode: unitA,
      vneidVerified: true,
      applicantName: 'Võ Thị Chuyển',
    });
    const attachments = await database.db
      .selectFrom('dossierAttachments')
      .select(['fileName', 'componentKey', 'sha256'])
      .where('dossierId', '=', d!.id)
      .execute();
    expect(attachments.map((a) => [a.fileName, a.componentKey])).toEqual([['to-khai.pdf', 'c01']]);
    expect(await files.has(attachments[0]!.sha256)).toBe(true);
    const outbox = await createDossiersRepository(database.db).listOutbox(d!.id);
    expect(outbox.map((o) => o.payload)).toEqual([expect.objectContaining({ MaHoSoDVCQG: code, TrangThaiHoSo: 1 })]);
    expect(await recordOf(code)).toMatchObject({ state: 'imported', unitCode: unitA, dossierId: d!.id, provinceCode });
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId', 'requestId', 'data'])
      .where('entityId', '=', code)
      .where('action', '=', 'portal_import.routed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: receptionA.userId,
      data: expect.objectContaining({
        reason: 'OLD_UNIT_SPLIT',
        unitCode: unitA,
        dossierCode: d!.code,
        role: 'reception',
      }),
    });
    // The dossier's own receipt row is in the same request (the same transaction).
    const sameRequest = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('requestId', '=', audit[0]!.requestId)
      .execute();
    expect(sameRequest.length).toBeGreaterThanOrEqual(2);

    // Once only.
    expectProblem(await route(receptionA, code, unitA), 409, 'PORTAL_IMPORT_ALREADY_IMPORTED');
    expectProblem(await candidates(receptionA, code), 409, 'PORTAL_IMPORT_ALREADY_IMPORTED');
    expect(await dossiersOf(code)).toHaveLength(1);
  });

  it('an unknown commune: the province administrator picks any unit of the province; the portal away → 503, then imported', async () => {
    const code = await toReview({ MaDonVi: `9${randomBytes(3).toString('hex')}` });
    expect(await recordOf(code)).toMatchObject({ reason: 'UNIT_NOT_FOUND', unitCode: null });
    // Reception of a unit does not see a dossier without a unit; the administrator does.
    const seen = async (who: Signed) =>
      (
        (await app.inject({ method: 'GET', url: '/api/portal-imports?view=pending', headers: who.headers })).json() as {
          items: Array<{ portalCode: string }>;
        }
      ).items.some((i) => i.portalCode === code);
    expect(await seen(receptionA)).toBe(false);
    expect(await seen(provinceAdmin)).toBe(true);
    const c = (await candidates(provinceAdmin, code)).json() as {
      successors: unknown[];
      provinceCode: string;
      others: Array<{ code: string }>;
    };
    expect(c.successors).toEqual([]);
    expect(c.provinceCode).toBe(provinceCode);
    expect(c.others.map((u) => u.code).sort()).toEqual([unitA, unitB].sort());

    for (const mode of ['down', 'http500'] as const) {
      await setSimMode(sim, mode);
      expectProblem(await route(provinceAdmin, code, unitA), 503, 'PORTAL_UNAVAILABLE');
    }
    await setSimMode(sim, 'ok');
    expect(await recordOf(code)).toMatchObject({ state: 'needs_review' });
    const res = await route(provinceAdmin, code, unitA);
    expect(res.statusCode, res.body).toBe(200);
    expect(await dossiersOf(code)).toHaveLength(1);
  });

  it('a dossier withdrawn on the portal is gone (410); an unknown code is 404; two officials at once import it once', async () => {
    const gone = await toReview({ MaDonVi: splitOld });
    expect((await fetch(`${sim.url}/sim/dossiers/${gone}`, { method: 'DELETE' })).status).toBe(200);
    expectProblem(await route(receptionA, gone, unitA), 410, 'PORTAL_DOSSIER_GONE');
    expect(await recordOf(gone)).toMatchObject({ state: 'needs_review' });
    expect(await dossiersOf(gone)).toHaveLength(0);

    expectProblem(
      await route(receptionA, `KHONG-CO-${randomBytes(3).toString('hex')}`, unitA),
      404,
      'PORTAL_IMPORT_NOT_FOUND',
    );
    expectProblem(await route(receptionA, 'x', 'KHONGCO'), 404, 'DOSSIER_UNIT_NOT_FOUND');

    const twice = await toReview({ MaDonVi: splitOld });
    const [r1, r2] = await Promise.all([route(receptionA, twice, unitA), route(provinceAdmin, twice, unitA)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    expect(await dossiersOf(twice)).toHaveLength(1);
  });
});

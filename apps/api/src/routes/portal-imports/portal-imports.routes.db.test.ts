import { randomBytes } from 'node:crypto';
import type { Config } from '@mot-cua/config';
import type { Database } from '@mot-cua/db';
import { type PortalSim, startPortalSim } from '@mot-cua/portal-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from '../../files/open-file-store.js';
import { createPortalImporter } from '../../portal-import/portal-importer.js';
import { createPortalInboundClient } from '../../portal-import/portal-inbound-client.js';
import { buildTestApp, signIn } from '../../testing.js';

let database: Database;
let sim: PortalSim;
let app: FastifyInstance;
let config: Config;
let units: { provinceCode: string; communeCodes: string[] };
let procedureCode: string;

beforeAll(async () => {
  database = await createTestDb();
  sim = await startPortalSim({ port: 0, dataDir: null, codePrefix: `R${randomBytes(3).toString('hex')}` });
  units = await insertDossierTestUnits(database.db, 2);
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: units.communeCodes[0]! })).code;
  ({ app, config } = await buildTestApp(database));
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

const submit = (MaDonVi: string, MaTTHC = procedureCode) =>
  fetch(`${sim.url}/sim/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ MaTTHC, MaDonVi, ChuHoSo: { HoTen: 'Phạm Thị Mạng' }, DaXacThucVNeID: true }),
  }).then(async (r) => ((await r.json()) as { MaHoSoQG: string }).MaHoSoQG);

describe('GET /api/portal-imports', () => {
  it('shows reception the online dossiers of its unit waiting for it, and the unit-less ones only to administrators', async () => {
    const [mine, other] = units.communeCodes as [string, string];
    const imported = await submit(mine);
    const notEnabled = await submit(other, '9.999998');
    const unknown = await submit('99998');
    const importer = createPortalImporter({
      deps: { config, database, clock: { now: () => new Date() }, files: openFileStore(config) },
      client: createPortalInboundClient({ url: sim.url, timeoutMs: 2_000 }),
      source: `route-test-${randomBytes(3).toString('hex')}`,
      pollMs: 10,
    });
    await importer.tick();

    const reception = await signIn(app, database, [{ role: 'reception', unitCode: mine }]);
    const res = await app.inject({ method: 'GET', url: '/api/portal-imports', headers: reception.headers });
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as { items: Array<{ portalCode: string; status: string; vneidVerified: boolean }> })
      .items;
    expect(codes.map((i) => i.portalCode)).toEqual([imported]);
    expect(codes[0]).toMatchObject({ status: 'new', vneidVerified: true });

    const otherReception = await signIn(app, database, [{ role: 'reception', unitCode: other }]);
    const theirs = await app.inject({ method: 'GET', url: '/api/portal-imports', headers: otherReception.headers });
    expect(theirs.json().items).toMatchObject([{ portalCode: notEnabled, reason: 'PROCEDURE_NOT_AVAILABLE' }]);

    const admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
    const all = await app.inject({ method: 'GET', url: '/api/portal-imports?limit=500', headers: admin.headers });
    const adminCodes = (all.json() as { items: Array<{ portalCode: string }> }).items.map((i) => i.portalCode);
    expect(adminCodes).toEqual(expect.arrayContaining([imported, notEnabled, unknown]));

    const specialist = await signIn(app, database, [{ role: 'specialist', unitCode: mine }]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/portal-imports', headers: specialist.headers })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/portal-imports' })).statusCode).toBe(401);
  });
});

import { randomBytes } from 'node:crypto';
import type { Config } from '@mot-cua/config';
import { systemClock } from '@mot-cua/core';
import { createPortalImportsRepository, type Database } from '@mot-cua/db';
import { type PortalSim, signWebhook, startPortalSim } from '@mot-cua/portal-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitIndexOf } from '../routes/admin-units/unit-index-cache.js';
import { buildTestApp, tempFileStore } from '../testing.js';
import { createPortalImporter } from './portal-importer.js';
import { createPortalInboundClient } from './portal-inbound-client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const SECRET = `webhook-${randomBytes(12).toString('hex')}`;

let database: Database;
let app: FastifyInstance;
let config: Config;
let sim: PortalSim;
let hook: string;
let unitCode: string;
let procedureCode: string;

beforeAll(async () => {
  database = await createTestDb();
  const units = await insertDossierTestUnits(database.db, 1);
  unitCode = units.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  ({ app, config } = await buildTestApp(database, { clock: systemClock, env: { PORTAL_WEBHOOK_SECRET: SECRET } }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  await unitIndexOf(database); // the address conversion's index, built once (slow on a shared, loaded database)
  const addr = app.server.address();
  hook = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/portal-imports/webhook`;
  sim = await startPortalSim({
    port: 0,
    dataDir: null,
    codePrefix: `W${randomBytes(3).toString('hex').toUpperCase()}`,
    webhook: { url: hook, secret: SECRET },
  });
});
afterAll(async () => {
  await sim.close();
  await app.close();
  await database.close();
});

const submission = (over: Record<string, unknown> = {}) => ({
  MaTTHC: procedureCode,
  MaDonVi: unitCode,
  ChuHoSo: { HoTen: 'Phạm Thị Đẩy', SoDinhDanh: '079190000888', SoDienThoai: '0909000888' },
  DaXacThucVNeID: true,
  TepDinhKem: [
    { TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF, DuocLayTuKhoDMQG: true },
  ],
  ...over,
});

async function submit(over: Record<string, unknown> = {}) {
  const r = await fetch(`${sim.url}/sim/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submission(over)),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { MaHoSoQG: string; seq: number }).MaHoSoQG;
}

const dossiersOf = (portalCode: string) =>
  database.db.selectFrom('dossiers').selectAll().where('portalCode', '=', portalCode).execute();

/** A push as the portal sends it, signed with `secret` at `timestamp` (seconds). */
async function push(body: string, opts: { secret?: string; timestamp?: number; signatureOf?: string } = {}) {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  return fetch(hook, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-dvcqg-timestamp': ts,
      'x-dvcqg-signature': signWebhook(opts.secret ?? SECRET, ts, opts.signatureOf ?? body),
    },
    body,
  });
}

describe('signed webhook push of online dossiers from the national portal', () => {
  it('imports a pushed dossier at once, and the pull later finds it already there', async () => {
    const code = await submit();
    await sim.webhook.settle();
    const attempts = sim.webhook.attempts().filter((a) => a.MaHoSoQG === code);
    // Imported by the first answered push; on a loaded machine an attempt may time out at the portal's side after
    // the import committed, and the portal's retry is then answered as a duplicate.
    expect(attempts.at(-1)).toMatchObject({ status: 200 });
    expect(attempts.filter((a) => a.status === 200).map((a) => a.outcome)[0]).toMatch(/^(imported|duplicate)$/);
    const [d] = await dossiersOf(code);
    expect(d).toMatchObject({ channel: 'online', status: 'new', receivingUnitCode: unitCode, vneidVerified: true });
    const comps = await database.db
      .selectFrom('dossierComponents')
      .select(['key', 'state', 'reused', 'fromCitizenStore'])
      .where('dossierId', '=', d!.id)
      .where('key', '=', 'c01')
      .execute();
    expect(comps).toEqual([{ key: 'c01', state: 'present', reused: false, fromCitizenStore: true }]);

    // The pull from the start of the feed: the pushed dossier is a duplicate, nothing imported twice.
    const source = `pull-${randomBytes(3).toString('hex')}`;
    const importer = createPortalImporter({
      deps: { config, database, clock: systemClock, files: tempFileStore() },
      client: createPortalInboundClient({ url: sim.url, timeoutMs: 2_000 }),
      source,
      pollMs: 10,
    });
    const r = await importer.tick();
    expect(r).toMatchObject({ imported: 0, duplicates: 1 });
    expect(await dossiersOf(code)).toHaveLength(1);
    // The push did not move the pull's cursor; the pull did.
    expect(await createPortalImportsRepository(database.db).readCursor(source)).toBe(String(r.fetched));
  });

  it('answers a replayed push as a duplicate', async () => {
    const code = await submit();
    await sim.webhook.settle();
    const s = (await (await fetch(`${sim.url}/api/v1/dossiers?cursor=0&limit=500`)).json()) as {
      items: Array<{ MaHoSoQG: string }>;
    };
    const item = s.items.find((i) => i.MaHoSoQG === code)!;
    const r = await push(JSON.stringify({ event: 'dossier.submitted', dossier: item }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ outcome: 'duplicate' });
    expect(await dossiersOf(code)).toHaveLength(1);
  });

  it('refuses a wrong secret, a changed body, an old timestamp and a missing signature, importing nothing', async () => {
    const item = { seq: 999_999, MaHoSoQG: `FORGED-${randomBytes(3).toString('hex')}`, ...submission() };
    const body = JSON.stringify({ event: 'dossier.submitted', dossier: item });
    const wrong = await push(body, { secret: 'not-the-shared-secret' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'PORTAL_WEBHOOK_SIGNATURE_INVALID' });
    const changed = await push(body.replace('Phạm Thị Đẩy', 'Kẻ Giả Mạo'), { signatureOf: body });
    expect(changed.status).toBe(401);
    const old = await push(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(old.status).toBe(401);
    const bare = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bare.status).toBe(401);
    expect(await dossiersOf(item.MaHoSoQG)).toHaveLength(0);
    expect(await createPortalImportsRepository(database.db).findImport(item.MaHoSoQG)).toBeUndefined();
  });

  it('checks a correctly signed body like the feed: an unknown commune goes to review with the reason', async () => {
    const bad = await push(JSON.stringify({ event: 'dossier.submitted', dossier: { MaHoSoQG: 'X' } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const code = await submit({ MaDonVi: '99999' });
    await sim.webhook.settle();
    expect(sim.webhook.attempts().find((a) => a.MaHoSoQG === code)).toMatchObject({
      status: 200,
      outcome: 'needs_review',
    });
    expect(await createPortalImportsRepository(database.db).findImport(code)).toMatchObject({ state: 'needs_review' });
  });

  it('is off (404) on a server without the shared secret', async () => {
    const { app: plain } = await buildTestApp(database);
    const r = await plain.inject({ method: 'POST', url: '/api/portal-imports/webhook', payload: { event: 'x' } });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'PORTAL_WEBHOOK_OFF' });
    await plain.close();
  });
});

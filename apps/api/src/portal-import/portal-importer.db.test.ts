import { randomBytes } from 'node:crypto';
import { loadConfig } from '@mot-cua/config';
import { acceptDossier, fixedClock, OUTBOX_TOPIC } from '@mot-cua/core';
import {
  createDossiersRepository,
  createOutboxRepository,
  createPortalImportsRepository,
  type Database,
} from '@mot-cua/db';
import { type PortalSim, startPortalSim } from '@mot-cua/portal-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../context.js';
import { setSimMode, simReceived, testDispatcher } from '../outbox/outbox-test-helpers.js';
import { dossierDeps } from '../routes/dossiers/dossier-deps.js';
import { tempFileStore } from '../testing.js';
import { createPortalImporter, type ImporterOptions } from './portal-importer.js';
import { createPortalInboundClient } from './portal-inbound-client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

let database: Database;
let sim: PortalSim;
let prefix: string;
let unitCode: string;
let provinceCode: string;
let procedureCode: string;
const clock = fixedClock(new Date());
let deps: AppDeps;

beforeAll(async () => {
  database = await createTestDb();
  prefix = `T${randomBytes(3).toString('hex').toUpperCase()}`;
  sim = await startPortalSim({ port: 0, dataDir: null, codePrefix: prefix });
  const units = await insertDossierTestUnits(database.db, 1);
  unitCode = units.communeCodes[0]!;
  provinceCode = units.provinceCode;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  deps = { config: loadConfig({ NODE_ENV: 'test' }), database, clock, files: tempFileStore() };
});
afterAll(async () => {
  await sim.close();
  await database.close();
});

async function submit(over: Record<string, unknown> = {}) {
  const r = await fetch(`${sim.url}/sim/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      MaTTHC: procedureCode,
      MaDonVi: unitCode,
      ChuHoSo: { HoTen: 'Lê Văn Trực Tuyến', SoDinhDanh: '079190000777', SoDienThoai: '0909000777', Email: 'a@b.vn' },
      DaXacThucVNeID: true,
      DaThanhToanTrucTuyen: true,
      TepDinhKem: [{ TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF }],
      ...over,
    }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { MaHoSoQG: string }).MaHoSoQG;
}

/** Each test pulls with its own cursor, from the simulator's current end (the simulator is shared). */
async function importer(over: Partial<ImporterOptions> = {}) {
  const source = `test-${randomBytes(4).toString('hex')}`;
  const page = (await (await fetch(`${sim.url}/api/v1/dossiers?cursor=0&limit=500`)).json()) as { nextCursor: number };
  await createPortalImportsRepository(database.db).saveCursor(source, String(page.nextCursor), clock.now());
  const make = (o: Partial<ImporterOptions> = {}) =>
    createPortalImporter({
      deps,
      client: createPortalInboundClient({ url: sim.url, timeoutMs: 1_000 }),
      source,
      pollMs: 10,
      random: () => 0.5,
      ...over,
      ...o,
    });
  return { source, make, imp: make() };
}

const dossierOf = (portalCode: string) =>
  database.db.selectFrom('dossiers').selectAll().where('portalCode', '=', portalCode).execute();

describe('importing online dossiers from the national portal', () => {
  it('registers each as an online dossier of the competent unit, with the portal code, flags and files', async () => {
    const { imp } = await importer();
    const code = await submit();
    const r = await imp.tick();
    expect(r).toMatchObject({ fetched: 1, imported: 1, failed: false });
    const [d] = await dossierOf(code);
    expect(d).toMatchObject({
      channel: 'online',
      status: 'new',
      receivingUnitCode: unitCode,
      vneidVerified: true,
      paidOnline: true,
      applicantName: 'Lê Văn Trực Tuyến',
    });
    const files = await database.db
      .selectFrom('dossierAttachments')
      .selectAll()
      .where('dossierId', '=', d!.id)
      .execute();
    expect(files.map((f) => [f.fileName, f.componentKey])).toEqual([['to-khai.pdf', 'c01']]);
    const outbox = await createDossiersRepository(database.db).listOutbox(d!.id);
    expect(outbox[0]!.payload).toMatchObject({ MaHoSoDVCQG: code, KenhThucHien: 2, TrangThaiHoSo: 1 });
    // Nothing new: the cursor moved past it.
    expect(await imp.tick()).toMatchObject({ fetched: 0, imported: 0 });
  });

  it('never imports the same portal dossier twice, even when the cursor is set back', async () => {
    const { imp, source } = await importer();
    const code = await submit();
    await imp.tick();
    await createPortalImportsRepository(database.db).saveCursor(source, '0', clock.now());
    const again = await imp.tick();
    expect(again.duplicates).toBeGreaterThanOrEqual(1);
    expect(again.imported).toBe(0);
    expect(await dossierOf(code)).toHaveLength(1);
  });

  it('sends what cannot be mapped to the review list with the reason, and moves on', async () => {
    const { imp } = await importer();
    const unknownUnit = await submit({ MaDonVi: '99999' });
    const unknownProcedure = await submit({ MaTTHC: '9.999999' });
    const badFile = await submit({
      TepDinhKem: [{ TenTep: 'x.exe', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: 'TVqQAAMAAAAEAAAA' }],
    });
    const fine = await submit();
    expect(await imp.tick()).toMatchObject({ imported: 1, needsReview: 3 });
    const list = await createPortalImportsRepository(database.db).listForReview({
      scopes: [unitCode],
      includeUnmapped: true,
      pendingOnly: true,
      limit: 1000,
    });
    const byCode = new Map(list.map((i) => [i.portalCode, i]));
    expect(byCode.get(unknownUnit)).toMatchObject({ state: 'needs_review', reason: 'UNIT_NOT_FOUND' });
    expect(byCode.get(unknownProcedure)).toMatchObject({ state: 'needs_review', reason: 'PROCEDURE_NOT_AVAILABLE' });
    expect(byCode.get(badFile)).toMatchObject({ state: 'needs_review', reason: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    expect(byCode.get(fine)).toMatchObject({ state: 'imported', status: 'new' });
    expect(await dossierOf(unknownUnit)).toHaveLength(0);
  });

  it('converts an old (pre-2025) commune code through the address conversion; a split one goes to review', async () => {
    const hex = randomBytes(3).toString('hex').toUpperCase();
    const other = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
    /** An old commune that became (part of) the given units on 1 July 2025. */
    const oldCommune = async (suffix: string, links: Array<{ to: string; share: 'full' | 'partial' }>) => {
      const code = `O${hex}${suffix}`;
      await sql`insert into admin_units (code, level, type, name, full_name, province_code, valid_to)
        values (${code}, 'commune', 'commune', ${`Cũ ${code}`}, ${`Xã Cũ ${code}`}, ${provinceCode}, '2025-06-30')`.execute(
        database.db,
      );
      const ev = await sql<{
        id: number;
      }>`insert into admin_unit_events (key, kind, effective_date, description, source)
        values (${`test-${code}`}, 'reorganisation', '2025-07-01', 'thử', 'admin') returning id`.execute(database.db);
      for (const l of links) {
        await sql`insert into admin_unit_event_links (event_id, from_code, to_code, share)
          values (${ev.rows[0]!.id}, ${code}, ${l.to}, ${l.share})`.execute(database.db);
      }
      return code;
    };
    const merged = await oldCommune('M', [{ to: unitCode, share: 'full' }]);
    const split = await oldCommune('S', [
      { to: unitCode, share: 'partial' },
      { to: other, share: 'partial' },
    ]);
    const { imp } = await importer();
    const viaOld = await submit({ MaDonVi: merged });
    const viaSplit = await submit({ MaDonVi: split });
    expect(await imp.tick()).toMatchObject({ imported: 1, needsReview: 1 });
    const [d] = await dossierOf(viaOld);
    expect(d).toMatchObject({ receivingUnitCode: unitCode, channel: 'online', status: 'new' });
    const log = await database.db.selectFrom('dossierActions').select('note').where('dossierId', '=', d!.id).execute();
    expect(log.map((l) => l.note).join(' ')).toContain(`mã đơn vị cũ ${merged} chuyển đổi thành ${unitCode}`);
    const review = await database.db
      .selectFrom('portalImports')
      .select(['state', 'reason', 'payload'])
      .where('portalCode', '=', viaSplit)
      .executeTakeFirstOrThrow();
    expect(review).toMatchObject({ state: 'needs_review', reason: 'OLD_UNIT_SPLIT' });
    expect([...(review.payload.successorUnitCodes as string[])].sort()).toEqual([unitCode, other].sort());
    expect(await dossierOf(viaSplit)).toHaveLength(0);
  });

  it('backs off on 500, down, a cut connection and a time-out, honours Retry-After, then imports once', async () => {
    const { imp } = await importer({ retryPolicy: { baseDelayMs: 1_000 } });
    const code = await submit();
    for (const [i, mode] of (['http500', 'down', 'drop', 'timeout'] as const).entries()) {
      await setSimMode(sim, mode);
      const r = await imp.tick();
      expect(r.failed, mode).toBe(true);
      const s = imp.status();
      // Exponential backoff with jitter fixed at 0.5: 0.75 s, 1.5 s, 3 s, 6 s.
      expect(s.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(750 * 2 ** i);
      // Nothing is tried before the time.
      expect(await imp.tick()).toMatchObject({ fetched: 0, failed: false });
      clock.advance(60_000);
    }
    await setSimMode(sim, 'throttle', 7);
    await imp.tick();
    expect(imp.status().nextAttemptAt!.getTime() - clock.now().getTime()).toBe(7_000);
    expect(imp.status().breaker.state).toBe('open');
    clock.advance(7_000);
    await setSimMode(sim, 'ok');
    expect(await imp.tick()).toMatchObject({ imported: 1 });
    expect(imp.status().failures).toBe(0);
    expect(await dossierOf(code)).toHaveLength(1);
  });

  it('loses and duplicates nothing after a crash between fetching and committing', async () => {
    const { make } = await importer();
    const codes = [await submit(), await submit(), await submit()];
    const crashing = make({
      afterFetch: async () => {
        throw new Error('killed after the fetch');
      },
    });
    await expect(crashing.tick()).rejects.toThrow('killed');
    for (const c of codes) expect(await dossierOf(c)).toHaveLength(0);
    // Restarted: a fresh importer reads the durable cursor and imports each once.
    expect(await make().tick()).toMatchObject({ imported: 3 });
    for (const c of codes) expect(await dossierOf(c)).toHaveLength(1);
  });

  it('loses and duplicates nothing after a crash in the middle of a page', async () => {
    const { make } = await importer();
    const codes = [await submit(), await submit(), await submit(), await submit()];
    let committed = 0;
    const crashing = make({
      afterCommit: async () => {
        if (++committed === 2) throw new Error('killed mid-page');
      },
    });
    await expect(crashing.tick()).rejects.toThrow('killed');
    expect((await Promise.all(codes.map(dossierOf))).map((r) => r.length)).toEqual([1, 1, 0, 0]);
    expect(await make().tick()).toMatchObject({ fetched: 2, imported: 2, duplicates: 0 });
    expect((await Promise.all(codes.map(dossierOf))).map((r) => r.length)).toEqual([1, 1, 1, 1]);
  });

  it('sends the status changes of an imported dossier back to the portal with its code', async () => {
    const { imp } = await importer();
    const code = await submit({
      TepDinhKem: [
        { TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF, DuocTaiSuDung: true },
        { TenTep: 'cccd.pdf', MaThanhPhan: 'c02', LoaiTep: 'application/pdf', NoiDung: PDF, DuocLayTuKhoDMQG: true },
      ],
    });
    await imp.tick();
    const [d] = await dossierOf(code);
    await database.db.transaction().execute((trx) =>
      acceptDossier(dossierDeps(trx, deps), {
        dossierId: d!.id,
        actor: { userId: null, name: 'Trần Thị Lan', role: 'reception', unitCode },
        components: [
          { key: 'c01', state: 'present' },
          { key: 'c02', state: 'present' },
        ],
      }),
    );
    const dispatcher = testDispatcher(database, sim, provinceCode);
    for (let i = 0; i < 5; i++) await dispatcher.tick();
    const got = (await simReceived(sim, `&dossier=${code}`)).items;
    expect(got.map((g) => g.payload.TrangThaiHoSo)).toEqual([1, 2]);
    expect(got.every((g) => g.payload.MaHoSoDVCQG === code && g.payload.DuocThanhToanTrucTuyen === 1)).toBe(true);
    // Where each component came from travels with it, also after reception re-saved the checklist on acceptance.
    for (const g of got) {
      const docs = g.payload.TaiLieuNop as Array<{
        MaThanhPhan: string;
        DuocTaiSuDung: number;
        DuocLayTuKhoDMQG: number;
      }>;
      expect(docs.map((x) => [x.MaThanhPhan, x.DuocTaiSuDung, x.DuocLayTuKhoDMQG])).toEqual([
        ['c01', 1, 0],
        ['c02', 0, 1],
      ]);
    }
    // Counted for the 766 indicators 4.3 and 4.4 of the province (dossiers received this month).
    const row = (
      await createOutboxRepository(database.db).syncByProvince({
        from: new Date(Date.now() - 40 * 86_400_000),
        to: new Date(Date.now() + 86_400_000),
        now: new Date(),
        topic: OUTBOX_TOPIC,
      })
    ).find((p) => p.provinceCode === provinceCode);
    expect(row).toMatchObject({ reused: 1, fromCitizenStore: 1 });
    const count = await sql<{ n: number }>`select count(*)::int as n from dossiers where portal_code = ${code}`.execute(
      database.db,
    );
    expect(Number(count.rows[0]!.n)).toBe(1);
  });
});

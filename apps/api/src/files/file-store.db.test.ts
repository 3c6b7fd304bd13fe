import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, utimesSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fixedClock } from '@mot-cua/core';
import { createStoredFilesRepository, type Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCitizen, startTestIdentity } from '../routes/citizens/oidc-test-helpers.js';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../testing.js';
import { moveFilesOutOfDatabase, sweepOrphanFiles } from './file-maintenance.js';
import type { FileStore } from './file-store.js';
import { createFsFileStore } from './fs-file-store.js';

let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let unit: string;
let procedureCode: string;
let reception: Signed;
let citizen: Signed;
let root: string;
/** The store the app uses: the real one under a temporary DATA_DIR, or one whose disk is full. */
let store: FileStore;
let diskFull = false;

const CITIZEN_ID = '079190001234'; // a demo citizen of the local identity provider
// Contents unique to this run (on PostgreSQL the database outlives a run and is shared by test files).
const RUN = randomUUID();
const pdf = (tag: string, n = 50_000) =>
  Buffer.concat([Buffer.from(`%PDF-1.4\n%${tag} ${RUN}\n`), Buffer.alloc(n, 0x20)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Part = { field: string; name?: string; content: Buffer | string; type?: string };
function multipart(parts: Part[]) {
  const boundary = '----motcua-files-boundary';
  const out: Buffer[] = [];
  for (const p of parts) {
    const head = p.name
      ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: ${p.type ?? 'application/pdf'}`
      : `Content-Disposition: form-data; name="${p.field}"`;
    out.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(out), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
/** What this file's unit holds (other test files may write to a shared PostgreSQL database at the same time). */
async function ours(hashes: string[]) {
  const n = async (q: { execute(db: Database['db']): Promise<{ rows: { n: number }[] }> }) =>
    Number((await q.execute(database.db)).rows[0]?.n);
  return {
    dossiers: await n(sql<{ n: number }>`select count(*)::int as n from dossiers where receiving_unit_code = ${unit}`),
    attachments: await n(sql<{ n: number }>`select count(*)::int as n from dossier_attachments a
      join dossiers d on d.id = a.dossier_id where d.receiving_unit_code = ${unit}`),
    files: await n(
      sql<{ n: number }>`select count(*)::int as n from stored_files where sha256 in (${sql.join(hashes)})`,
    ),
  };
}

async function receive(): Promise<string> {
  const res = await receiveAtCounter(app, reception, {
    procedureCode,
    unitCode: unit,
    applicant: { fullName: 'Trần Văn Tệp', phone: '0909123456', idNumber: '079190000077' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const attach = (id: string, files: Part[]) => {
  const m = multipart([{ field: 'componentKey', content: 'c01' }, ...files]);
  return app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/attachments`,
    headers: { ...reception.headers, ...m.headers },
    payload: m.payload,
  });
};

beforeAll(async () => {
  database = await createTestDb();
  root = join(mkdtempSync(join(tmpdir(), 'mc-files-db-')), 'files');
  const real = createFsFileStore(root);
  const full = createFsFileStore(root, { openSpool: () => open('/dev/full', 'w') });
  // Every call goes to the real store, or to the full disk while `diskFull` is on.
  const pick = () => (diskFull ? full : real);
  store = {
    kind: 'fs',
    put: (s, r) => pick().put(s, r),
    open: (h) => real.open(h),
    has: (h) => real.has(h),
    delete: (h) => real.delete(h),
    list: () => real.list(),
    sweepTemporary: (t) => real.sweepTemporary(t),
  };
  const t = await startTestIdentity();
  sim = t.sim;
  ({ app } = await buildTestApp(database, {
    clock: fixedClock('2026-03-02T02:00:00Z'),
    identity: t.identity,
    files: store,
  }));
  const u = await insertDossierTestUnits(database.db, 1);
  unit = u.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
  citizen = await signInCitizen(app, CITIZEN_ID);
}, 600_000);
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe('attachments in the file store', () => {
  it('an upload goes to the store (row without bytes) and the download streams the same bytes back', async () => {
    const id = await receive();
    const a = pdf('a');
    const res = await attach(id, [{ field: 'file', name: 'to-khai.pdf', content: a }]);
    expect(res.statusCode, res.body).toBe(200);
    const row = await database.db
      .selectFrom('storedFiles')
      .select(['sizeBytes', 'content'])
      .where('sha256', '=', sha(a))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sizeBytes: a.length, content: null });
    expect(existsSync(join(root, sha(a).slice(0, 2), sha(a).slice(2, 4), sha(a)))).toBe(true);
    const att = (res.json().attachments as { id: string; fileName: string }[]).find(
      (x) => x.fileName === 'to-khai.pdf',
    );
    const dl = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${id}/attachments/${att!.id}`,
      headers: { cookie: reception.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-length']).toBe(String(a.length));
    expect(dl.headers.etag).toBe(`"${sha(a)}"`);
    expect(dl.rawPayload.equals(a)).toBe(true);
  });

  it('refuses a file whose bytes are not PDF/JPEG/PNG (checked on the stream) and records nothing', async () => {
    const id = await receive();
    const virus = Buffer.from(`MZ${'x'.repeat(5000)} ${RUN}`);
    const res = await attach(id, [{ field: 'file', name: 'virus.pdf', content: virus }]);
    expect([res.statusCode, res.json().code]).toEqual([415, 'ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect((await ours([sha(virus)])).files).toBe(0);
    expect(await store.has(sha(virus))).toBe(false);
  });

  it('a full disk answers 507 STORAGE_FULL (problem+json, Vietnamese first) and leaves no partial dossier', async () => {
    const id = await receive();
    const mineBefore = await app.inject({
      method: 'GET',
      url: '/api/citizen/dossiers',
      headers: { cookie: citizen.cookie },
    });
    const refused = [sha(pdf('full-1')), sha(pdf('full-2'))];
    const before = await ours(refused);
    expect(before.files).toBe(0);
    diskFull = true;
    try {
      const attached = await attach(id, [{ field: 'file', name: 'to-khai.pdf', content: pdf('full-1') }]);
      expect(attached.statusCode).toBe(507);
      expect(attached.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(attached.json()).toMatchObject({ code: 'STORAGE_FULL', status: 507 });
      expect(attached.json().detail).toMatch(/Kho lưu trữ tệp đã đầy/);
      expect(attached.headers['content-language']).toBe('vi');

      // A citizen's online submission (the dossier and its files in one request): no dossier at all.
      const m = multipart([
        { field: 'data', content: JSON.stringify({ procedureCode, receivingUnitCode: unit, phone: '0912345678' }) },
        { field: 'c01', name: 'to-khai.pdf', content: pdf('full-2') },
      ]);
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/citizen/dossiers',
        headers: { ...citizen.headers, ...m.headers },
        payload: m.payload,
      });
      expect([submitted.statusCode, submitted.json().code]).toEqual([507, 'STORAGE_FULL']);
    } finally {
      diskFull = false;
    }
    expect(await ours(refused)).toEqual(before);
    for (const h of refused) expect(await store.has(h)).toBe(false);
    const mine = await app.inject({ method: 'GET', url: '/api/citizen/dossiers', headers: { cookie: citizen.cookie } });
    expect(mine.json().total).toBe(mineBefore.json().total);
    // Space again: the same submission goes through.
    const again = await attach(id, [{ field: 'file', name: 'to-khai.pdf', content: pdf('full-1') }]);
    expect(again.statusCode, again.body).toBe(200);
  });
});

describe('contents moved out of the database, orphans swept', () => {
  it('moves contents still in rows (before migration 0145, the demo seed) to the store; downloads then work', async () => {
    const id = await receive();
    const legacy = pdf('legacy', 120_000);
    const files = createStoredFilesRepository(database.db);
    await files.insertWithContent({
      sha256: sha(legacy),
      sizeBytes: legacy.length,
      mediaType: 'application/pdf',
      content: legacy,
    });
    const [att] = await sql<{ id: string }>`
      insert into dossier_attachments (dossier_id, province_code, kind, component_key, file_name, sha256)
      select id, province_code, 'component', 'c02', 'cu.pdf', ${sha(legacy)} from dossiers where id = ${id}
      returning id`
      .execute(database.db)
      .then((r) => r.rows);
    expect(await store.has(sha(legacy))).toBe(false);
    const r = await moveFilesOutOfDatabase(database, store);
    expect(r.moved).toBeGreaterThanOrEqual(1);
    expect(r.mismatched).toEqual([]);
    expect((await files.count()).pending).toBe(0);
    expect(await store.has(sha(legacy))).toBe(true);
    const dl = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${id}/attachments/${att!.id}`,
      headers: { cookie: reception.cookie },
    });
    expect(dl.rawPayload.equals(legacy)).toBe(true);
    // Again: nothing to do.
    expect((await moveFilesOutOfDatabase(database, store)).moved).toBe(0);
  });

  it('a row whose bytes do not match its hash stays in the database and is reported', async () => {
    const wrong = pdf('wrong');
    const claimed = createHash('sha256').update(`not the content ${RUN}`).digest('hex');
    await createStoredFilesRepository(database.db).insertWithContent({
      sha256: claimed,
      sizeBytes: wrong.length,
      mediaType: 'application/pdf',
      content: wrong,
    });
    const r = await moveFilesOutOfDatabase(database, store);
    expect(r.mismatched).toEqual([claimed]);
    expect((await createStoredFilesRepository(database.db).count()).pending).toBe(1);
    await sql`delete from stored_files where sha256 = ${claimed}`.execute(database.db);
  });

  it('the sweep removes unreferenced contents past the grace period, keeps referenced and recent ones', async () => {
    const orphanOld = await store.put(Readable.from([pdf('orphan-old')]), { maxBytes: 1e6, sniff: () => 'x' });
    const orphanNew = await store.put(Readable.from([pdf('orphan-new')]), { maxBytes: 1e6, sniff: () => 'x' });
    const p = join(root, orphanOld.sha256.slice(0, 2), orphanOld.sha256.slice(2, 4), orphanOld.sha256);
    utimesSync(p, new Date('2026-01-01'), new Date('2026-01-01'));
    // The contents of this file's store that rows reference (on PostgreSQL the database is shared with other
    // test files, whose rows point at their own stores), made old: only the reference keeps them.
    const referenced = (await database.db.selectFrom('storedFiles').select('sha256').execute())
      .map((r) => r.sha256)
      .filter((h) => existsSync(join(root, h.slice(0, 2), h.slice(2, 4), h)));
    expect(referenced.length).toBeGreaterThanOrEqual(2);
    for (const h of referenced) {
      utimesSync(join(root, h.slice(0, 2), h.slice(2, 4), h), new Date('2026-01-01'), new Date('2026-01-01'));
    }
    const dry = await sweepOrphanFiles(database, store, { now: new Date(), graceMs: 3_600_000, dryRun: true });
    expect(dry.removed).toBe(1);
    expect(await store.has(orphanOld.sha256)).toBe(true);
    const r = await sweepOrphanFiles(database, store, { now: new Date(), graceMs: 3_600_000 });
    expect(r.removed).toBe(1);
    expect(await store.has(orphanOld.sha256)).toBe(false);
    expect(await store.has(orphanNew.sha256)).toBe(true);
    for (const h of referenced) expect(await store.has(h)).toBe(true);
  });
});

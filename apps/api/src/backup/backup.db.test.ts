import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@mot-cua/core';
import { type Database, migrate, openDatabase, sealAuditTrail, verifyAuditChain } from '@mot-cua/db';
import {
  createScratchDatabase,
  insertDossierTestUnits,
  loadDossierTestProcedure,
  testDatabaseKind,
} from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsFileStore } from '../files/fs-file-store.js';
import { buildTestApp, receiveAtCounter, signIn } from '../testing.js';
import { backup, checkRestore, readManifest, restoreDatabase, restoreFiles } from './backup.js';

/**
 * Back up (database + attachment contents), wipe both, restore, and verify: row counts, dossier codes, the audit
 * chain (`audit:verify`) and the files, down to a download of the same bytes. PGlite by default; PostgreSQL with
 * TEST_DATABASE_URL (a scratch database: pg_dump -Fc, then the schema dropped, then pg_restore).
 */
const onPostgres = testDatabaseKind() === 'postgres';
let scratch: { url: string; drop(): Promise<void> } | null = null;
let database: Database;
const tmp = mkdtempSync(join(tmpdir(), 'mc-backup-test-'));
const filesRoot = join(tmp, 'data', 'files');
const backupDir = join(tmp, 'backup');
const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% dossier ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
/** The smallest valid PNG (1×1): a feedback photo. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const open = (o: { databaseUrl?: string; dataDir?: string; loadDataDir?: Blob }) =>
  openDatabase(o.databaseUrl ? { databaseUrl: o.databaseUrl, poolSize: 2 } : o);

beforeAll(async () => {
  if (onPostgres) scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
  database = await open(scratch ? { databaseUrl: scratch.url } : { dataDir: 'memory://' });
  await migrate(database);
}, 600_000);
afterAll(async () => {
  await database?.close();
  await scratch?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up, wipes, restores and gives back the same counts, codes, audit chain and files', async () => {
    // Some real activity through the app: dossiers received, files uploaded, reads audited.
    const store = createFsFileStore(filesRoot);
    const { app } = await buildTestApp(
      { ...database, close: async () => {} },
      { clock: fixedClock('2026-03-02T02:00:00Z'), files: store },
    );
    const u = await insertDossierTestUnits(database.db, 1);
    const unit = u.communeCodes[0]!;
    const { code: procedureCode } = await loadDossierTestProcedure(database.db, { unitCode: unit });
    const reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
    const uploads: { dossierId: string; attachmentId: string; bytes: Buffer }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await receiveAtCounter(app, reception, {
        procedureCode,
        unitCode: unit,
        applicant: { fullName: `Người Nộp ${i}`, phone: '0909123456', idNumber: `07919000010${i}` },
      });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id as string;
      const boundary = '----backup-test';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\nc01\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        PDF(i),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const a = await app.inject({
        method: 'POST',
        url: `/api/dossiers/${id}/attachments`,
        headers: { ...reception.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(a.statusCode, a.body).toBe(200);
      uploads.push({ dossierId: id, attachmentId: a.json().attachments[0].id, bytes: PDF(i) });
      expect(
        (await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: reception.headers })).statusCode,
      ).toBe(200);
    }
    // A feedback with a photo: photos are in the file store too (migration 0191) and travel with the backup.
    const fb = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: {
        kind: 'report',
        title: 'Đèn đường hỏng',
        content: 'Đèn đường trước nhà văn hóa khu phố bị hỏng nhiều ngày.',
        communeCode: unit,
        anonymous: true,
        photos: [{ fileName: 'den.png', dataBase64: PHOTO.toString('base64') }],
      },
    });
    expect(fb.statusCode, fb.body).toBe(201);
    const photoId = (
      await database.db
        .selectFrom('feedbackPhotos')
        .select('id')
        .where('feedbackId', '=', fb.json().id)
        .executeTakeFirstOrThrow()
    ).id;
    await app.close();
    const codesBefore = (await sql<{ code: string }>`select code from dossiers order by code`.execute(database.db))
      .rows;
    await sealAuditTrail(database.db);
    const chainBefore = await verifyAuditChain(database.db);
    expect(chainBefore.firstBroken).toBeNull();

    const m = await backup({ database, databaseUrl: scratch?.url, store, dir: backupDir });
    expect(m.database).toBe(onPostgres ? 'postgres' : 'pglite');
    expect(m.files).toBe(4);
    expect(m.dossierCodes.count).toBe(codesBefore.length);
    expect(m.auditChain).toEqual({ rows: chainBefore.rows, intact: true });
    expect(readdirSync(join(backupDir, 'files')).sort()).toEqual(
      [...uploads.map((x) => sha(x.bytes)), sha(PHOTO)].sort(),
    );

    // Wipe: the database (schema dropped on PostgreSQL; the in-memory PGlite closed and gone) and the files.
    if (onPostgres) {
      await sql`drop schema public cascade`.execute(database.db);
      await sql`create schema public`.execute(database.db);
      expect(
        (await sql`select 1 from information_schema.tables where table_name = 'dossiers'`.execute(database.db)).rows,
      ).toEqual([]);
    }
    await database.close();
    rmSync(filesRoot, { recursive: true, force: true });

    // Restore into a fresh store and database, from the folder alone.
    const manifest = await readManifest(backupDir);
    const restoredStore = createFsFileStore(filesRoot);
    expect(await restoreFiles(backupDir, restoredStore)).toBe(4);
    database = await restoreDatabase(backupDir, manifest, { databaseUrl: scratch?.url, pgliteDir: 'memory://' }, open);
    const check = await checkRestore(database, restoredStore, manifest);
    expect(check).toEqual({
      countsMatch: true,
      differences: {},
      dossierCodesMatch: true,
      auditChain: { rows: chainBefore.rows, firstBroken: null },
      missingFiles: [],
    });
    expect((await sql<{ code: string }>`select code from dossiers order by code`.execute(database.db)).rows).toEqual(
      codesBefore,
    );
    // The restored app serves the same bytes, and the chain goes on from the restored head.
    const after = await buildTestApp(
      { ...database, close: async () => {} },
      { clock: fixedClock('2026-03-02T03:00:00Z'), files: restoredStore },
    );
    const official = await signIn(after.app, database, [{ role: 'reception', unitCode: unit }]);
    for (const x of uploads) {
      const dl = await after.app.inject({
        method: 'GET',
        url: `/api/dossiers/${x.dossierId}/attachments/${x.attachmentId}`,
        headers: official.headers,
      });
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(x.bytes)).toBe(true);
    }
    const photo = await after.app.inject({
      method: 'GET',
      url: `/api/feedback/photos/${photoId}`,
      headers: official.headers,
    });
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
    expect(photo.rawPayload.equals(PHOTO)).toBe(true);
    await after.app.close();
    await sealAuditTrail(database.db);
    const chainAfter = await verifyAuditChain(database.db);
    expect(chainAfter.firstBroken).toBeNull();
    expect(chainAfter.rows).toBeGreaterThan(chainBefore.rows);
  });

  it('a damaged backup is refused: a file whose bytes do not match its name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-backup-bad-'));
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files', 'a'.repeat(64)), 'not what the name says');
    await expect(restoreFiles(dir, createFsFileStore(join(dir, 'store')))).rejects.toThrow(/does not match its name/);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@mot-cua/db';
import { type PortalSim, startPortalSim } from '@mot-cua/portal-sim';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simReceived } from '../outbox/outbox-test-helpers.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DOSSIERS = 120;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });

/**
 * The product itself (`apps/api/src/main.ts`, as `npm start` runs it) importing online dossiers from the portal
 * simulator, killed with SIGKILL in the middle of the import and started again: every dossier imported once,
 * none lost, and each one's first status (1, newly registered) stored once at the portal. On PostgreSQL only
 * (a second process on the same data needs a server database).
 */
describe.skipIf(!pgUrl)('the product killed with SIGKILL during the import of online dossiers', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  let sim: PortalSim;
  let dataDir: string;
  let port: number;
  const prefix = `K${randomBytes(3).toString('hex').toUpperCase()}`;
  const children: ChildProcess[] = [];

  /** Start the product; resolves when it logs that it is ready (migrations, master data and demo done). */
  const startProduct = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: scratch.url,
          PORT: String(port),
          DATA_DIR: dataDir,
          PORTAL_URL: sim.url,
          PORTAL_IMPORT_POLL_MS: '200',
          OUTBOX_POLL_MS: '50',
          OUTBOX_TIMEOUT_MS: '2000',
          NOTIFY_SIM_PORT: '0',
          SMTP_SIM_PORT: '0',
          OIDC_SIM_PORT: '0',
          PAYMENT_SIM_PORT: '0',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out.slice(-2000)}`)), 240_000);
      child.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('is ready at')) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.stderr?.on('data', (b: Buffer) => {
        out += b.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!out.includes('is ready at')) reject(new Error(`exited ${code}:\n${out.slice(-2000)}`));
      });
    });

  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(database.db)).rows[0]!.n);
  const imported = () =>
    count(sql<{ n: number }>`select count(*)::int as n from portal_imports where portal_code like ${`${prefix}-%`}`);
  const waitFor = async (fn: () => Promise<boolean>, ms: number) => {
    const end = Date.now() + ms;
    while (!(await fn())) {
      if (Date.now() > end) throw new Error('not reached in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl!);
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-import-crash-'));
    port = await freePort();
    sim = await startPortalSim({ port: 0, dataDir: null, codePrefix: prefix });
    // Citizens submit on the portal before the product comes up: it finds a backlog to import.
    for (let i = 0; i < DOSSIERS; i++) {
      const r = await fetch(`${sim.url}/sim/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          MaTTHC: '1.001193',
          MaDonVi: '26743',
          ChuHoSo: { HoTen: `Công Dân ${i}`, SoDinhDanh: `0791900${String(i).padStart(5, '0')}` },
          DaXacThucVNeID: i % 2 === 0,
          TepDinhKem: [{ TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF }],
        }),
      });
      expect(r.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await sim?.close();
    await database?.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('imports every dossier once and pushes each first status once after kill -9 and restart', async () => {
    const first = await startProduct();
    await waitFor(async () => (await imported()) >= 10, 120_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await imported();
    console.info(`import-crash: killed with ${atKill} of ${DOSSIERS} imported`);
    // Killed in the middle: some imported, not all.
    expect(atKill).toBeGreaterThanOrEqual(10);
    expect(atKill).toBeLessThan(DOSSIERS);

    await startProduct();
    await waitFor(async () => (await imported()) === DOSSIERS, 180_000);
    const ours = sql<{ n: number }>`select count(*)::int as n from dossiers where portal_code like ${`${prefix}-%`}`;
    await waitFor(
      async () =>
        (await count(sql<{ n: number }>`select count(*)::int as n from outbox_messages o
          join dossiers d on o.aggregate_id = d.id::text
          where d.portal_code like ${`${prefix}-%`} and o.topic = 'dvcqg.dossier_status' and o.delivered_at is not null`)) ===
        DOSSIERS,
      120_000,
    );

    // Nothing duplicated: one dossier per portal code, every import recorded once, the cursor at the end.
    expect(await count(ours)).toBe(DOSSIERS);
    expect(
      await count(sql<{ n: number }>`select count(distinct portal_code)::int as n from dossiers
        where portal_code like ${`${prefix}-%`}`),
    ).toBe(DOSSIERS);
    expect(
      await count(sql<{ n: number }>`select count(*)::int as n from portal_imports
        where portal_code like ${`${prefix}-%`} and state = 'imported'`),
    ).toBe(DOSSIERS);
    const cursor = await database.db
      .selectFrom('portalImportCursors')
      .select('cursor')
      .where('source', '=', 'dvcqg')
      .executeTakeFirstOrThrow();
    expect(cursor.cursor).toBe(String(DOSSIERS));

    // The portal stored each dossier's first status exactly once (status 1, with its portal code).
    const got = (await simReceived(sim)).items.filter((i) =>
      String(i.payload.MaHoSoDVCQG ?? '').startsWith(`${prefix}-`),
    );
    const perDossier = new Map<string, number[]>();
    for (const g of got) {
      const code = String(g.payload.MaHoSoDVCQG);
      perDossier.set(code, [...(perDossier.get(code) ?? []), Number(g.payload.TrangThaiHoSo)]);
    }
    expect(perDossier.size).toBe(DOSSIERS);
    for (const statuses of perDossier.values()) expect(statuses).toEqual([1]);
  }, 600_000);
});

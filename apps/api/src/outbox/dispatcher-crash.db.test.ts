import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Database, migrate, openDatabase } from '@mot-cua/db';
import type { PortalSim } from '@mot-cua/portal-sim';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimMode, simReceived, startTestSim } from './outbox-test-helpers.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DOSSIERS = 60;
const CHANGES = 5;

const payload = (dossier: number, status: number) => ({
  MaHoSo: `X79.26743-260302-${String(dossier).padStart(4, '0')}`,
  MaTTHC: '1.001193',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Ánh',
  LoaiDoiTuong: 1,
  NgayNopHoSo: '20260302090000',
  TrangThaiHoSo: status,
  DonViXuLy: 'Phường Bến Thành',
  QuaTrinhXuLy: [
    { NguoiXuLy: 'Trần Thị Lan', ThoiDiemXuLy: '20260302090000', NoiDungXuLy: 'Xử lý', TrangThai: status },
  ],
});

/**
 * `npm run dispatcher` processes on one PostgreSQL database: two at once, one killed with SIGKILL in the middle
 * of delivering and restarted. PGlite allows one process per data folder, so this runs on PostgreSQL only.
 */
describe.skipIf(!pgUrl)('dispatcher processes on PostgreSQL: two at once, kill -9, restart', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  let sim: PortalSim;
  const children: ChildProcess[] = [];

  const startDispatcher = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/dispatcher-main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: scratch.url,
        PORTAL_URL: sim.url,
        OUTBOX_CONCURRENCY: '8',
        // Long enough that a busy CI machine does not time requests out (a timed-out request is rightly sent
        // again, which is not what this test counts); the killed dispatcher's leases expire 5 s after it.
        OUTBOX_TIMEOUT_MS: '5000',
        OUTBOX_POLL_MS: '50',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.resume();
    child.stderr?.resume();
    children.push(child);
    return child;
  };
  const delivered = async () =>
    Number(
      (
        await database.db
          .selectFrom('outboxMessages')
          .select((e) => e.fn.countAll().as('n'))
          .where('deliveredAt', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const waitFor = async (fn: () => Promise<boolean>, ms: number) => {
    const end = Date.now() + ms;
    while (!(await fn())) {
      if (Date.now() > end) throw new Error('not reached in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl!);
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    await migrate(database);
    sim = await startTestSim();
    const rows = [];
    for (let c = 1; c <= CHANGES; c++) {
      for (let d = 1; d <= DOSSIERS; d++) {
        rows.push({
          provinceCode: '79',
          topic: 'dvcqg.dossier_status',
          aggregateType: 'dossier',
          aggregateId: `d${d}`,
          idempotencyKey: `dossier:d${d}:${c}`,
          payload: JSON.stringify(payload(d, c)),
        });
      }
    }
    await database.db.insertInto('outboxMessages').values(rows).execute();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await sim?.close();
    await database?.close();
    await scratch?.drop();
  });

  it('delivers every row once and in order per dossier, nothing lost after kill -9', async () => {
    await setSimMode(sim, 'slow', 0.02);
    const a = startDispatcher();
    startDispatcher();
    await waitFor(async () => (await simReceived(sim)).total >= 80, 60_000);
    a.kill('SIGKILL');
    await new Promise((r) => a.once('exit', r));
    await waitFor(async () => (await simReceived(sim)).total >= 160, 60_000);
    startDispatcher(); // the killed one, restarted
    await waitFor(async () => (await delivered()) === DOSSIERS * CHANGES, 90_000);

    const got = await simReceived(sim);
    expect(got.total).toBe(DOSSIERS * CHANGES);
    // Stored once per key; arrival order per dossier is the order of its changes.
    for (let d = 1; d <= DOSSIERS; d++) {
      const mine = got.items.filter((i) => i.idempotencyKey.startsWith(`dossier:d${d}:`));
      expect(mine.map((i) => i.idempotencyKey)).toEqual(
        Array.from({ length: CHANGES }, (_, k) => `dossier:d${d}:${k + 1}`),
      );
    }
    // Only rows the killed dispatcher had in flight (at most its concurrency) were ever sent twice:
    // the two live dispatchers never sent the same row.
    const resent = got.items.filter((i) => i.requests > 1);
    expect(resent.length).toBeLessThanOrEqual(8);
  }, 180_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@mot-cua/db';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The product as it runs (`npm start`: the API process with demo data) is killed with SIGKILL while eight
// clients are receiving dossiers at one counter, then started again on the same database: every receipt the
// server acknowledged (201 with a code) is there after the restart, with its code, and the codes go on without
// reusing one. On PGlite the same data folder is reopened; on PostgreSQL a scratch database is used. Then the
// server is killed again and the database read directly: no dossier of the loop (acknowledged or not) is half
// written — each has its checklist, its log, its audit row, its portal outbox row and its final code.
const pgUrl = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const CLIENTS = 8;
const KILL_AFTER = 40;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 while receipts are acknowledged, then restart on the same database', () => {
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
  let child: ChildProcess | undefined;
  let base = '';
  let output = '';

  const start = async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        PORTAL_SIM_PORT: '0',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    const until = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode}):\n${output}`);
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      if (Date.now() > until) throw new Error(`the server did not get ready:\n${output}`);
      await sleep(250);
    }
  };

  const signIn = async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.benthanh', password: 'motcua2025' }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  };

  beforeAll(async () => {
    if (pgUrl) scratch = await createScratchDatabase(pgUrl);
    await start();
  }, 300_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged receipt and never reuses a code', { timeout: 600_000 }, async () => {
    let headers = await signIn();
    // The counter's checklist as the server gives it: every row required at the counter handed in.
    const checklist = await fetch(`${base}/api/dossiers/checklist`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: '1.001193', receivingUnitCode: '26743', channel: 'in_person' }),
    });
    expect(checklist.status, await checklist.clone().text()).toBe(200);
    const { rows } = (await checklist.json()) as { rows: Array<{ key: string; initialState: string }> };
    const body = JSON.stringify({
      mode: 'receive',
      channel: 'in_person',
      procedureCode: '1.001193',
      receivingUnitCode: '26743',
      applicant: { fullName: 'Nguyễn Văn Bền', phone: '0909123456' },
      components: rows.filter((r) => r.initialState === 'missing').map((r) => ({ key: r.key, state: 'present' })),
    });
    const receive = (h: Record<string, string>) =>
      fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { ...h, 'content-type': 'application/json' },
        body,
      });

    // One receipt first, to be sure the payload is one the server accepts.
    const first = await receive(headers);
    expect(first.status, await first.clone().text()).toBe(201);
    const acknowledged: Array<{ id: string; code: string }> = [];
    acknowledged.push((await first.json()) as { id: string; code: string });

    let killed = false;
    const victim = child!;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (!killed) {
          const res = await receive(headers).catch(() => undefined);
          if (!res) return; // the connection died with the server: not acknowledged
          if (res.status !== 201) continue;
          const d = (await res.json().catch(() => undefined)) as { id: string; code: string } | undefined;
          if (!d) return;
          acknowledged.push(d);
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            victim.kill('SIGKILL');
          }
        }
      }),
    );
    await new Promise((r) => (victim.exitCode !== null || victim.signalCode ? r(null) : victim.once('exit', r)));
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    await start();
    headers = await signIn();
    for (const d of acknowledged) {
      const res = await fetch(`${base}/api/dossiers/${d.id}`, { headers });
      expect(res.status, `${d.code} after the restart`).toBe(200);
      expect(((await res.json()) as { code: string }).code).toBe(d.code);
    }
    expect(new Set(acknowledged.map((d) => d.code)).size).toBe(acknowledged.length);
    const after = await receive(headers);
    expect(after.status).toBe(201);
    const next = ((await after.json()) as { code: string }).code;
    expect(acknowledged.map((d) => d.code)).not.toContain(next);

    // Killed again, the database read as it lies: every dossier of the loop is whole (one statement wrote it).
    const last = child!;
    last.kill('SIGKILL');
    await new Promise((r) => (last.exitCode !== null || last.signalCode ? r(null) : last.once('exit', r)));
    const db = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: join(dataDir, 'pglite') });
    try {
      const rows = await db.withRawChannel((raw) =>
        raw.query<{ id: string; code: string; components: number; actions: number; audits: number; portal: number }>(
          `select d.id::text as id, d.code,
                  (select count(*)::int from dossier_components c where c.dossier_id = d.id) as components,
                  (select count(*)::int from dossier_actions a where a.dossier_id = d.id) as actions,
                  (select count(*)::int from audit_events e
                    where e.entity_id = d.id::text and e.action = 'dossier.received') as audits,
                  (select count(*)::int from outbox_messages o
                    where o.aggregate_id = d.id::text and o.topic = 'dvcqg.dossier_status') as portal
             from dossiers d where d.applicant_name = $1`,
          ['Nguyễn Văn Bền'],
        ),
      );
      // Every acknowledged one, plus any the server committed while its answer died with it.
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
      const half = rows.filter(
        (r) => r.code.startsWith('~') || r.components === 0 || r.actions !== 1 || r.audits !== 1 || r.portal !== 1,
      );
      expect(half).toEqual([]);
      // No applicant message still carries the placeholder code of an unfinished write.
      const placeholders = await db.withRawChannel((raw) =>
        raw.query<{ n: number }>(
          `select count(*)::int as n from outbox_messages
            where topic like 'notify.%' and payload::text ~ '~[0-9a-f]{8}-[0-9a-f]{4}-'`,
        ),
      );
      expect(placeholders[0]?.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});

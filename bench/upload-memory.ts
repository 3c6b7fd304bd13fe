/**
 * Memory of the API process under parallel uploads (issue 16): BENCH_UPLOADS (4) clients each send one multipart
 * body of BENCH_FILES (10) PDF files of BENCH_FILE_MIB (10) MiB to POST /api/dossiers/:id/attachments over real
 * HTTP, at the same time. The bodies are generated while they are sent (one 1 MiB chunk reused), so the figure is
 * the server's. RSS is sampled every 20 ms; the report gives it before the uploads, its peak and the heap.
 *
 *   npx tsx bench/upload-memory.ts                          # PostgreSQL at postgres://postgres@127.0.0.1:5432
 *   BENCH_DB=pglite npx tsx bench/upload-memory.ts          # embedded, in memory
 *   BENCH_PG_URL=postgres://user@host:5432 BENCH_UPLOADS=4 BENCH_FILES=10 npx tsx bench/upload-memory.ts
 *
 * Uses a throwaway database (upload_bench_<pid>) and a temporary DATA_DIR, both removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@mot-cua/core';
import { migrate, openDatabase } from '@mot-cua/db';
import { insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import pg from 'pg';
import { createApp } from '../apps/api/src/app.js';
import { counterReceipt } from './action-sequence.js';
import { benchConfig } from './bench-config.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const onPglite = process.env.BENCH_DB === 'pglite';
const uploads = Number(process.env.BENCH_UPLOADS ?? 4);
const filesPerUpload = Number(process.env.BENCH_FILES ?? 10);
const fileBytes = Number(process.env.BENCH_FILE_MIB ?? 10) * 1024 * 1024;
const dbName = `upload_bench_${process.pid}`;
const withDb = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(text: string) {
  const c = new pg.Client({ connectionString: withDb('postgres') });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const MiB = (n: number) => (n / 1024 / 1024).toFixed(0);

/** Send one multipart body of `filesPerUpload` PDFs, generated as it goes, honouring back-pressure. */
function upload(origin: string, path: string, headers: Record<string, string>, seed: number): Promise<number> {
  const boundary = `----bench${seed}${Date.now()}`;
  const chunk = Buffer.alloc(1024 * 1024, 0x20 + (seed % 64));
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    const write = (b: Buffer | string) =>
      new Promise<void>((ok) => (req.write(b) ? ok() : req.once('drain', () => ok())));
    (async () => {
      await write(`--${boundary}\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\nc01\r\n`);
      for (let f = 0; f < filesPerUpload; f++) {
        await write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan-${seed}-${f}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        );
        // Each file distinct (its first line), so content addressing stores every one.
        const head = Buffer.from(`%PDF-1.4\n%${seed}-${f}-${Date.now()}\n`);
        await write(head);
        let left = fileBytes - head.length;
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          await write(n === chunk.length ? chunk : chunk.subarray(0, n));
          left -= n;
        }
        await write('\r\n');
      }
      await write(`--${boundary}--\r\n`);
      req.end();
    })().catch(reject);
  });
}

async function main() {
  if (!onPglite) {
    await admin(`drop database if exists ${dbName}`);
    await admin(`create database ${dbName}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-upload-bench-'));
  const database = onPglite
    ? await openDatabase({ dataDir: 'memory://' })
    : await openDatabase({ databaseUrl: withDb(dbName), poolSize: uploads + 2 });
  try {
    await migrate(database);
    const { communeCodes } = await insertDossierTestUnits(database.db, 1);
    const unit = communeCodes[0]!;
    const { code: procedureCode } = await loadDossierTestProcedure(database.db, { unitCode: unit });
    const app = await createApp({
      config: benchConfig({ DATA_DIR: dataDir }),
      database,
      clock: systemClock,
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode: unit }] });
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: o.username, password: o.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const ids: string[] = [];
    for (let i = 0; i < uploads; i++) {
      const r = await fetch(`${origin}/api/dossiers`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(counterReceipt(procedureCode, unit)),
      });
      if (r.status !== 201) throw new Error(`receipt: ${r.status} ${await r.text()}`);
      ids.push(((await r.json()) as { id: string }).id);
    }

    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let peakExternal = before.external + before.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
    }, 20);
    const t0 = performance.now();
    const statuses = await Promise.all(
      ids.map((id, i) => upload(origin, `/api/dossiers/${id}/attachments`, headers, i)),
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await app.close();
    const total = uploads * filesPerUpload * fileBytes;
    console.log(
      `${onPglite ? 'PGlite (in memory)' : 'PostgreSQL'}; ${uploads} parallel uploads × ${filesPerUpload} files × ${MiB(fileBytes)} MiB = ${MiB(total)} MiB in ${seconds.toFixed(1)} s (${(total / 1024 / 1024 / seconds).toFixed(1)} MiB/s); statuses ${statuses.join(',')}`,
    );
    console.log(`RSS before: ${MiB(before.rss)} MiB, peak: ${MiB(peakRss)} MiB (+${MiB(peakRss - before.rss)} MiB)`);
    console.log(`heap used peak: ${MiB(peakHeap)} MiB; external + array buffers peak: ${MiB(peakExternal)} MiB`);
    if (statuses.some((s) => s !== 200)) process.exitCode = 1;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!onPglite) await admin(`drop database if exists ${dbName}`);
  }
}

await main();

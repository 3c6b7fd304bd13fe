/**
 * Import of online dossiers from the national-portal simulator: dossiers per second of the importer (pull a page
 * after the durable cursor, then one transaction per dossier: idempotency record, receive use case, files, cursor)
 * next to a reference measured in the same run on the same database: the same number of dossiers registered by
 * calling the receive use case directly in a loop (no HTTP, no idempotency record, no files), and the ratio.
 *
 *   npx tsx bench/portal-import.ts                     # PGlite, 1,000 dossiers
 *   BENCH_DB=postgres BENCH_N=2000 npx tsx bench/portal-import.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mot-cua/config';
import { receiveDossier, systemClock } from '@mot-cua/core';
import { type Database, migrate, openDatabase } from '@mot-cua/db';
import { startPortalSim } from '@mot-cua/portal-sim';
import { insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import pg from 'pg';
import { createFsFileStore } from '../apps/api/src/files/fs-file-store.js';
import { createPortalImporter } from '../apps/api/src/portal-import/portal-importer.js';
import { createPortalInboundClient } from '../apps/api/src/portal-import/portal-inbound-client.js';
import { dossierDeps } from '../apps/api/src/routes/dossiers/dossier-deps.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const n = Number(process.env.BENCH_N ?? 1000);
const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const dbName = `import_bench_${process.pid}`;
const PDF = Buffer.from('%PDF-1.4\n% bench\n%%EOF\n').toString('base64');

async function open(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return {
    database: await openDatabase({ databaseUrl: u.toString(), poolSize: 4 }),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function main() {
  const { database, drop } = await open();
  const sim = await startPortalSim({ port: 0, dataDir: null, codePrefix: `B${randomBytes(2).toString('hex')}` });
  try {
    await migrate(database);
    const { communeCodes } = await insertDossierTestUnits(database.db, 1);
    const unit = communeCodes[0]!;
    const { code: procedureCode } = await loadDossierTestProcedure(database.db, { unitCode: unit });
    const deps = {
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      clock: systemClock,
      files: createFsFileStore(join(mkdtempSync(join(tmpdir(), 'mc-bench-files-')), 'files')),
    };
    const applicant = { HoTen: 'Nguyễn Văn Bench', SoDinhDanh: '079190000001', SoDienThoai: '0909000001' };

    // Reference: the receive use case alone, one transaction per dossier, same database.
    let t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await database.db.transaction().execute((trx) =>
        receiveDossier(
          dossierDeps(trx, deps, undefined, randomUUID()),
          { userId: null, name: applicant.HoTen, role: 'applicant', unitCode: unit },
          {
            mode: 'submit',
            channel: 'online',
            procedureCode,
            receivingUnitCode: unit,
            applicant: {
              type: 'citizen',
              fullName: applicant.HoTen,
              idNumber: null,
              phone: null,
              email: null,
              address: null,
            },
            components: [{ key: 'c01', state: 'present' }],
            returnMethod: 'online',
          },
        ),
      );
    }
    const reference = n / ((performance.now() - t0) / 1000);

    for (let i = 0; i < n; i++) {
      await fetch(`${sim.url}/sim/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          MaTTHC: procedureCode,
          MaDonVi: unit,
          ChuHoSo: applicant,
          TepDinhKem: [{ TenTep: 'to-khai.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: PDF }],
        }),
      });
    }
    const importer = createPortalImporter({
      deps,
      client: createPortalInboundClient({ url: sim.url, timeoutMs: 30_000 }),
      pageSize: 100,
      pollMs: 10,
    });
    t0 = performance.now();
    let imported = 0;
    while (imported < n) {
      const r = await importer.tick();
      imported += r.imported;
      if (r.fetched === 0) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    const rate = imported / seconds;
    console.log(
      `${kind}: imported ${imported}/${n} online dossiers in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} dossiers/s; ` +
        `receive use case alone ${reference.toFixed(1)}/s; ratio ${(rate / reference).toFixed(2)}`,
    );
  } finally {
    await sim.close();
    await database.close();
    await drop();
  }
}

await main();

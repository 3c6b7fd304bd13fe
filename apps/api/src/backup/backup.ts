import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createStoredFilesRepository, type Database, sealAuditTrail, verifyAuditChain } from '@mot-cua/db';
import { sql } from 'kysely';
import { type FileStore, SHA256_HEX } from '../files/file-store.js';

const run = promisify(execFile);
export const BACKUP_FORMAT = 'mot-cua-backup/1';

/** What a backup holds, written beside it and checked after a restore. */
export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** The database's file in the backup folder. */
  dump: string;
  /** Rows of every table of the public schema. */
  counts: Record<string, number>;
  /** sha256 of the sorted dossier codes, one a line, and how many. */
  dossierCodes: { count: number; sha256: string };
  /** Attachment contents copied to files/ (each named by its sha256 and checked while copied). */
  files: number;
  auditChain: { rows: number; intact: boolean };
};

/** Counts of every table, and the digest of the dossier codes: what a restore must give back. */
export async function databaseFacts(database: Database) {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const counts: Record<string, number> = {};
  for (const t of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(database.db);
    counts[t.name] = Number(r.rows[0]?.n ?? 0);
  }
  const codes = await sql<{ code: string }>`select code from dossiers order by code`.execute(database.db);
  const list = codes.rows.map((r) => r.code);
  return {
    counts,
    dossierCodes: { count: list.length, sha256: createHash('sha256').update(list.join('\n')).digest('hex') },
  };
}

/** pg_dump / pg_restore arguments and environment for a URL, the password kept out of the process list. */
function pgConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { args: ['--dbname', u.toString()], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Copy a stored content to a file, checking its sha256 on the way; fsynced. */
async function copyOut(store: FileStore, sha256: string, target: string): Promise<void> {
  const f = await store.open(sha256);
  if (!f) throw new Error(`backup: the file store has no content ${sha256} (a row references it)`);
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(f.stream, tap, createWriteStream(`${target}.part`));
  if (hash.digest('hex') !== sha256) throw new Error(`backup: content ${sha256} in the store does not match its hash`);
  const fh = await open(`${target}.part`, 'r');
  await fh.sync();
  await fh.close();
  await rename(`${target}.part`, target);
}

/**
 * Back up the database and the attachment contents into `dir` (new or empty):
 * - PGlite: a tarball of the whole database folder taken by the only process that has it open (consistent);
 * - PostgreSQL: `pg_dump -Fc` (one snapshot);
 * then every content the database references, from the file store to `files/<sha256>` (contents are immutable and
 * never deleted while referenced, so copying after the dump gives each row its content), and the manifest.
 */
export async function backup(input: {
  database: Database;
  databaseUrl?: string | undefined;
  store: FileStore;
  dir: string;
  log?: (msg: string) => void;
}): Promise<BackupManifest> {
  const { database, store, dir } = input;
  const log = input.log ?? (() => {});
  await mkdir(join(dir, 'files'), { recursive: true });
  if ((await readdir(dir)).some((n) => n !== 'files')) throw new Error(`backup: ${dir} is not empty`);
  // Audit rows not yet linked into the hash chain (the product seals every second) are sealed first, so the backup
  // carries a chain that covers them and the manifest can name its length.
  await sealAuditTrail(database.db);
  let dump: string;
  if (database.kind === 'postgres') {
    if (!input.databaseUrl) throw new Error('backup: the PostgreSQL URL is needed for pg_dump');
    dump = 'database.dump';
    const c = pgConnection(input.databaseUrl);
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', join(dir, dump), ...c.args], { env: c.env });
  } else {
    if (!database.dumpDataDir) throw new Error('backup: this database cannot be dumped');
    dump = 'pglite.tar.gz';
    const blob = await database.dumpDataDir();
    await writeFile(join(dir, dump), Buffer.from(await blob.arrayBuffer()));
  }
  log(`database → ${join(dir, dump)}`);
  const facts = await databaseFacts(database);
  const chain = await verifyAuditChain(database.db);
  const repo = createStoredFilesRepository(database.db);
  let files = 0;
  // Contents still in their rows (not yet moved out) travel in the dump.
  const pending = await repo.pendingHashes();
  for (let after = ''; ; ) {
    const page = await repo.hashesAfter(after, 500);
    if (page.length === 0) break;
    for (const row of page) {
      if (!pending.has(row.sha256)) {
        await copyOut(store, row.sha256, join(dir, 'files', row.sha256));
        files++;
      }
      after = row.sha256;
    }
  }
  log(`attachment contents → ${join(dir, 'files')} (${files})`);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: database.kind,
    dump,
    counts: facts.counts,
    dossierCodes: facts.dossierCodes,
    files,
    auditChain: { rows: chain.rows, intact: chain.firstBroken === null },
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (m.format !== BACKUP_FORMAT) throw new Error(`restore: ${dir} is not a Một Cửa backup (${String(m.format)})`);
  return m;
}

/** The restored database's facts against the manifest, the audit chain, and every referenced content present. */
export type RestoreCheck = {
  countsMatch: boolean;
  differences: Record<string, { expected: number; found: number | undefined }>;
  dossierCodesMatch: boolean;
  auditChain: { rows: number; firstBroken: unknown };
  missingFiles: string[];
};

export async function checkRestore(database: Database, store: FileStore, m: BackupManifest): Promise<RestoreCheck> {
  const facts = await databaseFacts(database);
  const differences: RestoreCheck['differences'] = {};
  for (const [t, n] of Object.entries(m.counts)) {
    if (facts.counts[t] !== n) differences[t] = { expected: n, found: facts.counts[t] };
  }
  const chain = await verifyAuditChain(database.db);
  const repo = createStoredFilesRepository(database.db);
  const pending = await repo.pendingHashes();
  const missingFiles: string[] = [];
  for (let after = ''; ; ) {
    const page = await repo.hashesAfter(after, 500);
    if (page.length === 0) break;
    for (const row of page) {
      if (!pending.has(row.sha256) && !(await store.has(row.sha256))) missingFiles.push(row.sha256);
      after = row.sha256;
    }
  }
  return {
    countsMatch: Object.keys(differences).length === 0,
    differences,
    dossierCodesMatch:
      facts.dossierCodes.count === m.dossierCodes.count && facts.dossierCodes.sha256 === m.dossierCodes.sha256,
    auditChain: { rows: chain.rows, firstBroken: chain.firstBroken },
    missingFiles,
  };
}

/** Put the backup's contents back in the file store, each checked against its name. */
export async function restoreFiles(dir: string, store: FileStore): Promise<number> {
  let n = 0;
  for (const name of await readdir(join(dir, 'files'))) {
    if (!SHA256_HEX.test(name)) continue;
    const put = await store.put(createReadStream(join(dir, 'files', name)), {
      maxBytes: Number.MAX_SAFE_INTEGER,
      sniff: () => 'application/octet-stream',
    });
    if (put.sha256 !== name) throw new Error(`restore: files/${name} does not match its name (damaged backup)`);
    n++;
  }
  return n;
}

/**
 * Restore the database part of a backup. PostgreSQL: `pg_restore --clean --if-exists --single-transaction` into
 * the database of `databaseUrl` (all or nothing). PGlite: a new database folder from the tarball at `pgliteDir`
 * (which must not exist; 'memory://' for tests). Returns the opened database.
 */
export async function restoreDatabase(
  dir: string,
  m: BackupManifest,
  target: { databaseUrl?: string | undefined; pgliteDir?: string | undefined },
  open: (o: { databaseUrl?: string; dataDir?: string; loadDataDir?: Blob }) => Promise<Database>,
): Promise<Database> {
  if (m.database === 'postgres') {
    if (!target.databaseUrl) throw new Error('restore: a PostgreSQL backup restores into DATABASE_URL');
    const c = pgConnection(target.databaseUrl);
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', ...c.args, join(dir, m.dump)],
      { env: c.env },
    );
    return open({ databaseUrl: target.databaseUrl });
  }
  if (target.databaseUrl) throw new Error('restore: an embedded (PGlite) backup restores without DATABASE_URL');
  const pgliteDir = target.pgliteDir ?? 'memory://';
  if (!pgliteDir.startsWith('memory://') && existsSync(pgliteDir) && (await readdir(pgliteDir)).length > 0) {
    throw new Error(`restore: ${pgliteDir} is not empty`);
  }
  const bytes = await readFile(join(dir, m.dump));
  const size = (await stat(join(dir, m.dump))).size;
  if (bytes.length !== size) throw new Error('restore: short read of the database tarball');
  return open({ dataDir: pgliteDir, loadDataDir: new Blob([bytes]) });
}

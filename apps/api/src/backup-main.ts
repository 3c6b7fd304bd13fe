/**
 * Backup and restore of the database and the attachment contents (issue 16):
 *   npm run backup -- [folder]            default ./backups/mot-cua-<UTC time>; a new or empty folder
 *   npm run restore -- <folder> [--force] into DATABASE_URL, or DATA_DIR/pglite for the embedded database
 * Embedded (PGlite): stop the app first (the folder is locked by the running process); the backup is a consistent
 * tarball of the database folder. PostgreSQL: pg_dump -Fc / pg_restore (same major version as the server), online.
 * The restore refuses a database that holds dossiers (PostgreSQL) or a database folder that is not empty (embedded)
 * unless --force (the embedded folder is then kept aside as pglite.before-restore-<time>). After restoring it
 * checks the row counts and dossier codes against the backup's manifest, the audit chain and every file; exit 1
 * when anything differs.
 */
import { existsSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { migrate, openDatabase } from '@mot-cua/db';
import { sql } from 'kysely';
import { backup, checkRestore, readManifest, restoreDatabase, restoreFiles } from './backup/backup.js';
import { describeFileStore, openFileStore } from './files/open-file-store.js';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig(process.env);
  const store = openFileStore(config);
  const pgliteDir = join(config.dataDir, 'pglite');
  console.log(`database: ${describeDatabase(config)}; file store: ${describeFileStore(config)}`);
  if (command === 'backup') {
    const dir = args[0] ?? join('backups', `mot-cua-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    const database = await openDatabase(databaseOptions(config));
    try {
      const m = await backup({ database, databaseUrl: config.databaseUrl, store, dir, log: console.log });
      console.log(
        `backup done: ${dir} (${m.dossierCodes.count} dossiers, ${m.counts.audit_events ?? 0} audit events, ${m.files} files; audit chain ${m.auditChain.intact ? 'intact' : 'BROKEN'})`,
      );
    } finally {
      await database.close();
    }
    return;
  }
  if (command !== 'restore' || !args[0]) {
    console.error('usage: backup-main.ts backup [folder] | restore <folder> [--force]');
    process.exit(2);
  }
  const dir = args[0];
  const force = args.includes('--force');
  const m = await readManifest(dir);
  if (config.databaseUrl) {
    const current = await openDatabase(databaseOptions(config));
    try {
      const has = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'dossiers'`.execute(
        current.db,
      );
      const dossiers = has.rows[0]?.n
        ? Number((await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(current.db)).rows[0]?.n)
        : 0;
      if (dossiers > 0 && !force) throw new Error(`restore: the database holds ${dossiers} dossiers; add --force`);
    } finally {
      await current.close();
    }
  } else if (existsSync(pgliteDir) && (await readdir(pgliteDir)).length > 0) {
    if (!force) throw new Error(`restore: ${pgliteDir} is not empty; add --force (it is kept aside)`);
    const aside = `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(pgliteDir, aside);
    console.log(`the current database folder is kept at ${aside}`);
  }
  const files = await restoreFiles(dir, store);
  const database = await restoreDatabase(dir, m, { databaseUrl: config.databaseUrl, pgliteDir }, (o) =>
    openDatabase({ ...databaseOptions(config), ...o, ...(o.databaseUrl ? {} : { dataDir: pgliteDir }) }),
  );
  try {
    const check = await checkRestore(database, store, m);
    const ok =
      check.countsMatch && check.dossierCodesMatch && !check.auditChain.firstBroken && !check.missingFiles.length;
    console.log(
      `restored ${m.dossierCodes.count} dossiers and ${files} files from ${dir} (backup of ${m.createdAt}); counts ${check.countsMatch ? 'match' : `DIFFER ${JSON.stringify(check.differences)}`}; dossier codes ${check.dossierCodesMatch ? 'match' : 'DIFFER'}; audit chain ${check.auditChain.firstBroken ? `BROKEN ${JSON.stringify(check.auditChain.firstBroken)}` : `intact (${check.auditChain.rows} rows)`}; ${check.missingFiles.length} files missing`,
    );
    if (!ok) process.exitCode = 1;
    const applied = await migrate(database);
    if (applied.length) console.log(`migrations applied after the restore: ${applied.join(', ')}`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

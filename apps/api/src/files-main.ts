/**
 * Attachment contents in the file store (issue 16):
 *   npm run files:move-out                 move contents still in the database to the store (start-up does it too)
 *   npm run files:sweep [-- --dry-run] [--grace-hours N]
 *                                          remove contents no row references, older than N hours (default 24)
 * With the embedded database, stop the app first (the folder is locked by the running process).
 */
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { migrate, openDatabase } from '@mot-cua/db';
import { moveFilesOutOfDatabase, sweepOrphanFiles } from './files/file-maintenance.js';
import { describeFileStore, openFileStore } from './files/open-file-store.js';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'move-out' && command !== 'sweep') {
    console.error('usage: files-main.ts move-out | sweep [--dry-run] [--grace-hours N]');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(databaseOptions(config));
  const store = openFileStore(config);
  console.log(`database: ${describeDatabase(config)}; file store: ${describeFileStore(config)}`);
  try {
    await migrate(database);
    if (command === 'move-out') {
      const r = await moveFilesOutOfDatabase(database, store, console.log);
      console.log(`${r.moved} contents moved; ${r.mismatched.length} left in the database (hash mismatch)`);
      if (r.mismatched.length) process.exitCode = 1;
    } else {
      const i = args.indexOf('--grace-hours');
      const hours = i >= 0 ? Number(args[i + 1]) : 24;
      if (!Number.isFinite(hours) || hours < 0) throw new Error('--grace-hours: a number of hours');
      const dryRun = args.includes('--dry-run');
      const r = await sweepOrphanFiles(database, store, { now: new Date(), graceMs: hours * 3_600_000, dryRun });
      console.log(
        `${dryRun ? 'would remove' : 'removed'} ${r.removed} orphan contents (older than ${hours} h); kept ${r.kept}; ${r.temporary} stale temporary files removed`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

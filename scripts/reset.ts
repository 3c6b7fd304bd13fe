/** Wipe the embedded database folder so the next `npm start` migrates and seeds afresh. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@mot-cua/config';
import { DataDirInUseError, lockDataDir } from '@mot-cua/db';

const config = loadConfig(process.env);
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: refusing to reset a PostgreSQL server. Drop the database yourself.');
  process.exit(1);
}
const pgliteDir = join(config.dataDir, 'pglite');
if (existsSync(pgliteDir)) {
  try {
    lockDataDir(pgliteDir)(); // refuses while a running product holds the folder
  } catch (e) {
    if (!(e instanceof DataDirInUseError)) throw e;
    console.error(`${e.message}\nNothing was removed.`);
    process.exit(1);
  }
}
rmSync(config.dataDir, { recursive: true, force: true });
console.log(`Removed ${config.dataDir}. Run \`npm start\` to create a fresh database with demo data.`);

/** Wipe the embedded database folder so the next `npm start` migrates and seeds afresh. */
import { rmSync } from 'node:fs';
import { loadConfig } from '@mot-cua/config';

const config = loadConfig(process.env);
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: refusing to reset a PostgreSQL server. Drop the database yourself.');
  process.exit(1);
}
rmSync(config.dataDir, { recursive: true, force: true });
console.log(`Removed ${config.dataDir}. Run \`npm start\` to create a fresh database with demo data.`);

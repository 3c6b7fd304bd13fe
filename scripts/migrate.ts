/**
 * `npm run migrate`: apply the pending migrations to the database of DATABASE_URL (else the embedded one in DATA_DIR)
 * and print what was applied. The API applies them at start-up too; this is for a database that is not served
 * (a benchmark's copy, a generated preset) and for operators who migrate before a rolling restart.
 */
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { migrate, openDatabase } from '@mot-cua/db';

async function main() {
  const config = loadConfig(process.env);
  const database = await openDatabase({
    ...databaseOptions(config),
    statementTimeoutMs: 0,
  });
  try {
    const applied = await migrate(database);
    console.log(
      `Migrations applied: ${applied.length ? applied.join(', ') : 'none pending'} (${describeDatabase(config)})`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

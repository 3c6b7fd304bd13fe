/**
 * `npm run aggregates:recount`: rebuild the supervision aggregates (migration 0160) from the dossiers' action logs,
 * in one transaction. The triggers keep them in step with every write; this is the repair and the check.
 */
import { describeDatabase, loadConfig } from '@mot-cua/config';
import { createDossierAggregatesRepository, openDatabase } from '@mot-cua/db';

async function main() {
  const config = loadConfig(process.env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    // a bulk write and a recount over millions of dossiers take longer than the API's statement limit
    statementTimeoutMs: 0,
  });
  try {
    const started = performance.now();
    await database.db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
    console.log(
      `Aggregates recounted from the action log in ${Math.round(performance.now() - started)} ms (${describeDatabase(config)})`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

import { type Clock, purgeStaleDrafts } from '@mot-cua/core';
import { createAuditPort, createCitizenDraftsRepository, type Database } from '@mot-cua/db';
import { startPeriodicPass } from '../periodic-pass.js';

/** One pass of the purge of citizens' stale drafts, in one transaction with its audit row. */
export function purgeDraftsOnce(database: Database, now: Date, afterDays: number) {
  return database.db
    .transaction()
    .execute((trx) =>
      purgeStaleDrafts(
        { drafts: createCitizenDraftsRepository(trx), audit: createAuditPort(trx, null), now },
        { afterDays },
      ),
    );
}

/**
 * The API process's job (like the 766 snapshots): drafts nobody saved for `afterDays` days are deleted with their
 * files every `intervalMs`, first a few seconds after start. The contents stay in the file store only while a
 * dossier or another draft uses them (the files sweep removes unreferenced contents). `stop()` waits for a pass.
 */
export function startDraftPurgeScheduler(input: {
  database: Database;
  clock: Clock;
  afterDays: number;
  intervalMs: number;
  log: { error: (o: object, m: string) => void; info: (m: string) => void };
}) {
  const pass = () =>
    purgeDraftsOnce(input.database, input.clock.now(), input.afterDays).then(
      (r) => {
        if (r.drafts + r.submittedMarks > 0)
          input.log.info(`drafts: ${r.drafts} untouched for ${input.afterDays} days purged (${r.files} files)`);
      },
      (err: unknown) => input.log.error({ err }, 'drafts: purge failed, retried at the next pass'),
    );
  return startPeriodicPass(pass, Math.min(10_000, input.intervalMs), input.intervalMs);
}

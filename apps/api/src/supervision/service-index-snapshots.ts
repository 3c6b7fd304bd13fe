import { type Actor, previousMonth, statsPeriod, takeServiceIndexSnapshot, vnDate } from '@mot-cua/core';
import { createAuditPort, createServiceIndexRepository, type Database } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import { startPeriodicPass } from '../periodic-pass.js';
import { computeServiceIndex } from '../routes/supervision/service-index-data.js';
import { generatePreviousMonthReports } from './monthly-report-job.js';

/**
 * Snapshot the 766 index of a province for a month, in one transaction with its audit row (the use case's
 * ports bound to it). Computed as of the end of the month (or now, for the month under way).
 */
export function snapshotProvince(
  database: Database,
  actor: Actor | null,
  input: { provinceCode: string; month: string },
  now: Date,
  requestId: string | null = null,
) {
  return database.db.transaction().execute((trx) =>
    takeServiceIndexSnapshot(
      actor,
      input,
      {
        compute: (provinceCode, days) => {
          const period = statsPeriod(now, days.first, days.last);
          const asOf = period.toAt.getTime() < now.getTime() ? period.toAt : now;
          return computeServiceIndex(trx, { scope: provinceCode, fromAt: period.fromAt, toAt: period.toAt, now: asOf });
        },
        save: (s) => createServiceIndexRepository(trx).saveSnapshot(s),
        audit: createAuditPort(trx, requestId),
      },
      now,
    ),
  );
}

/**
 * The scheduled job: the previous month's snapshot of every province in force that has none yet. Safe to run
 * in several processes and again and again (a province's month is written once here; a recount by an
 * administrator replaces it).
 */
export async function snapshotPreviousMonth(database: Database, now: Date): Promise<string[]> {
  const repo = createServiceIndexRepository(database.db);
  const month = previousMonth(now);
  const done: string[] = [];
  for (const provinceCode of await repo.provincesInForce(vnDate(now))) {
    if (await repo.hasSnapshot(provinceCode, `${month}-01`)) continue;
    await snapshotProvince(database, null, { provinceCode, month }, now);
    done.push(provinceCode);
  }
  return done;
}

/**
 * Run the job at start-up and then every `intervalMs` (an hour) in the API process; `stop()` waits for a pass.
 * With `reports` (the API's dependencies), each pass then generates the previous month's report files.
 */
export function startServiceIndexScheduler(
  database: Database,
  clock: { now(): Date },
  log: { error: (o: object, m: string) => void; info: (m: string) => void },
  intervalMs = 3_600_000,
  reports?: AppDeps,
) {
  const pass = () =>
    snapshotPreviousMonth(database, clock.now())
      .then(
        (done) => {
          if (done.length)
            log.info(`service index: snapshot of ${previousMonth(clock.now())} for ${done.length} provinces`);
        },
        (err: unknown) => log.error({ err }, 'service index: snapshot pass failed, retried at the next one'),
      )
      .then(() =>
        reports
          ? generatePreviousMonthReports(reports).then(
              (done) => {
                if (done.length)
                  log.info(`monthly reports: ${previousMonth(clock.now())} for ${done.length} provinces`);
              },
              (err: unknown) => log.error({ err }, 'monthly reports: pass failed, retried at the next one'),
            )
          : undefined,
      );
  return startPeriodicPass(pass, 5_000, intervalMs);
}

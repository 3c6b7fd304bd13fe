import { type Actor, generateMonthlyReport, type MonthlyReportOutcome, previousMonth, vnDate } from '@mot-cua/core';
import { createAuditPort, createMonthlyReportFilesRepository, createServiceIndexRepository } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import { monthlyReportTables, renderMonthlyReport } from './monthly-report.js';

/**
 * Generate a province's monthly report once (core's generateMonthlyReport with its ports): the claim and the
 * failure are their own statements (visible on the reports page while the figures are read), the files and the
 * audit row one transaction.
 */
export function generateProvinceReport(
  deps: AppDeps,
  actor: Actor | null,
  input: { provinceCode: string; month: string },
  requestId: string | null = null,
): Promise<MonthlyReportOutcome> {
  const { db } = deps.database;
  const key = { provinceCode: input.provinceCode, month: `${input.month}-01` };
  return generateMonthlyReport(
    actor,
    input,
    {
      claim: (requestedBy, at, staleBefore) =>
        createMonthlyReportFilesRepository(db).claim({ ...key, requestedBy, at, staleBefore }),
      build: async (days) => {
        const now = deps.clock.now();
        return renderMonthlyReport(await monthlyReportTables(deps, input.provinceCode, days, now), now);
      },
      complete: (files, audit, at) =>
        db.transaction().execute(async (trx) => {
          const stored = await createMonthlyReportFilesRepository(trx).complete({ ...key, ...files, at });
          if (stored) await audit(createAuditPort(trx, requestId));
          return stored;
        }),
      fail: (error, at) => createMonthlyReportFilesRepository(db).fail({ ...key, error, at }),
    },
    () => deps.clock.now(),
  );
}

/**
 * The scheduled job (after the 766 snapshots, which the report prints): the previous month's report of every
 * province in force that has none yet. Safe to run in several processes and again and again (claimed once).
 */
export async function generatePreviousMonthReports(deps: AppDeps): Promise<string[]> {
  const now = deps.clock.now();
  const month = previousMonth(now);
  const done: string[] = [];
  for (const provinceCode of await createServiceIndexRepository(deps.database.db).provincesInForce(vnDate(now))) {
    if ((await generateProvinceReport(deps, null, { provinceCode, month })) === 'generated') done.push(provinceCode);
  }
  return done;
}

import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import { monthDays } from './service-index-snapshot.js';

/** A generation left 'running' longer than this is taken to have stopped with its process and may be claimed again. */
export const MONTHLY_REPORT_STALE_MS = 15 * 60_000;

export type MonthlyReportPorts = {
  /** Claim the province's month ('running'); false when it is done or being generated. */
  claim(requestedBy: string | null, at: Date, staleBefore: Date): Promise<boolean>;
  /** Read the month's figures and render the files (outside the writing transaction: reads only). */
  build(days: { first: string; last: string }): Promise<{ xlsx: Buffer; pdf: Buffer; sheets: string[] }>;
  /** In one transaction: store the files ('done') and record the audit row; false when the claim was lost. */
  complete(files: { xlsx: Buffer; pdf: Buffer }, audit: (port: AuditPort) => Promise<void>, at: Date): Promise<boolean>;
  fail(error: string, at: Date): Promise<void>;
};

export type MonthlyReportOutcome = 'generated' | 'already';

/**
 * Generate the monthly report of a province once: claimed, built from the month's figures, stored with its
 * audit row. A month done (or being generated) is left as it is ('already'), so the scheduled job and an
 * administrator may both ask, again and again. Asked by an administrator (authorized, audited with their id) or
 * by the scheduled job (actor null, audited as the system). A month not begun is refused.
 */
export async function generateMonthlyReport(
  actor: Actor | null,
  input: { provinceCode: string; month: string },
  ports: MonthlyReportPorts,
  now: () => Date,
): Promise<MonthlyReportOutcome> {
  if (actor) authorize(actor, 'supervision.manage', { kind: 'global' });
  const days = monthDays(input.month);
  const started = now();
  if (days.first > vnDate(started)) {
    throw new AppError('VALIDATION_FAILED', { details: { month: input.month, reason: 'month not begun' } });
  }
  const staleBefore = new Date(started.getTime() - MONTHLY_REPORT_STALE_MS);
  if (!(await ports.claim(actor?.userId ?? null, started, staleBefore))) return 'already';
  try {
    const files = await ports.build(days);
    const stored = await ports.complete(
      files,
      (audit) =>
        audit.record({
          actorUserId: actor?.userId ?? null,
          action: 'supervision.monthly_report_generated',
          entityType: 'monthly_report',
          entityId: `${input.provinceCode}:${input.month}`,
          provinceCode: input.provinceCode,
          data: { sheets: files.sheets, xlsxBytes: files.xlsx.length, pdfBytes: files.pdf.length },
        }),
      now(),
    );
    return stored ? 'generated' : 'already';
  } catch (err) {
    await ports.fail(err instanceof Error ? err.message : String(err), now());
    throw err;
  }
}

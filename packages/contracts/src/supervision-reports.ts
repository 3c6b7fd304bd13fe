import { z } from 'zod';

/** Where a province's monthly report file stands: being generated, ready to download, or failed (retried). */
export const MonthlyReportFileState = z
  .object({
    status: z.enum(['running', 'done', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'MonthlyReportFileState' });
export type MonthlyReportFileState = z.infer<typeof MonthlyReportFileState>;

/**
 * The monthly reports per province (GET /api/supervision/reports/monthly): one per province and month with a 766
 * snapshot or a report file, with the file's state (null until generation starts).
 */
export const MonthlyReportList = z
  .object({
    items: z.array(
      z.object({
        provinceCode: z.string(),
        name: z.string(),
        month: z.string(),
        points: z.number().nullable(),
        maxPoints: z.number().nullable(),
        computedAt: z.string().nullable(),
        file: MonthlyReportFileState.nullable(),
      }),
    ),
  })
  .meta({ id: 'MonthlyReportList' });
export type MonthlyReportList = z.infer<typeof MonthlyReportList>;

export const MonthlyReportGenerated = z
  .object({
    outcome: z
      .enum(['generated', 'already', 'started'])
      .describe('generated now; already generated (or being generated); started and still running (see the list)'),
    file: MonthlyReportFileState,
  })
  .meta({ id: 'MonthlyReportGenerated' });
export type MonthlyReportGenerated = z.infer<typeof MonthlyReportGenerated>;

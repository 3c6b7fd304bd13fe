import { z } from 'zod';

/** The monthly reports per province (GET /api/supervision/reports/monthly): one per province and month recorded. */
export const MonthlyReportList = z
  .object({
    items: z.array(
      z.object({
        provinceCode: z.string(),
        name: z.string(),
        month: z.string(),
        points: z.number(),
        maxPoints: z.number(),
        computedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'MonthlyReportList' });
export type MonthlyReportList = z.infer<typeof MonthlyReportList>;

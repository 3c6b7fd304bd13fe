import { z } from 'zod';
import { DossierStatusName } from './dossiers.js';
import { ExportFormatParam } from './service-index.js';

/** The drill-down below a commune (issue 15): commune → department → official → dossier list. */

const Code = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.-]{1,20}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DRILL_BUCKET_NAMES = [
  'finished_on_time',
  'finished_late',
  'finished_no_deadline',
  'in_progress',
  'overdue',
  'closed',
] as const;
export const DrillBucketName = z.enum(DRILL_BUCKET_NAMES);

export const DrilldownQuery = z.object({
  code: Code.describe('The commune (or provincial unit) whose dossiers are broken down'),
  from: Day.optional().describe('First day (Vietnam), default the first of this month'),
  to: Day.optional().describe('Last day included (Vietnam), default today'),
  format: ExportFormatParam,
  table: z
    .enum(['departments', 'officials'])
    .default('departments')
    .describe('With format=xlsx|pdf: which table of the drill-down is written to the file'),
});
export type DrilldownQuery = z.infer<typeof DrilldownQuery>;

export const DrillCountsSchema = z.object({
  received: z.number(),
  finished_on_time: z.number(),
  finished_late: z.number(),
  finished_no_deadline: z.number(),
  in_progress: z.number(),
  overdue: z.number(),
  closed: z.number(),
});

export const Drilldown = z
  .object({
    code: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    from: Day,
    to: Day,
    totals: DrillCountsSchema,
    /** Dossiers no official has acted on yet. */
    unhandled: z.number(),
    departments: z.array(
      z.object({
        departmentId: z.string().nullable(),
        departmentName: z.string().nullable(),
        officials: z.number(),
        counts: DrillCountsSchema,
      }),
    ),
    officials: z.array(
      z.object({
        userId: z.string(),
        fullName: z.string(),
        departmentId: z.string().nullable(),
        departmentName: z.string().nullable(),
        counts: DrillCountsSchema,
      }),
    ),
  })
  .meta({ id: 'SupervisionDrilldown' });
export type Drilldown = z.infer<typeof Drilldown>;

export const DrilldownDossiersQuery = DrilldownQuery.omit({ table: true }).extend({
  department: z
    .string()
    .regex(/^(none|[0-9a-f-]{36})$/i)
    .optional()
    .describe('A department id, or none for officials without one'),
  official: z.uuid().optional().describe('An official (user id)'),
  bucket: DrillBucketName.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/)
    .optional()
    .describe('the `next` of the previous page: the page after it (keyset; instead of offset)'),
  total: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'with `after`: the total the first page answered; the row is not counted again and this is answered back',
    ),
});
export type DrilldownDossiersQuery = z.infer<typeof DrilldownDossiersQuery>;

export const DrilldownDossiers = z
  .object({
    total: z.number(),
    /** Pass as `after` for the next page (null on the last page). */
    next: z.string().nullable(),
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string().nullable(),
        procedureCode: z.string(),
        procedureName: z.string().nullable(),
        status: DossierStatusName,
        bucket: DrillBucketName,
        receivedAt: z.string(),
        dueAt: z.string().nullable(),
        finishedAt: z.string().nullable(),
        holderName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SupervisionDrilldownDossiers' });
export type DrilldownDossiers = z.infer<typeof DrilldownDossiers>;

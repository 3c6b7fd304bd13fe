import { z } from 'zod';

/** Aggregates of dossiers for supervisors: the query, the figures that can be listed, the rows and totals. */

const UnitCodeParam = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{2,12}$/);
const CivilDate = z.iso.date({ error: 'YYYY-MM-DD, a date that exists' });

export const DossierStatsQuery = z.object({
  provinceCode: UnitCodeParam.optional().describe('One province: a row per commune'),
  unitCode: UnitCodeParam.optional().describe('One unit (commune or provincial department)'),
  from: CivilDate.optional().describe('First day (Vietnam), default the first of this month'),
  to: CivilDate.optional().describe('Last day included (Vietnam), default today'),
  by: z
    .enum(['received_unit', 'current_unit'])
    .default('received_unit')
    .describe(
      'received_unit: the unit and province at the time of receipt (immutable log); current_unit: today’s unit, the dossier’s owner columns that boundary-change re-homing moves',
    ),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring
export type DossierStatsQuery = z.infer<typeof DossierStatsQuery>;

/** A figure of the aggregate whose dossiers can be listed (GET /api/dossiers/stats/dossiers). */
export const StatsBucket = z.enum([
  'received',
  'online',
  'in_progress',
  'in_progress_no_deadline',
  'not_due',
  'undue',
  'due_soon',
  'overdue',
  'finished',
  'finished_no_deadline',
  'early',
  'on_time',
  'late',
  'refused',
  'withdrawn',
  'stopped',
]);
export type StatsBucket = z.infer<typeof StatsBucket>;

export const DossierStatsListQuery = DossierStatsQuery.extend({
  bucket: StatsBucket,
  code: UnitCodeParam.optional().describe(
    'The row (unit or province code as in the aggregate); all rows when left out',
  ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DossierStatsListQuery = z.infer<typeof DossierStatsListQuery>;

const StatsCountsShape = {
  received: z.number().int().describe('Dossiers that entered in the period (submitted or received)'),
  online: z.number().int(),
  onlineShare: z.number().nullable().describe('online / received'),
  inProgress: z.object({
    total: z.number().int(),
    undue: z.number().int(),
    dueSoon: z.number().int(),
    overdue: z.number().int(),
    noDeadline: z.number().int(),
  }),
  finished: z.object({
    total: z.number().int(),
    early: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    noDeadline: z.number().int(),
  }),
  onTimeRate: z
    .number()
    .nullable()
    .describe(
      '766 indicator 2.1: (finished early or on time + in progress within the deadline) / (finished + in progress), dossiers with a deadline',
    ),
  refused: z.number().int(),
  withdrawn: z.number().int(),
  stopped: z.number().int(),
};

export const DossierStatsRow = z
  .object({
    code: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    /** The viewer may open this unit's dossier lists (overdue list link). */
    canReadDossiers: z.boolean(),
    ...StatsCountsShape,
  })
  .meta({ id: 'DossierStatsRow' });
export type DossierStatsRow = z.infer<typeof DossierStatsRow>;

export const DossierStats = z
  .object({
    groupBy: z.enum(['unit', 'province']),
    by: z.enum(['received_unit', 'current_unit']),
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    rows: z.array(DossierStatsRow),
    totals: z.object(StatsCountsShape),
  })
  .meta({ id: 'DossierStats' });
export type DossierStats = z.infer<typeof DossierStats>;

import { z } from 'zod';
import { ExportFormatParam } from './service-index.js';

/** Supervision dashboards read from the dossier aggregates (issue 15): nation → province → commune. */

const Code = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.-]{1,20}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DashboardLevel = z.enum(['nation', 'province', 'commune']);
export type DashboardLevel = z.infer<typeof DashboardLevel>;

export const DashboardQuery = z.object({
  level: DashboardLevel.optional().describe('Default: the nation for a national supervisor, else their province'),
  code: Code.optional().describe('Province code (level province) or commune code (level commune)'),
  from: Day.optional().describe('First day (Vietnam), default the first of this month'),
  to: Day.optional().describe('Last day included (Vietnam), default today'),
  by: z
    .enum(['received_unit', 'current_unit'])
    .default('received_unit')
    .describe('received_unit: the unit at the time of receipt; current_unit: today’s unit (moved by re-homing)'),
  format: ExportFormatParam,
  table: z
    .enum(['rows', 'procedures', 'daily', 'openDue'])
    .default('rows')
    .describe('With format=xlsx|pdf: which table of the dashboard is written to the file'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardCounts = z.object({
  received: z.number(),
  online: z.number(),
  inProgress: z.number(),
  finishedEarly: z.number(),
  finishedOnTime: z.number(),
  finishedLate: z.number(),
  finishedNoDeadline: z.number(),
  refused: z.number(),
  withdrawn: z.number(),
  stopped: z.number(),
  supplementRequests: z.number(),
  supplementedDossiers: z.number(),
  ratingSum: z.number(),
  ratingCount: z.number(),
  processingHoursSum: z.number(),
  processedCount: z.number(),
  /** In progress now overdue (clock running, due before now) and in progress without a deadline. */
  inProgressOverdue: z.number(),
  inProgressNoDeadline: z.number(),
  onlineShare: z.number().nullable(),
  /**
   * The on-time rate of the 766 index (indicator 2.1, core's statsRates): finished early or on time plus in progress
   * within the deadline, over finished and in-progress dossiers with a deadline. The one "on time" of every page.
   */
  onTimeRate: z.number().nullable(),
  /** Early or on time among the finished only (an overdue dossier in progress is not in it): not the 766 rate. */
  finishedOnTimeShare: z.number().nullable(),
  supplementRate: z.number().nullable(),
  refusalRate: z.number().nullable(),
  averageRating: z.number().nullable(),
  averageProcessingDays: z.number().nullable(),
});
export type DashboardCounts = z.infer<typeof DashboardCounts>;

export const DashboardRow = DashboardCounts.extend({
  code: z.string(),
  name: z.string(),
  /** The level the row opens (province → its communes, commune → its dossiers). */
  drill: z.enum(['province', 'commune', 'dossiers']).nullable(),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

/** Feedback (PAKN) received in the scope and period: the 766 index's 5.2 (handled on time) and 5.3 (satisfaction). */
export const DashboardFeedback = z.object({
  received: z.number(),
  handled: z.number(),
  handledOnTime: z.number(),
  /** 5.2: handled within every deadline / handled. */
  onTimeRate: z.number().nullable(),
  dissatisfied: z.number(),
  overdue: z.number(),
  repeated: z.number(),
  /** 5.3: (all − dissatisfied − overdue − repeated) / all. */
  satisfactionRate: z.number().nullable(),
});
export type DashboardFeedback = z.infer<typeof DashboardFeedback>;

export const Dashboard = z
  .object({
    level: DashboardLevel,
    code: z.string(),
    name: z.string(),
    /** The level above, for the way back (null at the nation or where the caller may not go). */
    parent: z.object({ level: DashboardLevel, code: z.string(), name: z.string() }).nullable(),
    by: z.enum(['received_unit', 'current_unit']),
    from: Day,
    to: Day,
    previous: z.object({ from: Day, to: Day }),
    generatedAt: z.string(),
    totals: DashboardCounts,
    previousTotals: DashboardCounts,
    feedback: DashboardFeedback,
    previousFeedback: DashboardFeedback,
    rows: z.array(DashboardRow),
    daily: z.array(z.object({ day: Day, channel: z.string(), received: z.number() })),
    procedures: z.array(
      z.object({
        procedureCode: z.string(),
        procedureName: z.string(),
        received: z.number(),
        finishedLate: z.number(),
        refused: z.number(),
        supplementedDossiers: z.number(),
        averageProcessingDays: z.number().nullable(),
        averageLimitDays: z.number().nullable(),
      }),
    ),
    /**
     * Open dossiers with a deadline now (today's unit): overdue (due before now), due soon (within one working day
     * on the handling unit's calendar, as the dossier's badge), undue, clock paused.
     */
    openDue: z.object({ overdue: z.number(), dueSoon: z.number(), undue: z.number(), paused: z.number() }),
  })
  .meta({ id: 'SupervisionDashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

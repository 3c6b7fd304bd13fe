import { z } from 'zod';
import {
  ApplicantKind,
  ComponentState,
  DossierActionKind,
  DossierChannel,
  DossierProgressName,
  DossierReturnMethod,
  DossierStatusName,
} from './dossier-kinds.js';

/** What officials read of dossiers: the list (with its query), the detail with its timeline and control sheet. */

export const DossierSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    status: DossierStatusName,
    nationalStatus: z.number().int(),
    procedureCode: z.string(),
    procedureName: z.string(),
    applicantName: z.string(),
    channel: DossierChannel,
    receivingUnitCode: z.string(),
    competentUnitCode: z.string(),
    submittedAt: z.string(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    currentStepOrder: z.number().int().nullable(),
    currentAssigneeId: z.string().nullable(),
  })
  .meta({ id: 'DossierSummary' });
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierList = z
  .object({
    items: z.array(DossierSummary),
    total: z.number().int(),
    /** The count stopped at its cap: there are more than `total` dossiers ("hơn 10.000"). */
    totalCapped: z
      .boolean()
      .describe('true when the count stopped at its cap (10,000): there are more than `total` dossiers'),
  })
  .meta({ id: 'DossierList' });
export type DossierList = z.infer<typeof DossierList>;

export const DossierListQuery = z.object({
  view: z
    .enum(['all', 'open', 'waiting', 'mine', 'unassigned', 'due_soon', 'overdue'])
    .default('open')
    .describe(
      'waiting: assigned to me, or a step nobody holds that my roles may take (and new online dossiers for reception)',
    ),
  status: DossierStatusName.optional(),
  q: z.string().trim().max(100).optional(),
  unitCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{2,12}$/)
    .optional()
    .describe('Only dossiers received at or handled by this unit (within the caller’s jurisdiction)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring
export type DossierListQuery = z.input<typeof DossierListQuery>;

export const DossierTimelineEntry = z
  .object({
    seq: z.number().int(),
    type: DossierActionKind,
    at: z.string(),
    actorName: z.string().nullable(),
    actorRole: z.string(),
    unitCode: z.string(),
    note: z.string().nullable(),
    label: z.string().describe('Vietnamese description'),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DossierTimelineEntry' });
export type DossierTimelineEntry = z.infer<typeof DossierTimelineEntry>;

export const ControlSheetRowView = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    action: DossierActionKind,
    stepName: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    stepDueAt: z.string().nullable(),
    outcome: z.enum(['early', 'on_time', 'late']).nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ControlSheetRow' });
export type ControlSheetRowView = z.infer<typeof ControlSheetRowView>;

export const DossierDetail = DossierSummary.extend({
  applicant: z.object({
    type: ApplicantKind,
    fullName: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
  }),
  agent: z
    .object({
      fullName: z.string(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      relation: z.string().nullable(),
    })
    .nullable(),
  returnMethod: DossierReturnMethod,
  duration: z.object({ value: z.number(), unit: z.string() }),
  components: z.array(
    z.object({ key: z.string(), name: z.string(), state: ComponentState, reason: z.string().nullable().optional() }),
  ),
  steps: z.array(z.object({ order: z.number().int(), name: z.string(), role: z.string() })),
  currentStep: z
    .object({
      order: z.number().int(),
      name: z.string(),
      role: z.string(),
      assigneeId: z.string().nullable(),
      assigneeName: z.string().nullable(),
      dueAt: z.string().nullable(),
    })
    .nullable(),
  progress: DossierProgressName,
  intakeDueAt: z.string().nullable(),
  openConsultations: z.array(z.string()),
  counters: z.record(z.string(), z.number()),
  /** Actions the dossier's status permits, whoever asks. */
  availableActions: z.array(DossierActionKind),
  /**
   * Actions the signed-in official may take now: the status permits them, the policy allows them for
   * the official's grants at the unit where the action happens, and the step rules hold.
   */
  allowedActions: z.array(DossierActionKind),
  timeline: z.array(DossierTimelineEntry),
  controlSheet: z.array(ControlSheetRowView),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['component', 'result']),
      componentKey: z.string().nullable(),
      fileName: z.string(),
      sha256: z.string(),
      sizeBytes: z.number().int(),
      mediaType: z.string(),
    }),
  ),
  rating: z.object({ level: z.number().int(), criteria: z.record(z.string(), z.number()) }).nullable(),
  /** Line of the receiving unit's dossier book (Quyển số = year, Số thứ tự = number), printed on form 01. */
  book: z.object({ year: z.number().int(), number: z.number().int() }).nullable(),
  /** Fees and charges of the procedure for the channel (VND). */
  feeTotal: z.number(),
  /** Collected at the counter with a fee receipt (slip fee-receipt), or null. */
  feeCollected: z.object({ amountVnd: z.number().int(), at: z.string() }).nullable(),
}).meta({ id: 'DossierDetail' });
export type DossierDetail = z.infer<typeof DossierDetail>;

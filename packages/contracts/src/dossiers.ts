import { z } from 'zod';
import { personName } from './person-name.js';
import { Role } from './roles.js';

/** Request and response schemas of the dossiers feature. */

export const DossierChannel = z.enum(['in_person', 'online', 'postal']).meta({ id: 'DossierChannel' });
export type DossierChannel = z.infer<typeof DossierChannel>;
export const DossierReturnMethod = z.enum(['counter', 'post', 'online']).meta({ id: 'DossierReturnMethod' });
export type DossierReturnMethod = z.infer<typeof DossierReturnMethod>;
export const ApplicantKind = z.enum(['citizen', 'enterprise', 'state_agency', 'organisation']);
/** A checklist row at the counter; `not_applicable`: a conditional component whose case does not apply. */
export const ComponentState = z.enum(['present', 'missing', 'invalid', 'not_applicable']);
export type ComponentState = z.infer<typeof ComponentState>;

export const DossierStatusName = z
  .enum([
    'new',
    'supplement_requested',
    'received',
    'processing',
    'awaiting_payment',
    'result_ready',
    'returned',
    'refused',
    'withdrawn',
    'stopped',
  ])
  .meta({ id: 'DossierStatus' });
export type DossierStatusName = z.infer<typeof DossierStatusName>;

export const DossierActionKind = z.enum([
  'submitted',
  'received',
  'supplement_requested',
  'supplemented',
  'refused',
  'assigned',
  'claimed',
  'step_completed',
  'forwarded',
  'consultation_requested',
  'consultation_answered',
  'financial_obligation_requested',
  'financial_obligation_paid',
  'approved',
  'result_issued',
  'apology_issued',
  'withdrawn',
  'stopped',
  'returned',
  'rated',
]);
export type DossierActionKind = z.infer<typeof DossierActionKind>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const ApplicantInput = z
  .object({
    type: ApplicantKind.default('citizen'),
    fullName: personName(200),
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Z]{6,20}$/i)
      .nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/)
      .nullish(),
    email: z.string().trim().email().max(200).nullish(),
    address: optionalText(500),
  })
  .meta({ id: 'ApplicantInput' });
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const AgentInput = z
  .object({
    fullName: personName(200),
    idNumber: optionalText(20),
    phone: optionalText(20),
    relation: optionalText(100).describe('Relative, postal worker, volunteer…'),
  })
  .meta({ id: 'AgentInput' });
export type AgentInput = z.infer<typeof AgentInput>;

export const ComponentCheckInput = z
  .object({
    key: text(40),
    state: ComponentState,
    reason: optionalText(500),
    copies: z.number().int().min(0).max(100).optional(),
  })
  .meta({ id: 'ComponentCheckInput' });
export type ComponentCheckInput = z.infer<typeof ComponentCheckInput>;

/** A time limit entered by the receiving official for a procedure that has none (catalog and internal process). */
export const TimeLimitInput = z
  .object({
    value: z.number().positive().max(366),
    unit: z.enum(['working_days', 'working_hours', 'calendar_days']),
  })
  .meta({ id: 'TimeLimitInput' });
export type TimeLimitInput = z.infer<typeof TimeLimitInput>;

export const ReceiveDossierRequest = z
  .object({
    mode: z
      .enum(['receive', 'request_supplement', 'submit'])
      .describe(
        'receive: complete, accepted now (receipt, form 01); request_supplement: incomplete at the counter (form 02); submit: registered as new, checked later (online, postal)',
      ),
    channel: DossierChannel,
    procedureCode: text(40),
    receivingUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/),
    competentUnitCode: z
      .string()
      .regex(/^[0-9A-Z]{2,10}$/)
      .nullish(),
    applicant: ApplicantInput,
    agent: AgentInput.nullish(),
    components: z.array(ComponentCheckInput).max(200),
    returnMethod: DossierReturnMethod.default('counter'),
    vneidVerified: z.boolean().optional(),
    note: optionalText(2000),
    timeLimit: TimeLimitInput.nullish().describe(
      'Only when the procedure has no time limit for the channel and the unit’s internal process sets none: required to receive (422 DOSSIER_TIME_LIMIT_REQUIRED), refused otherwise (409 DOSSIER_TIME_LIMIT_FIXED)',
    ),
    feeCollectedVnd: z
      .number()
      .int()
      .min(0)
      .max(10_000_000_000)
      .nullish()
      .describe('Fees and charges collected at the counter (VND), with mode receive only; a fee receipt is printed'),
    /** The structured e-form filled in at the counter for the applicant: checked as online (422 EFORM_INVALID). */
    eform: z
      .object({ values: z.record(z.string(), z.unknown()) })
      .nullish()
      .describe('E-form values by field key (see the e-form schema of the procedure); optional at the counter'),
  })
  .meta({ id: 'ReceiveDossierRequest' });
export type ReceiveDossierRequest = z.input<typeof ReceiveDossierRequest>;

export const DossierProgressName = z.enum(['undue', 'due_soon', 'overdue', 'early', 'on_time', 'late', 'no_deadline']);
export type DossierProgressName = z.infer<typeof DossierProgressName>;

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

// Action requests
export const DossierNoteRequest = z.object({ note: optionalText(2000) }).meta({ id: 'DossierNoteRequest' });
export const AcceptDossierRequest = z
  .object({
    components: z.array(ComponentCheckInput).max(200).optional(),
    note: optionalText(2000),
    timeLimit: TimeLimitInput.nullish().describe('As in ReceiveDossierRequest: for a procedure without a time limit'),
  })
  .meta({ id: 'AcceptDossierRequest' });
export const SupplementRequestBody = z
  .object({
    items: z
      .array(
        z.object({
          key: text(40),
          name: optionalText(500),
          state: z.enum(['missing', 'invalid']),
          reason: optionalText(500),
        }),
      )
      .min(1)
      .max(200),
    deadlineAt: z.iso.datetime({ offset: true }).optional(),
    note: optionalText(2000),
  })
  .meta({ id: 'SupplementRequestBody' });
export const RefuseDossierRequest = z
  .object({ reasons: z.array(z.string().trim().max(1000)).min(1).max(20), note: optionalText(2000) })
  .meta({ id: 'RefuseDossierRequest' });
export const AssignStepRequest = z
  .object({ stepOrder: z.number().int().min(1), assigneeId: z.uuid().nullish(), note: optionalText(2000) })
  .meta({ id: 'AssignStepRequest' });
export const ClaimStepRequest = z.object({ stepOrder: z.number().int().min(1) }).meta({ id: 'ClaimStepRequest' });
export const CompleteStepRequest = z
  .object({
    fromStep: z.number().int().min(1),
    toStep: z.number().int().min(1).nullish(),
    toAssigneeId: z.uuid().nullish(),
    note: optionalText(2000),
  })
  .meta({ id: 'CompleteStepRequest' });
export const ForwardDossierRequest = z
  .object({ toUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/), note: optionalText(2000) })
  .meta({ id: 'ForwardDossierRequest' });
export const ConsultationRequest = z
  .object({ agency: text(300), question: text(2000), workingDays: z.number().min(0.5).max(60) })
  .meta({ id: 'ConsultationRequest' });
export const AnswerConsultationRequest = z.object({ answer: text(4000) }).meta({ id: 'ConsultationAnswer' });
export const FinancialObligationRequest = z
  .object({ amount: z.number().min(0).nullish(), description: optionalText(1000) })
  .meta({ id: 'FinancialObligationRequest' });
export const ApologyRequest = z
  .object({ reason: text(2000), newDueAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'ApologyRequest' });
export const DossierReasonRequest = z.object({ reason: text(2000) }).meta({ id: 'DossierReasonRequest' });
export const ReturnResultRequest = z
  .object({ method: DossierReturnMethod, note: optionalText(2000) })
  .meta({ id: 'ReturnResultRequest' });
export const RatingCriterionName = z.enum([
  'totalTime',
  'agencyTime',
  'contactsNeeded',
  'agenciesContacted',
  'oneStopOrganisation',
  'publicity',
  'staffAttitude',
  'feedbackHandling',
  'onlineService',
]);
export const RateDossierRequest = z
  .object({
    level: z.number().int().min(1).max(5),
    criteria: z.partialRecord(RatingCriterionName, z.number().int().min(1).max(5)).optional(),
    comment: optionalText(2000),
  })
  .meta({ id: 'RateDossierRequest' });

export const AssigneeCandidates = z
  .object({
    items: z.array(
      z.object({ userId: z.string(), fullName: z.string(), role: z.string(), openAssignments: z.number().int() }),
    ),
  })
  .meta({ id: 'AssigneeCandidates' });

export const SlipKindName = z.enum([
  'receipt',
  'supplement',
  'refusal',
  'apology',
  'stop',
  'control-sheet',
  'fee-receipt',
]);
export type SlipKindName = z.infer<typeof SlipKindName>;

export const PublicLookupQuery = z.object({
  code: z.string().trim().min(10).max(80),
  secondFactor: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .describe(
      'Phone number or ID number of the applicant or agent; for a dossier that records neither, the applicant’s full name',
    ),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring
export type PublicLookupQuery = z.infer<typeof PublicLookupQuery>;

/**
 * One official's opening of a dossier, as the applicant sees it (issue 16, after Estonia's Data Tracker): when,
 * which office (unit) and role, and what was opened — never who.
 */
export const DossierAccessEntry = z
  .object({
    at: z.string(),
    role: Role,
    officeCode: z.string(),
    officeName: z.string(),
    purpose: z.enum(['detail', 'attachment', 'slip']),
  })
  .meta({ id: 'DossierAccessEntry' });
export type DossierAccessEntry = z.infer<typeof DossierAccessEntry>;

export const PublicDossierView = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    applicantInitials: z.string(),
    status: DossierStatusName,
    nationalStatus: z.number().int(),
    statusName: z.string(),
    receivingUnitName: z.string(),
    submittedAt: z.string(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    pendingSupplement: z.array(z.object({ name: z.string(), reason: z.string().nullable().optional() })),
    timeline: z.array(z.object({ at: z.string(), label: z.string() })),
    slips: z.array(SlipKindName),
    canRate: z.boolean(),
    /** Officials who opened the dossier, its files or slips: office, role and time, newest first. */
    accessLog: z.array(DossierAccessEntry),
  })
  .meta({ id: 'PublicDossierView' });
export type PublicDossierView = z.infer<typeof PublicDossierView>;

// ------------------------------------------------------------------ aggregates for supervisors

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

import { z } from 'zod';
import { ComponentCheckInput } from './dossiers.js';

/**
 * The front desk: service groups of a service center, counters, queue tickets from the kiosk, the information desk,
 * appointments and result pickup, the live display and the numbers of the center director.
 */
export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const PriorityKind = z.enum(['elderly', 'disabled', 'pregnant', 'appointment']);
export type PriorityKind = z.infer<typeof PriorityKind>;
export const TicketSource = z.enum(['kiosk', 'information_desk', 'appointment', 'pickup']);
export type TicketSource = z.infer<typeof TicketSource>;
export const QueueGroupKind = z.enum(['field', 'pickup', 'information']);
export type QueueGroupKind = z.infer<typeof QueueGroupKind>;

/** A priority rule of a center: a ticket of this kind counts as having waited `boostMinutes` longer. */
export const PriorityRule = z.object({
  kind: PriorityKind,
  enabled: z.boolean(),
  boostMinutes: z.number().int().min(0).max(600),
});
export type PriorityRule = z.infer<typeof PriorityRule>;

/** When tickets are issued: now or not, and the next opening (when closed) or the closing (when open). */
export const TicketingHours = z.object({
  open: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});
export type TicketingHours = z.infer<typeof TicketingHours>;

export const QueueGroupView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: QueueGroupKind,
    fieldCodes: z.array(z.string()),
    numberBase: z.number().int(),
    waiting: z.number().int(),
    expectedWaitMinutes: z.number().int(),
  })
  .meta({ id: 'QueueGroupView' });
export type QueueGroupView = z.infer<typeof QueueGroupView>;

export const QueueCounterView = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    name: z.string(),
    groupIds: z.array(z.uuid()),
    officialUserId: z.string().nullable(),
    officialName: z.string().nullable(),
  })
  .meta({ id: 'QueueCounterView' });
export type QueueCounterView = z.infer<typeof QueueCounterView>;

export const QueueCenterView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitCode: z.string(),
    address: z.string().nullable(),
    groups: z.array(QueueGroupView),
    counters: z.array(QueueCounterView),
    priorityRules: z.array(PriorityRule),
    notices: z.array(z.string()),
    slotMinutes: z.number().int(),
    /** Whether the kiosk issues tickets now (reception day, office hours), and when it opens or closes. */
    hours: TicketingHours,
  })
  .meta({ id: 'QueueCenterView' });
export type QueueCenterView = z.infer<typeof QueueCenterView>;

export const QueueCenterList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), unitCode: z.string() })),
});

export const TicketDossierLink = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  kind: z.enum(['received', 'pickup']),
  linkedAt: z.string(),
});

/**
 * What the information desk pre-checked, as the server computed it against the procedure's checklist (counter
 * channel, the center's unit): the procedure, whether the documents are complete, and the rows still needed.
 */
export const TicketPrecheck = z
  .object({
    procedureCode: z.string(),
    procedureName: z.string(),
    complete: z.boolean(),
    /** Needed components missing or invalid (a required row left unticked counts as missing). */
    missing: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        state: z.enum(['missing', 'invalid']),
        reason: z.string().nullable(),
      }),
    ),
    presentCount: z.number().int(),
    checkedAt: z.string(),
  })
  .meta({ id: 'TicketPrecheck' });
export type TicketPrecheck = z.infer<typeof TicketPrecheck>;

export const TicketView = z
  .object({
    id: z.uuid(),
    publicToken: z.string(),
    centerId: z.uuid(),
    centerName: z.string(),
    number: z.number().int(),
    groupId: z.uuid(),
    groupName: z.string(),
    status: TicketStatus,
    priorityKind: PriorityKind.nullable(),
    source: TicketSource,
    issuedAt: z.string(),
    calledAt: z.string().nullable(),
    servingStartedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    counterNumber: z.number().int().nullable(),
    /** People ahead in its group while it waits (0 once called). */
    ahead: z.number().int(),
    expectedWaitMinutes: z.number().int(),
    dossierCode: z.string().nullable(),
    dossiers: z.array(TicketDossierLink),
    /** The information desk's pre-check (desk tickets only). */
    precheck: TicketPrecheck.nullable(),
    followUrl: z.string(),
  })
  .meta({ id: 'TicketView' });
export type TicketView = z.infer<typeof TicketView>;

export const IssueTicketRequest = z.object({
  groupId: z.uuid(),
  priorityKind: PriorityKind.optional(),
  /**
   * Information desk: the procedure and the rows ticked against its checklist (rows left out take their starting
   * state); the server checks the procedure and computes what is missing (TicketPrecheck).
   */
  precheck: z
    .object({ procedureCode: z.string().trim().min(1).max(40), components: z.array(ComponentCheckInput).max(200) })
    .optional(),
  /** For the "your turn is near" SMS (optional). */
  phone: z
    .string()
    .regex(/^0\d{9,10}$/)
    .optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const PickupTicketRequest = z.object({ dossierCode: z.string().min(5).max(60) });
export type PickupTicketRequest = z.infer<typeof PickupTicketRequest>;

export const TransferRequest = z
  .object({ groupId: z.uuid().optional(), counterId: z.uuid().optional(), note: z.string().max(500).optional() })
  .refine((v) => v.groupId || v.counterId, { message: 'groupId or counterId' });
export type TransferRequest = z.infer<typeof TransferRequest>;

export const LinkDossierRequest = z.object({ dossierCode: z.string().min(5).max(60) });

/** POST /counters/:id/results: this counter holds the result of the dossier with this code. */
export const HoldResultRequest = z.object({ dossierCode: z.string().trim().min(5).max(60) });
export const HeldResult = z
  .object({ dossierCode: z.string(), counterNumber: z.number().int() })
  .meta({ id: 'HeldResult' });
export type HeldResult = z.infer<typeof HeldResult>;

export const CounterState = z
  .object({
    counter: QueueCounterView,
    centerId: z.uuid(),
    current: TicketView.nullable(),
    waiting: z.array(z.object({ groupId: z.uuid(), name: z.string(), count: z.number().int() })),
    servedToday: z.number().int(),
  })
  .meta({ id: 'CounterState' });
export type CounterState = z.infer<typeof CounterState>;

export const DisplayCall = z.object({
  ticketId: z.uuid(),
  number: z.number().int(),
  counterNumber: z.number().int(),
  groupName: z.string(),
  status: TicketStatus,
  calledAt: z.string(),
  callCount: z.number().int(),
});
export type DisplayCall = z.infer<typeof DisplayCall>;

/** What a hall display shows: one snapshot, sent again whenever the center's version moves. */
export const DisplayState = z
  .object({
    centerId: z.uuid(),
    centerName: z.string(),
    version: z.number().int(),
    calling: z.array(DisplayCall),
    recent: z.array(DisplayCall),
    waiting: z.array(z.object({ groupId: z.uuid(), name: z.string(), count: z.number().int() })),
    notices: z.array(z.string()),
    at: z.string(),
  })
  .meta({ id: 'DisplayState' });
export type DisplayState = z.infer<typeof DisplayState>;

/** The counter the signed-in official holds, if any. */
export const MyCounter = z.object({ counterId: z.uuid().nullable() });

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

export const IsoDay = z.iso.date({ error: 'YYYY-MM-DD, a date that exists' });
export const TimeOfDay = z.string().regex(/^\d{2}:\d{2}$/);

export const SlotsQuery = z.object({ groupId: z.uuid(), date: IsoDay });
export const AppointmentSlot = z.object({
  start: TimeOfDay,
  end: TimeOfDay,
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;
export const SlotList = z
  .object({ date: IsoDay, working: z.boolean(), slots: z.array(AppointmentSlot) })
  .meta({ id: 'SlotList' });
export type SlotList = z.infer<typeof SlotList>;

export const BookAppointmentRequest = z.object({
  groupId: z.uuid(),
  date: IsoDay,
  start: TimeOfDay,
  applicantName: z.string().trim().min(2).max(200),
  phone: z.string().regex(/^0\d{9,10}$/),
});
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequest>;
export const RescheduleRequest = z.object({ date: IsoDay, start: TimeOfDay });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

export const AppointmentStatus = z.enum(['booked', 'cancelled', 'checked_in', 'no_show']);
export const AppointmentView = z
  .object({
    id: z.uuid(),
    token: z.string(),
    centerId: z.uuid(),
    centerName: z.string(),
    groupId: z.uuid(),
    groupName: z.string(),
    date: IsoDay,
    start: TimeOfDay,
    end: TimeOfDay,
    status: AppointmentStatus,
    applicantName: z.string(),
    ticketToken: z.string().nullable(),
  })
  .meta({ id: 'AppointmentView' });
export type AppointmentView = z.infer<typeof AppointmentView>;
export const CheckInRequest = z.object({ token: z.string().min(8).max(64) });

const Timing = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
});
export const QueueStatsQuery = z.object({ from: IsoDay.optional(), to: IsoDay.optional() });
export const QueueStats = z
  .object({
    from: IsoDay,
    to: IsoDay,
    byGroup: z.array(Timing),
    byCounter: z.array(Timing),
    byOfficial: z.array(Timing),
    /** Tickets issued per weekday (0 = Sunday) and hour, Vietnam time. */
    heatmap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), tickets: z.number().int() })),
    /** Bookings of the period by outcome (a booking not checked in after its slot and the grace is a no-show). */
    appointments: z.object({
      booked: z.number().int(),
      checkedIn: z.number().int(),
      noShows: z.number().int(),
      cancelled: z.number().int(),
    }),
    endToEnd: z.object({
      dossiers: z.number().int(),
      avgTicketToReceiptMinutes: z.number().nullable(),
      returned: z.number().int(),
      avgReceiptToReturnHours: z.number().nullable(),
    }),
  })
  .meta({ id: 'QueueStats' });
export type QueueStats = z.infer<typeof QueueStats>;

/** The counter the signed-in official holds, if any. */
export const MyCounter = z.object({ counterId: z.uuid().nullable() });

/** Administration of a front desk (queue.manage): groups, the groups each counter serves, rules and hours. */
export const QueueGroupSettings = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: QueueGroupKind,
  fieldCodes: z.array(z.string()),
  numberBase: z.number().int(),
  position: z.number().int(),
  isActive: z.boolean(),
});
export type QueueGroupSettings = z.infer<typeof QueueGroupSettings>;
export const CounterGroupTier = z.object({ groupId: z.uuid(), tier: z.number().int().min(1).max(9) });
export const QueueCounterSettings = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  groups: z.array(CounterGroupTier),
});
export type QueueCounterSettings = z.infer<typeof QueueCounterSettings>;

export const QueueSettingsFields = z.object({
  priorityRules: z.array(PriorityRule).max(4),
  notices: z.array(z.string().trim().min(1).max(300)).max(10),
  slotMinutes: z.number().int().min(5).max(240),
  nearTurnAhead: z.number().int().min(0).max(20),
  openBeforeMinutes: z.number().int().min(0).max(120),
  closeBeforeMinutes: z.number().int().min(0).max(120),
});
export type QueueSettingsFields = z.infer<typeof QueueSettingsFields>;

export const QueueSettingsView = QueueSettingsFields.extend({
  centerId: z.uuid(),
  centerName: z.string(),
  unitCode: z.string(),
  groups: z.array(QueueGroupSettings),
  counters: z.array(QueueCounterSettings),
  /** Procedure fields offered for a group (the fields of the catalog's procedures in force). */
  fields: z.array(z.string()),
}).meta({ id: 'QueueSettingsView' });
export type QueueSettingsView = z.infer<typeof QueueSettingsView>;

export const QueueGroupInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{1,4}$/),
  name: z.string().trim().min(2).max(120),
  kind: QueueGroupKind,
  fieldCodes: z.array(z.string().trim().min(1).max(200)).max(40),
  numberBase: z.number().int().min(0).max(99_000),
  position: z.number().int().min(0).max(99),
  isActive: z.boolean(),
});
export type QueueGroupInput = z.infer<typeof QueueGroupInput>;

export const CounterGroupsRequest = z.object({ groups: z.array(CounterGroupTier).max(30) });
export type CounterGroupsRequest = z.infer<typeof CounterGroupsRequest>;

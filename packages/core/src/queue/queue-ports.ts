import type {
  PriorityKind,
  PriorityRule,
  QueueGroupInput,
  QueueSettingsFields,
  TicketPrecheck,
  TicketSource,
  TicketStatus,
} from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import type { Actor } from '../authorization/policy.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ReceptionProcedure } from '../dossiers/ports.js';
import type { NotificationPort } from '../notifications/notify-applicant.js';
import type { HeldBooking } from './appointment-slots.js';
import type { CounterGroups, QueueCandidate } from './queue-rules.js';

/** What the front-desk use cases read and write, bound by packages/db to one transaction. */

export type QueueCenterRecord = Readonly<{
  id: string;
  name: string;
  unitCode: string;
  provinceCode: string;
  priorityRules: ReadonlyArray<PriorityRule>;
  slotMinutes: number;
  nearTurnAhead: number;
  openBeforeMinutes: number;
  closeBeforeMinutes: number;
}>;

export type QueueGroupRecord = Readonly<{
  id: string;
  centerId: string;
  code: string;
  name: string;
  kind: 'field' | 'pickup' | 'information';
  numberBase: number;
}>;

export type QueueCounterRecord = Readonly<{
  id: string;
  centerId: string;
  number: number;
  groups: CounterGroups;
  /** The official holding the counter in its open session, if any. */
  sessionUserId: string | null;
}>;

export type TicketRecord = Readonly<{
  id: string;
  centerId: string;
  groupId: string;
  number: number;
  status: TicketStatus;
  source: TicketSource;
  priorityKind: PriorityKind | null;
  issuedAt: Date;
  counterId: string | null;
  officialUserId: string | null;
  callCount: number;
  servingStartedAt: Date | null;
  dossierCode: string | null;
  preferredCounterId: string | null;
}>;

export type NewTicket = Readonly<{
  centerId: string;
  groupId: string;
  day: string;
  number: number;
  source: TicketSource;
  priorityKind: PriorityKind | null;
  issuedAt: Date;
  issuedBy: string | null;
  precheck: TicketPrecheck | null;
  appointmentId: string | null;
  dossierCode: string | null;
  preferredCounterId: string | null;
  phone: string | null;
}>;

/** A waiting ticket of a group as the "your turn is near" SMS sees it. */
export type NearTurnCandidate = QueueCandidate &
  Readonly<{ publicToken: string; phone: string | null; nearTurnNotifiedAt: Date | null }>;

export type TicketPatch = Partial<{
  status: TicketStatus;
  groupId: string;
  counterId: string | null;
  officialUserId: string | null;
  preferredCounterId: string | null;
  calledAt: Date | null;
  callCount: number;
  servingStartedAt: Date | null;
  finishedAt: Date | null;
}>;

export type DossierRef = Readonly<{ id: string; code: string; provinceCode: string; status: string }>;

export type AppointmentRecord = Readonly<{
  id: string;
  token: string;
  centerId: string;
  groupId: string;
  day: string;
  startMinutes: number;
  endMinutes: number;
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show';
  applicantName: string;
  phone: string;
}>;

export interface QueuePorts {
  findCenter(centerId: string): Promise<QueueCenterRecord | undefined>;
  findGroup(groupId: string): Promise<QueueGroupRecord | undefined>;
  /** The first active group of a kind at a center (the result-pickup group). */
  findGroupOfKind(centerId: string, kind: QueueGroupRecord['kind']): Promise<QueueGroupRecord | undefined>;
  findCounter(counterId: string): Promise<QueueCounterRecord | undefined>;
  /** The ticket, its row locked for the rest of the transaction. */
  lockTicket(ticketId: string): Promise<TicketRecord | undefined>;
  /** Next number of a group on a day (1, 2, …), taken under the sequence row's lock. */
  nextNumber(groupId: string, day: string): Promise<number>;
  insertTicket(t: NewTicket): Promise<TicketRecord>;
  updateTicket(ticketId: string, patch: TicketPatch): Promise<void>;
  /** Waiting tickets of a center on a day (call-next orders them with core's callOrder). */
  waitingCandidates(centerId: string, day: string): Promise<QueueCandidate[]>;
  /** Take a waiting ticket for a counter: true when this transaction got it, false when another counter did. */
  claimTicket(ticketId: string, counterId: string, userId: string, at: Date): Promise<boolean>;
  /** The ticket called or being served at a counter. */
  currentTicketOfCounter(counterId: string): Promise<TicketRecord | undefined>;
  appendEvent(e: {
    ticketId: string;
    centerId: string;
    type: string;
    at: Date;
    counterId: string | null;
    userId: string | null;
    data?: Record<string, unknown>;
  }): Promise<void>;
  /** Move the center's version (the displays' cursor); the last write of a queue use case. */
  bumpVersion(centerId: string): Promise<void>;
  openSession(counterId: string, userId: string, at: Date): Promise<void>;
  closeSession(counterId: string, at: Date): Promise<void>;
  findDossierByCode(code: string): Promise<DossierRef | undefined>;
  /** Dossiers an official received since an instant and not yet linked to a ticket (received while serving it). */
  dossiersReceivedBy(userId: string, since: Date): Promise<DossierRef[]>;
  linkDossier(ticketId: string, dossier: DossierRef, kind: 'received' | 'pickup', at: Date): Promise<boolean>;
  /** The counter that served the ticket a dossier was received on, when that counter is open now. */
  openCounterThatReceived(dossierId: string): Promise<string | null>;
  /** The counter recorded as holding a dossier's result, when that counter is open now. */
  openCounterHoldingResult(dossierId: string): Promise<string | null>;
  /** Record (or move) where a dossier's result is held: one counter per dossier. */
  recordResultHolding(dossierId: string, counterId: string, userId: string, at: Date): Promise<void>;
  /** A procedure the center's unit receives at the counter today, with its checklist (the information desk). */
  findDeskProcedure(input: {
    procedureCode: string;
    unitCode: string;
    onDate: string;
  }): Promise<Pick<ReceptionProcedure, 'code' | 'name' | 'components'> | undefined>;
  /** Active counters of a center serving a group. */
  countersServing(groupId: string): Promise<number>;
  findAppointment(token: string, lock?: boolean): Promise<AppointmentRecord | undefined>;
  /** Bookings held per slot start minute of a group on a day. */
  bookedSlots(groupId: string, day: string): Promise<Map<number, number>>;
  /** The bookings still held (booked or checked in) by one phone number at a center on a day. */
  phoneBookings(centerId: string, phone: string, day: string): Promise<ReadonlyArray<HeldBooking>>;
  insertAppointment(
    a: Omit<AppointmentRecord, 'id' | 'status'> & { provinceCode: string; phone: string; at: Date },
  ): Promise<string>;
  updateAppointment(
    id: string,
    patch: Partial<Pick<AppointmentRecord, 'status' | 'day' | 'startMinutes' | 'endMinutes'>> & { at: Date },
  ): Promise<void>;
  /** A fresh unguessable token (QR of a ticket or an appointment). */
  newToken(): string;
  /** The working calendar of the center's unit around a date (holidays, make-up days, office hours). */
  calendarOf(center: QueueCenterRecord, today: string): Promise<WorkingCalendar>;
  /** Waiting tickets of a group on a day, with what the near-turn SMS needs. */
  nearTurnCandidates(groupId: string, day: string): Promise<NearTurnCandidate[]>;
  markNearTurnNotified(ticketId: string, at: Date): Promise<void>;
  /** The address printed in a ticket's QR (the phone page that follows it). */
  followUrl(publicToken: string): string;
  /** The applicant notifications' outbox (issue 12): the SMS leaves through it. */
  notifications: NotificationPort;
  /** Administration (queue.manage). */
  updateSettings(centerId: string, fields: QueueSettingsFields): Promise<void>;
  listGroupsOfCenter(centerId: string): Promise<Array<QueueGroupInput & { id: string }>>;
  insertGroup(center: QueueCenterRecord, group: QueueGroupInput): Promise<string>;
  updateGroup(groupId: string, group: QueueGroupInput): Promise<void>;
  centerOfGroup(groupId: string): Promise<string | undefined>;
  waitingInGroup(groupId: string): Promise<number>;
  setCounterGroups(counterId: string, groups: ReadonlyArray<{ groupId: string; tier: number }>): Promise<void>;
  audit: AuditPort;
}

/** What a front-desk use case gets from the request: who acts (null at the kiosk or for a citizen) and when. */
export type QueueContext = Readonly<{ actor: Actor | null; now: Date; today: string }>;

import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the front-desk tables (migration 0080). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface QueueSettingsTable {
  serviceCenterId: string;
  unitCode: string;
  provinceCode: string;
  priorityRules: Json<Array<{ kind: string; enabled: boolean; boostMinutes: number }>>;
  notices: Json<string[]>;
  slotMinutes: Generated<number>;
  version: Generated<number>;
  /** 0130: the "your turn is near" SMS threshold and the kiosk's opening margins. */
  nearTurnAhead: Generated<number>;
  openBeforeMinutes: Generated<number>;
  closeBeforeMinutes: Generated<number>;
}

export interface QueueGroupsTable {
  id: Generated<string>;
  serviceCenterId: string;
  unitCode: string;
  provinceCode: string;
  code: string;
  name: string;
  kind: 'field' | 'pickup' | 'information';
  fieldCodes: Json<string[]>;
  numberBase: number;
  position: Generated<number>;
  isActive: Generated<boolean>;
}

export interface QueueCounterGroupsTable {
  counterId: string;
  groupId: string;
  tier: Generated<number>;
}

export interface QueueCounterSessionsTable {
  id: Generated<string>;
  counterId: string;
  userId: string;
  openedAt: Timestamp;
  closedAt: Timestamp | null;
}

export interface QueueSequencesTable {
  groupId: string;
  day: string;
  lastValue: number;
}

export interface QueueAppointmentsTable {
  id: Generated<string>;
  token: string;
  serviceCenterId: string;
  unitCode: string;
  provinceCode: string;
  groupId: string;
  day: string;
  startMinutes: number;
  endMinutes: number;
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show';
  applicantName: string;
  phone: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface QueueTicketsTable {
  id: Generated<string>;
  publicToken: string;
  serviceCenterId: string;
  unitCode: string;
  provinceCode: string;
  groupId: string;
  day: string;
  number: number;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
  source: 'kiosk' | 'information_desk' | 'appointment' | 'pickup';
  priorityKind: 'elderly' | 'disabled' | 'pregnant' | 'appointment' | null;
  issuedAt: Timestamp;
  issuedBy: string | null;
  precheck: Json<Record<string, unknown>> | null;
  appointmentId: string | null;
  dossierCode: string | null;
  preferredCounterId: string | null;
  counterId: string | null;
  officialUserId: string | null;
  calledAt: Timestamp | null;
  callCount: Generated<number>;
  servingStartedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  phone: string | null;
  nearTurnNotifiedAt: Timestamp | null;
}

export interface QueueTicketEventsTable {
  id: Generated<number>;
  ticketId: string;
  serviceCenterId: string;
  type: string;
  at: Timestamp;
  counterId: string | null;
  userId: string | null;
  data: Json<Record<string, unknown>>;
}

export interface QueueTicketDossiersTable {
  ticketId: string;
  dossierId: string;
  provinceCode: string;
  kind: 'received' | 'pickup';
  linkedAt: Timestamp;
}

export interface QueueResultHoldingsTable {
  dossierId: string;
  counterId: string;
  heldBy: string;
  heldAt: Timestamp;
}

export interface QueueTables {
  queueSettings: QueueSettingsTable;
  queueGroups: QueueGroupsTable;
  queueCounterGroups: QueueCounterGroupsTable;
  queueCounterSessions: QueueCounterSessionsTable;
  queueSequences: QueueSequencesTable;
  queueAppointments: QueueAppointmentsTable;
  queueTickets: QueueTicketsTable;
  queueTicketEvents: QueueTicketEventsTable;
  queueTicketDossiers: QueueTicketDossiersTable;
  queueResultHoldings: QueueResultHoldingsTable;
}

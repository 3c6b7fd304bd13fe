import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  appliedAt: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: Timestamp;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  provinceCode: string | null;
  unitCode: string | null;
  requestId: string | null;
  data: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
}

export interface OutboxMessagesTable {
  id: Generated<number>;
  provinceCode: string;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  idempotencyKey: string;
  payload: JSONColumnType<Record<string, unknown>>;
  createdAt: Timestamp;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  deliveredAt: Date | null;
  lastError: string | null;
  leaseUntil: Date | null;
  leasedBy: string | null;
  deadAt: Date | null;
  deadReason: string | null;
  lastResponse: string | null;
  receiptId: string | null;
  discardedAt: Generated<Date | null>;
}

/** Online dossiers seen by the importer (migration 0071). */
export interface PortalImportsTable {
  portalCode: string;
  sourceSeq: number;
  state: 'imported' | 'needs_review';
  reason: string | null;
  provinceCode: string | null;
  unitCode: string | null;
  procedureCode: string;
  dossierId: string | null;
  payload: JSONColumnType<Record<string, unknown>>;
  importedAt: Timestamp;
  resolvedAt: Date | null;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  createdAt: Generated<Date>;
}

export interface PortalImportCursorsTable {
  source: string;
  cursor: string;
  updatedAt: Timestamp;
}

/** Applicants who asked not to be notified on a channel (migration 0072). */
export interface NotificationOptOutsTable {
  channel: 'email' | 'sms';
  address: string;
  optedOutAt: Timestamp;
  source: string;
}

/** Applicant messages not sent, with the reason (migration 0190). */
export interface NotificationSkipsTable {
  id: Generated<number>;
  idempotencyKey: string;
  channel: 'email' | 'sms';
  event: string;
  reason: 'no_address' | 'opted_out';
  aboutType: string;
  aboutId: string;
  provinceCode: string;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

export interface PlatformTables {
  portalImports: PortalImportsTable;
  portalImportCursors: PortalImportCursorsTable;
  appSecrets: AppSecretsTable;
  notificationOptOuts: NotificationOptOutsTable;
  notificationSkips: NotificationSkipsTable;
  schemaMigrations: SchemaMigrationsTable;
  auditEvents: AuditEventsTable;
  outboxMessages: OutboxMessagesTable;
}

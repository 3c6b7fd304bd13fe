/**
 * The audit row of a write. Every write use case records one through this port, with the repositories of the
 * same transaction, so the change and its trace commit or roll back together.
 */
export type AuditRecord = Readonly<{
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitCode?: string | null;
  provinceCode?: string | null;
  data?: Record<string, unknown>;
}>;

/** Port implemented by packages/db (audit.repository.ts), bound to the request and its transaction. */
export interface AuditPort {
  record(entry: AuditRecord): Promise<void>;
  /** The request the rows are stamped with, for a writer that puts the row into its own statement. */
  readonly requestId?: string | null;
}

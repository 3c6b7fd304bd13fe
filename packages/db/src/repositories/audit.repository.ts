import type { AuditPort } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

export type AuditEvent = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  provinceCode?: string | null;
  unitCode?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
};

/** Append-only audit trail. Call it with the transaction that makes the change. */
export function createAuditRepository(db: Kysely<DB>) {
  return {
    async recordAudit(e: AuditEvent): Promise<void> {
      await db
        .insertInto('auditEvents')
        .values({
          actorUserId: e.actorUserId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          provinceCode: e.provinceCode ?? null,
          unitCode: e.unitCode ?? null,
          requestId: e.requestId ?? null,
          data: JSON.stringify(e.data ?? {}) as unknown as Record<string, unknown>,
          ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
        })
        .execute();
    },

    async listAudit(entityType: string, entityId: string) {
      return db
        .selectFrom('auditEvents')
        .selectAll()
        .where('entityType', '=', entityType)
        .where('entityId', '=', entityId)
        .orderBy('id')
        .execute();
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepository>;

/** Core's audit port over the transaction of the change, stamped with the request id. */
export function createAuditPort(db: Kysely<DB>, requestId: string | null = null): AuditPort {
  const repo = createAuditRepository(db);
  return { record: (e) => repo.recordAudit({ ...e, requestId }), requestId };
}

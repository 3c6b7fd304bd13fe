import type { DeadLetterAdminPorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createOutboxRepository } from './outbox.repository.js';

/** Ports of the dead-letter use cases (re-send, discard) over one transaction. */
export function createDeadLetterPorts(trx: Kysely<DB>, requestId: string | null = null): DeadLetterAdminPorts {
  return { outbox: createOutboxRepository(trx), audit: createAuditPort(trx, requestId) };
}

import type { QueuePorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { queueSettingsPorts } from './queue-settings-ports.js';
import { queueTicketPorts } from './queue-ticket-ports.js';
import { queueVisitPorts } from './queue-visit-ports.js';

/**
 * The front-desk use cases' ports over one transaction (packages/core/src/queue/queue-ports.ts). `publicUrl` is the
 * site's address, printed in the near-turn SMS's link to the ticket's phone page.
 */
export function createQueuePorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): QueuePorts {
  const site = (opts.publicUrl ?? '').replace(/\/$/, '');
  return {
    ...queueTicketPorts(trx),
    ...queueVisitPorts(trx),
    ...queueSettingsPorts(trx),
    followUrl: (token) => `${site}/so-thu-tu/${token}`,
    notifications: createNotificationsRepository(trx),
    audit: createAuditPort(trx, requestId),
  };
}

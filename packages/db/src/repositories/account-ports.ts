import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createSessionsRepository } from './sessions.repository.js';
import { createUsersRepository } from './users.repository.js';

/**
 * Ports of the sign-in and own-account use cases (login, logout, password change, own sessions) over one
 * transaction; the caller adds what is not the database's (password hasher, secrets, clock).
 */
export function createAccountPorts(trx: Kysely<DB>, requestId: string | null = null) {
  return {
    users: createUsersRepository(trx),
    sessions: createSessionsRepository(trx),
    audit: createAuditPort(trx, requestId),
  };
}

import type { Database } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';

/**
 * Run a write use case in one transaction: its ports (repositories and the audit port) are bound to the
 * transaction and stamped with the request id, so the change and its audit row commit or roll back together.
 */
export function inTransaction<P, T>(
  deps: AppDeps,
  req: FastifyRequest,
  portsOf: (trx: Database['db'], requestId: string) => P,
  useCase: (ports: P) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction().execute((trx) => useCase(portsOf(trx, String(req.id))));
}

import { AppError } from '../errors.js';

export type OutboxMessageForAdmin = {
  id: number;
  provinceCode: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  deadAt: Date | null;
  deliveredAt: Date | null;
  discardedAt?: Date | null;
};

/** What re-sending needs from the database (packages/db's outbox repository, bound to a transaction). */
export type DeadLetterPort = {
  lockMessage(id: number): Promise<OutboxMessageForAdmin | undefined>;
  replacePayload(id: number, payload: Record<string, unknown>): Promise<void>;
  requeue(id: number, now: Date): Promise<void>;
};

/**
 * An administrator re-sends a dead letter, optionally corrected. Only a dead, undelivered row can be: a row
 * still in the queue or already delivered is refused (OUTBOX_MESSAGE_NOT_DEAD). The idempotency key stays, so
 * the portal still deduplicates. Returns what the audit row must record.
 */
export async function resendDeadLetter(
  port: DeadLetterPort,
  input: { id: number; payload?: Record<string, unknown> | undefined; now: Date },
) {
  const row = await port.lockMessage(input.id);
  if (!row) throw new AppError('OUTBOX_MESSAGE_NOT_FOUND', { details: { id: input.id } });
  if (!row.deadAt || row.deliveredAt || row.discardedAt) {
    throw new AppError('OUTBOX_MESSAGE_NOT_DEAD', { details: { id: input.id } });
  }
  const corrected = input.payload !== undefined;
  if (input.payload) await port.replacePayload(row.id, input.payload);
  await port.requeue(row.id, input.now);
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    idempotencyKey: row.idempotencyKey,
    corrected,
    previousPayload: corrected ? row.payload : undefined,
  };
}

/**
 * An administrator discards a dead letter that will never be accepted (e.g. a message to an address that does
 * not exist): it leaves the list and stops holding back later rows of its subject, without counting as delivered.
 */
export async function discardDeadLetter(
  port: Pick<DeadLetterPort, 'lockMessage'> & { discard(id: number, now: Date): Promise<void> },
  input: { id: number; now: Date },
) {
  const row = await port.lockMessage(input.id);
  if (!row) throw new AppError('OUTBOX_MESSAGE_NOT_FOUND', { details: { id: input.id } });
  if (!row.deadAt || row.deliveredAt || row.discardedAt) {
    throw new AppError('OUTBOX_MESSAGE_NOT_DEAD', { details: { id: input.id } });
  }
  await port.discard(row.id, input.now);
  return { id: row.id, provinceCode: row.provinceCode, idempotencyKey: row.idempotencyKey, payload: row.payload };
}

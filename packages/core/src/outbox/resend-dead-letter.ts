import type { DiscardDeadLetterRequest, ResendDeadLetterRequest } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
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

/** The ports of the dead-letter use cases (packages/db binds them to one transaction). */
export type DeadLetterAdminPorts = {
  outbox: DeadLetterPort & { discard(id: number, now: Date): Promise<void> };
  audit: AuditPort;
};

const GLOBAL = { kind: 'global' } as const;

async function lockDeadLetter(ports: DeadLetterAdminPorts, id: number) {
  const row = await ports.outbox.lockMessage(id);
  if (!row) throw new AppError('OUTBOX_MESSAGE_NOT_FOUND', { details: { id } });
  if (!row.deadAt || row.deliveredAt || row.discardedAt) {
    throw new AppError('OUTBOX_MESSAGE_NOT_DEAD', { details: { id } });
  }
  return row;
}

/**
 * An administrator re-sends a dead letter, optionally corrected. Only a dead, undelivered row can be: a row
 * still in the queue or already delivered is refused (OUTBOX_MESSAGE_NOT_DEAD). The idempotency key stays, so
 * the portal still deduplicates. The audit row keeps the payload it replaced.
 */
export async function resendDeadLetter(
  actor: Actor,
  input: ResendDeadLetterRequest & { id: number; now: Date },
  ports: DeadLetterAdminPorts,
) {
  authorize(actor, 'outbox.manage', GLOBAL);
  const row = await lockDeadLetter(ports, input.id);
  const corrected = input.payload !== undefined;
  if (input.payload) await ports.outbox.replacePayload(row.id, input.payload);
  await ports.outbox.requeue(row.id, input.now);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: corrected ? 'outbox.dead_letter_corrected_and_resent' : 'outbox.dead_letter_resent',
    entityType: 'outbox_message',
    entityId: String(row.id),
    provinceCode: row.provinceCode,
    data: {
      idempotencyKey: row.idempotencyKey,
      ...(corrected ? { previousPayload: row.payload, payload: input.payload } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
  });
  return { id: row.id, idempotencyKey: row.idempotencyKey, corrected };
}

/**
 * An administrator discards a dead letter that will never be accepted (e.g. a message to an address that does
 * not exist): it leaves the list and stops holding back later rows of its subject, without counting as delivered.
 * The reason and the payload go to the audit row.
 */
export async function discardDeadLetter(
  actor: Actor,
  input: DiscardDeadLetterRequest & { id: number; now: Date },
  ports: DeadLetterAdminPorts,
) {
  authorize(actor, 'outbox.manage', GLOBAL);
  const row = await lockDeadLetter(ports, input.id);
  await ports.outbox.discard(row.id, input.now);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'outbox.dead_letter_discarded',
    entityType: 'outbox_message',
    entityId: String(row.id),
    provinceCode: row.provinceCode,
    data: { idempotencyKey: row.idempotencyKey, note: input.note, payload: row.payload },
  });
  return { id: row.id, idempotencyKey: row.idempotencyKey };
}

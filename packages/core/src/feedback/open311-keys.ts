import type { Open311Key, Open311KeyInput } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import type { FeedbackContext } from './feedback-context.js';

export interface Open311KeyPorts {
  /** A new random key (URL-safe) and its digest; the key itself is never stored. */
  newKey(): { key: string; digest: string };
  insertKey(k: { digest: string; prefix: string; name: string; createdBy: string }): Promise<string>;
  findKey(id: string): Promise<Open311Key | undefined>;
  revokeKey(id: string, at: Date): Promise<void>;
  audit: AuditPort;
}

/** How many leading characters of a key are kept to tell keys apart. */
export const OPEN311_KEY_PREFIX_LENGTH = 12;

/** Keys are national: one national system administrator issues and revokes them. */
const KEYS = { kind: 'global' } as const;

/** Issue a key to an Open311 client; the answer is the only time the key is shown. */
export async function issueOpen311Key(input: Open311KeyInput, ctx: FeedbackContext, ports: Open311KeyPorts) {
  authorize(ctx.actor, 'open311.manage', KEYS);
  const { key, digest } = ports.newKey();
  const prefix = key.slice(0, OPEN311_KEY_PREFIX_LENGTH);
  const id = await ports.insertKey({ digest, prefix, name: input.name, createdBy: ctx.actor!.userId });
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: 'open311.key_issued',
    entityType: 'open311_api_key',
    entityId: id,
    data: { name: input.name, prefix },
  });
  return { id, name: input.name, key };
}

/** Revoke a key: requests signed with it are refused from now on. */
export async function revokeOpen311Key(id: string, ctx: FeedbackContext, ports: Open311KeyPorts) {
  authorize(ctx.actor, 'open311.manage', KEYS);
  const k = await ports.findKey(id);
  if (!k) throw new AppError('OPEN311_KEY_NOT_FOUND');
  if (k.revokedAt) throw new AppError('OPEN311_KEY_ALREADY_REVOKED');
  await ports.revokeKey(id, ctx.now);
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: 'open311.key_revoked',
    entityType: 'open311_api_key',
    entityId: id,
    data: { name: k.name, prefix: k.prefix },
  });
}

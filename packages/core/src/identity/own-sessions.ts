import type { AuditPort } from '../audit.js';
import type { Actor } from '../authorization/policy.js';
import { AppError } from '../errors.js';

export type OwnSessionsPorts = {
  sessions: {
    /** Delete the user's session with this public id; false if they have none such. */
    deleteSessionOfUser(userId: string, publicId: string): Promise<boolean>;
    /** Delete every session of the user; how many there were. */
    deleteSessionsOfUser(userId: string): Promise<number>;
  };
  audit: AuditPort;
};

/** An official ends one of their own sessions (a browser left signed in elsewhere); someone else's is not found. */
export async function revokeOwnSession(
  actor: Actor,
  input: { sessionId: string; current: boolean },
  ports: OwnSessionsPorts,
): Promise<void> {
  if (!(await ports.sessions.deleteSessionOfUser(actor.userId, input.sessionId))) {
    throw new AppError('SESSION_NOT_FOUND');
  }
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'auth.session_revoked',
    entityType: 'user',
    entityId: actor.userId,
    data: { sessionId: input.sessionId, current: input.current },
  });
}

/** An official signs out everywhere: every session of theirs ends (this one too); audited with how many. */
export async function revokeAllOwnSessions(actor: Actor, ports: OwnSessionsPorts): Promise<{ revoked: number }> {
  const revoked = await ports.sessions.deleteSessionsOfUser(actor.userId);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'auth.revoke_all',
    entityType: 'user',
    entityId: actor.userId,
    data: { revoked },
  });
  return { revoked };
}

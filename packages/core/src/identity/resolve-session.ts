import type { SessionUser } from '@mot-cua/contracts';
import type { Actor } from '../authorization/policy.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { Secrets, SessionsRepository, UsersRepository } from './ports.js';

export type ResolvedSession = { actor: Actor; user: SessionUser; csrfToken: string; expiresAt: Date; idHash: string };

/**
 * Turn a session cookie into an actor. Sliding expiry: each use extends the session by the TTL.
 * Grants are read as of today, so a transfer takes effect on its effective date without re-login.
 */
export async function resolveSession(
  token: string,
  deps: { users: UsersRepository; sessions: SessionsRepository; secrets: Secrets; clock: Clock; sessionTtlMs: number },
): Promise<ResolvedSession> {
  const idHash = deps.secrets.sha256(token);
  const session = await deps.sessions.findSession(idHash);
  if (!session) throw new AppError('UNAUTHENTICATED');
  const now = deps.clock.now();
  if (session.expiresAt.getTime() <= now.getTime()) {
    await deps.sessions.deleteSession(idHash);
    throw new AppError('SESSION_EXPIRED');
  }
  const user = await deps.users.findUser(session.userId);
  if (!user?.isActive) {
    await deps.sessions.deleteSession(idHash);
    throw new AppError('UNAUTHENTICATED');
  }
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  await deps.sessions.touchSession(idHash, now, expiresAt);
  const grants = await deps.users.listEffectiveGrants(user.id, vnDate(now));
  return {
    actor: { userId: user.id, grants },
    user: { id: user.id, username: user.username, fullName: user.fullName, grants },
    csrfToken: session.csrfToken,
    expiresAt,
    idHash,
  };
}

import type { SessionUser } from '@mot-cua/contracts';
import type { Actor } from '../authorization/policy.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { Secrets, SessionsRepository } from './ports.js';

export type ResolvedSession = {
  actor: Actor;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
  idHash: string;
  /** A one-time password must be changed first; whether a second factor is on. */
  account: { mustChangePassword: boolean; secondFactor: boolean };
  /** Version of the master data when the request began (caches of units, calendars, procedures use it). */
  masterDataVersion: number;
};

/**
 * How far the sliding expiry may lag: a session is written back (WAL, a row version) at most once a
 * minute rather than on every request, so it may end up to a minute before "last request + TTL".
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * Turn a session cookie into an actor with one read (session, user, grants of today, master-data version).
 * Sliding expiry: a use extends the session by the TTL, written at most once per SESSION_TOUCH_INTERVAL_MS.
 * Grants are read as of today, so a transfer takes effect on its effective date without re-login.
 */
export async function resolveSession(
  token: string,
  deps: { sessions: SessionsRepository; secrets: Secrets; clock: Clock; sessionTtlMs: number },
): Promise<ResolvedSession> {
  const idHash = deps.secrets.sha256(token);
  const now = deps.clock.now();
  const found = await deps.sessions.findActiveSession(idHash, vnDate(now));
  if (!found) throw new AppError('UNAUTHENTICATED');
  const { session, user, grants } = found;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await deps.sessions.deleteSession(idHash);
    throw new AppError('SESSION_EXPIRED');
  }
  if (!user.isActive) {
    await deps.sessions.deleteSession(idHash);
    throw new AppError('UNAUTHENTICATED');
  }
  let expiresAt = session.expiresAt;
  const extended = new Date(now.getTime() + deps.sessionTtlMs);
  if (extended.getTime() - expiresAt.getTime() >= Math.min(SESSION_TOUCH_INTERVAL_MS, deps.sessionTtlMs / 2)) {
    await deps.sessions.touchSession(idHash, now, extended);
    expiresAt = extended;
  }
  return {
    actor: { userId: user.id, grants },
    user: { id: user.id, username: user.username, fullName: user.fullName, grants },
    csrfToken: session.csrfToken,
    expiresAt,
    idHash,
    account: { mustChangePassword: user.mustChangePassword, secondFactor: user.secondFactor },
    masterDataVersion: found.masterDataVersion,
  };
}

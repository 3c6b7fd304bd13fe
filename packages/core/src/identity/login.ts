import type { SessionUser } from '@mot-cua/contracts';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { PasswordHasher, Secrets, SessionsRepository, UsersRepository } from './ports.js';

export type LoginDeps = {
  users: UsersRepository;
  sessions: SessionsRepository;
  hasher: PasswordHasher;
  secrets: Secrets;
  clock: Clock;
  sessionTtlMs: number;
};

export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; user: SessionUser };

// A real argon2id hash of a random password: verifying against it when the user does not exist keeps
// the response time the same, so usernames cannot be probed by timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ji6mJnh5m/qan66zBlfSXw$GK5m9FAqjfHupBxcyDde25J1HAvbMhmR8ZmFos67usQ';

/** Check a username and password and open a server-side session. */
export async function login(
  input: { username: string; password: string; userAgent?: string | null; ip?: string | null },
  deps: LoginDeps,
): Promise<LoginResult> {
  const user = await deps.users.findUserByUsername(input.username.trim().toLowerCase());
  const ok = await deps.hasher.verify(user?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user?.passwordHash || !ok) throw new AppError('INVALID_CREDENTIALS');
  if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');

  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  const csrfToken = deps.secrets.randomToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  await deps.sessions.createSession({
    idHash: deps.secrets.sha256(token),
    userId: user.id,
    csrfToken,
    expiresAt,
    userAgent: input.userAgent ?? null,
    ip: input.ip ?? null,
  });
  const grants = await deps.users.listEffectiveGrants(user.id, vnDate(now));
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, username: user.username, fullName: user.fullName, grants },
  };
}

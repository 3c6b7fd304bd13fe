import type { SessionUser } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { PasswordHasher, Secrets, SessionsRepository, TotpPort, UserRecord, UsersRepository } from './ports.js';

export type LoginDeps = {
  users: UsersRepository;
  sessions: SessionsRepository;
  hasher: PasswordHasher;
  secrets: Secrets;
  clock: Clock;
  sessionTtlMs: number;
  totp: TotpPort;
  /** The `auth.login` row, in the transaction that opens the session. */
  audit: AuditPort;
};

export type LoginResult = {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
  account: { mustChangePassword: boolean; secondFactor: boolean };
  /** How the second factor was given, when the account has one. */
  secondFactorUsed: 'totp' | 'recovery_code' | null;
};

/** Recovery codes are typed with or without dashes and in any case; this is the form that is hashed. */
export const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/**
 * The second factor of an account that has one: a TOTP code of a step later than the last accepted one, or an
 * unused recovery code (used up by this sign-in). Throws SECOND_FACTOR_REQUIRED / SECOND_FACTOR_INVALID.
 */
async function checkSecondFactor(
  user: UserRecord,
  given: string | undefined,
  deps: Pick<LoginDeps, 'users' | 'totp' | 'secrets' | 'clock'>,
): Promise<'totp' | 'recovery_code'> {
  const code = given?.trim() ?? '';
  if (!code) throw new AppError('SECOND_FACTOR_REQUIRED');
  if (/^[0-9]{6}$/.test(code)) {
    const step = await deps.totp.matchStep(user.totpSecret!, code, deps.clock.now());
    if (step !== null && (await deps.users.advanceTotpStep(user.id, step))) return 'totp';
    throw new AppError('SECOND_FACTOR_INVALID');
  }
  if (await deps.users.useRecoveryCode(user.id, deps.secrets.sha256(normaliseRecoveryCode(code)))) {
    return 'recovery_code';
  }
  throw new AppError('SECOND_FACTOR_INVALID');
}

// A real argon2id hash of a random password: verifying against it when the user does not exist keeps
// the response time the same, so usernames cannot be probed by timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ji6mJnh5m/qan66zBlfSXw$GK5m9FAqjfHupBxcyDde25J1HAvbMhmR8ZmFos67usQ';

/** Check a username and password and open a server-side session; audited (`auth.login`, with the address). */
export async function login(
  input: { username: string; password: string; secondFactor?: string; userAgent?: string | null; ip?: string | null },
  deps: LoginDeps,
): Promise<LoginResult> {
  const user = await deps.users.findUserByUsername(input.username.trim().toLowerCase());
  const ok = await deps.hasher.verify(user?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user?.passwordHash || !ok) throw new AppError('INVALID_CREDENTIALS');
  if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');
  const now = deps.clock.now();
  if (user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= now.getTime()) {
    throw new AppError('ONE_TIME_PASSWORD_EXPIRED');
  }
  const secondFactorUsed = user.totpSecret ? await checkSecondFactor(user, input.secondFactor, deps) : null;

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
  await deps.audit.record({
    actorUserId: user.id,
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    data: { ip: input.ip ?? null, secondFactor: secondFactorUsed },
  });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, username: user.username, fullName: user.fullName, grants },
    account: { mustChangePassword: user.mustChangePassword, secondFactor: user.totpSecret !== null },
    secondFactorUsed,
  };
}

/** An official signs out: this session ends; audited (`auth.logout`, with the address). */
export async function logout(
  session: { idHash: string; userId: string },
  input: { ip: string | null },
  ports: { sessions: Pick<SessionsRepository, 'deleteSession'>; audit: AuditPort },
): Promise<void> {
  await ports.sessions.deleteSession(session.idHash);
  await ports.audit.record({
    actorUserId: session.userId,
    action: 'auth.logout',
    entityType: 'user',
    entityId: session.userId,
    data: { ip: input.ip },
  });
}

/**
 * The audit rows of a refused sign-in (`auth.login_failed`) and, when this refusal locks the username,
 * `auth.lockout`. The route records them in a transaction of their own, after the sign-in's rolled back; the
 * lockout counter itself is the HTTP layer's (per process, like the rate limit).
 */
export async function recordLoginRefusal(
  audit: AuditPort,
  input: { username: string; ip: string; reason: string; lockout: { failures: number; minutes: number } | null },
): Promise<void> {
  const base = { actorUserId: null, entityType: 'username', entityId: input.username };
  await audit.record({ ...base, action: 'auth.login_failed', data: { ip: input.ip, reason: input.reason } });
  if (input.lockout) await audit.record({ ...base, action: 'auth.lockout', data: { ip: input.ip, ...input.lockout } });
}

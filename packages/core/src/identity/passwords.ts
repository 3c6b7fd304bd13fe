import type { RoleGrant } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/fold.js';
import type { PasswordHasher, UserRecord } from './ports.js';

/** The password policy (NIST SP 800-63B): length over composition, no username, not a known common password. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'passwordpassword',
  'password1234',
  'matkhau12345',
  'matkhaumatkhau',
  'admin1234567',
  'administrator',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'iloveyou1234',
  'motcua123456',
]);

/** Whether a password may be set for this username (true) or which rule it breaks. */
export function passwordWeakness(
  password: string,
  username: string,
): 'length' | 'username' | 'common' | 'repeated' | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return 'length';
  const folded = foldText(password).toLowerCase();
  if (username.length >= 3 && folded.includes(foldText(username).toLowerCase())) return 'username';
  if (COMMON.has(folded)) return 'common';
  if (new Set(password).size <= 3) return 'repeated';
  return null;
}

export function assertPasswordPolicy(password: string, username: string): void {
  if (passwordWeakness(password, username)) throw new AppError('PASSWORD_TOO_WEAK');
}

export type PasswordPorts = {
  users: {
    findUser(id: string): Promise<UserRecord | undefined>;
    setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  };
  sessions: { deleteOtherSessionsOfUser(userId: string, keepIdHash: string | null): Promise<number> };
  hasher: PasswordHasher;
  audit: AuditPort;
};

/** The signed-in official changes their password; their other sessions end; audited. */
export async function changePassword(
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionIdHash: string | null },
  ports: PasswordPorts,
): Promise<{ revokedSessions: number }> {
  const user = await ports.users.findUser(input.userId);
  if (!user?.passwordHash || !user.isActive) throw new AppError('UNAUTHENTICATED');
  if (!(await ports.hasher.verify(user.passwordHash, input.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  assertPasswordPolicy(input.newPassword, user.username);
  // The official's own choice: a one-time password's "change it first" and its expiry end here.
  await ports.users.setPasswordHash(user.id, await ports.hasher.hash(input.newPassword));
  const revokedSessions = await ports.sessions.deleteOtherSessionsOfUser(user.id, input.keepSessionIdHash);
  await ports.audit.record({
    actorUserId: user.id,
    action: 'auth.password_changed',
    entityType: 'user',
    entityId: user.id,
    data: { revokedSessions, fromOneTimePassword: user.mustChangePassword },
  });
  return { revokedSessions };
}

export type FirstAdminPorts = {
  users: {
    countActiveNationalAdministrators(): Promise<number>;
    findUserByUsername(username: string): Promise<UserRecord | undefined>;
    createUser(u: { username: string; fullName: string; passwordHash: string }): Promise<string>;
    addGrant(userId: string, grant: RoleGrant): Promise<void>;
  };
  hasher: PasswordHasher;
  audit: AuditPort;
};

/**
 * First run of a production installation: the first nationwide system administrator, with a password they chose.
 * Refused once an active one exists (from then on administrators create users).
 */
export async function createFirstAdministrator(
  input: { username: string; fullName: string; password: string },
  ports: FirstAdminPorts,
): Promise<{ userId: string }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username) || !input.fullName.trim()) throw new AppError('VALIDATION_FAILED');
  if ((await ports.users.countActiveNationalAdministrators()) > 0) throw new AppError('ADMINISTRATOR_EXISTS');
  if (await ports.users.findUserByUsername(username)) throw new AppError('USERNAME_TAKEN');
  assertPasswordPolicy(input.password, username);
  const userId = await ports.users.createUser({
    username,
    fullName: input.fullName.trim(),
    passwordHash: await ports.hasher.hash(input.password),
  });
  await ports.users.addGrant(userId, { role: 'system_admin', unitCode: 'VN' });
  await ports.audit.record({
    actorUserId: null,
    action: 'user.first_administrator_created',
    entityType: 'user',
    entityId: userId,
    data: { username },
  });
  return { userId };
}

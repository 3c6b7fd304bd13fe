import type { CreateUserRequest, GrantInput, OfficialRole, Role } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import type { Actor } from '../authorization/policy.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { PasswordHasher, UserRecord } from './ports.js';
import { decideGrant, decideManageUser, type LocatedGrant } from './user-admin-policy.js';

/** How long a one-time password (new account, reset) works before an administrator must issue another. */
export const ONE_TIME_PASSWORD_TTL_MS = 3 * 24 * 3_600_000;

/** A grant as stored: in force from validFrom to validTo (inclusive, civil dates in Vietnam). */
export type StoredGrant = {
  id: string;
  userId: string;
  role: Role;
  unitCode: string;
  validFrom: string;
  validTo: string | null;
  /** Made by an assignment, which keeps it in step: changed through the assignment only. */
  fromAssignment: boolean;
};

export type UserAdminPorts = {
  users: {
    findUser(id: string): Promise<UserRecord | undefined>;
    findUserByUsername(username: string): Promise<UserRecord | undefined>;
    createUser(u: {
      username: string;
      fullName: string;
      email: string | null;
      phone: string | null;
      passwordHash: string;
      mustChangePassword: boolean;
      passwordExpiresAt: Date;
    }): Promise<string>;
    setActive(userId: string, isActive: boolean): Promise<void>;
    setOneTimePassword(userId: string, passwordHash: string, expiresAt: Date): Promise<void>;
    clearSecondFactor(userId: string): Promise<void>;
    /** Grants not ended before the date (in force or to come). */
    listOpenGrants(userId: string, onDate: string): Promise<StoredGrant[]>;
    findGrant(grantId: string): Promise<StoredGrant | undefined>;
    insertGrant(userId: string, g: { role: OfficialRole; unitCode: string; validFrom: string }): Promise<string>;
    endGrant(grantId: string, validTo: string): Promise<void>;
    deleteGrant(grantId: string): Promise<void>;
  };
  /** The province of a unit ('VN' for the country, the code itself for a province); undefined if unknown. */
  units: { provinceOf(unitCode: string, onDate: string): Promise<string | undefined> };
  sessions: { deleteSessionsOfUser(userId: string): Promise<number> };
  hasher: PasswordHasher;
  /** A fresh random one-time password (it meets the password policy). */
  generatePassword(): string;
  clock: Clock;
  audit: AuditPort;
};

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function locate(
  grant: { role: Role; unitCode: string },
  onDate: string,
  ports: UserAdminPorts,
): Promise<LocatedGrant> {
  const provinceCode = await ports.units.provinceOf(grant.unitCode, onDate);
  if (!provinceCode) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { unitCode: grant.unitCode } });
  return { role: grant.role, unitCode: grant.unitCode, provinceCode };
}

function assertMayGrant(actor: Actor, grant: LocatedGrant): void {
  const d = decideGrant(actor, grant);
  if (!d.allowed) throw new AppError(d.reason, { details: { role: grant.role, unitCode: grant.unitCode } });
}

/** The account, and the actor allowed to manage it as a whole (disable, enable, reset). */
async function manageableUser(actor: Actor, userId: string, ports: UserAdminPorts): Promise<UserRecord> {
  const user = await ports.users.findUser(userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const today = vnDate(ports.clock.now());
  const grants = await ports.users.listOpenGrants(userId, today);
  const located = await Promise.all(grants.map((g) => locate(g, today, ports)));
  const d = decideManageUser(actor, { userId, grants: located });
  if (!d.allowed) throw new AppError(d.reason);
  return user;
}

function validFromOf(input: GrantInput, today: string): string {
  const from = input.validFrom ?? today;
  // A real calendar date (the pattern alone lets 2026-02-31 through), today or later.
  const real =
    !Number.isNaN(Date.parse(`${from}T00:00:00Z`)) && new Date(`${from}T00:00:00Z`).toISOString().startsWith(from);
  if (!real || from < today) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [{ field: 'validFrom', message: 'A grant starts today or later' }],
    });
  }
  return from;
}

/**
 * An administrator (or a center director, for the roles under them) creates an official's account with at least
 * one grant they may give, and a one-time password shown once that must be changed at the first sign-in.
 */
export async function createOfficialAccount(
  actor: Actor,
  input: CreateUserRequest,
  ports: UserAdminPorts,
): Promise<{ userId: string; oneTimePassword: string; expiresAt: Date }> {
  const today = vnDate(ports.clock.now());
  const located = await Promise.all(input.grants.map((g) => locate(g, today, ports)));
  for (const g of located) assertMayGrant(actor, g);
  if (await ports.users.findUserByUsername(input.username)) throw new AppError('USERNAME_TAKEN');
  const oneTimePassword = ports.generatePassword();
  const expiresAt = new Date(ports.clock.now().getTime() + ONE_TIME_PASSWORD_TTL_MS);
  const userId = await ports.users.createUser({
    username: input.username,
    fullName: input.fullName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    passwordHash: await ports.hasher.hash(oneTimePassword),
    mustChangePassword: true,
    passwordExpiresAt: expiresAt,
  });
  const seen = new Set<string>();
  const grants: Array<{ id: string; role: string; unitCode: string; validFrom: string }> = [];
  for (const g of input.grants) {
    const key = `${g.role}@${g.unitCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const validFrom = validFromOf(g, today);
    const id = await ports.users.insertGrant(userId, { role: g.role, unitCode: g.unitCode, validFrom });
    grants.push({ id, role: g.role, unitCode: g.unitCode, validFrom });
  }
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'user.created',
    entityType: 'user',
    entityId: userId,
    unitCode: located[0]!.unitCode,
    provinceCode: located[0]!.provinceCode,
    data: { username: input.username, grants },
  });
  return { userId, oneTimePassword, expiresAt };
}

/** Disable (every session ends at once) or enable an account. */
export async function setAccountActive(
  actor: Actor,
  input: { userId: string; isActive: boolean },
  ports: UserAdminPorts,
): Promise<{ revokedSessions: number }> {
  const user = await manageableUser(actor, input.userId, ports);
  let revokedSessions = 0;
  if (user.isActive !== input.isActive) await ports.users.setActive(user.id, input.isActive);
  if (!input.isActive) revokedSessions = await ports.sessions.deleteSessionsOfUser(user.id);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: input.isActive ? 'user.enabled' : 'user.disabled',
    entityType: 'user',
    entityId: user.id,
    data: { username: user.username, revokedSessions, changed: user.isActive !== input.isActive },
  });
  return { revokedSessions };
}

/**
 * A new one-time password for a forgotten one: every session of the account ends, the next sign-in must change
 * it. The second factor stays unless the administrator removes it (device and recovery codes lost).
 */
export async function resetAccountPassword(
  actor: Actor,
  input: { userId: string; clearSecondFactor: boolean },
  ports: UserAdminPorts,
): Promise<{ oneTimePassword: string; expiresAt: Date; revokedSessions: number }> {
  const user = await manageableUser(actor, input.userId, ports);
  const oneTimePassword = ports.generatePassword();
  const expiresAt = new Date(ports.clock.now().getTime() + ONE_TIME_PASSWORD_TTL_MS);
  await ports.users.setOneTimePassword(user.id, await ports.hasher.hash(oneTimePassword), expiresAt);
  const clearedSecondFactor = input.clearSecondFactor && user.totpSecret !== null;
  if (input.clearSecondFactor) await ports.users.clearSecondFactor(user.id);
  const revokedSessions = await ports.sessions.deleteSessionsOfUser(user.id);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'user.password_reset',
    entityType: 'user',
    entityId: user.id,
    data: { username: user.username, revokedSessions, clearedSecondFactor },
  });
  return { oneTimePassword, expiresAt, revokedSessions };
}

/** Give an official a role in a unit, from today or a later date: within one's jurisdiction, never above one's role. */
export async function grantRole(
  actor: Actor,
  input: { userId: string; grant: GrantInput },
  ports: UserAdminPorts,
): Promise<{ grantId: string }> {
  const user = await ports.users.findUser(input.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (user.id === actor.userId) throw new AppError('CANNOT_MANAGE_SELF');
  const today = vnDate(ports.clock.now());
  const located = await locate(input.grant, today, ports);
  assertMayGrant(actor, located);
  const validFrom = validFromOf(input.grant, today);
  const open = await ports.users.listOpenGrants(user.id, today);
  if (open.some((g) => g.role === input.grant.role && g.unitCode === input.grant.unitCode)) {
    throw new AppError('GRANT_DUPLICATE');
  }
  const grantId = await ports.users.insertGrant(user.id, {
    role: input.grant.role,
    unitCode: input.grant.unitCode,
    validFrom,
  });
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'user.grant_added',
    entityType: 'user',
    entityId: user.id,
    unitCode: located.unitCode,
    provinceCode: located.provinceCode,
    data: { grantId, role: located.role, unitCode: located.unitCode, validFrom },
  });
  return { grantId };
}

/**
 * End a grant: from today on it no longer counts (it ends yesterday; one that has not started yet is removed).
 * The same rule as granting decides who may; grants made by an assignment change with the assignment.
 */
export async function revokeGrant(
  actor: Actor,
  input: { userId: string; grantId: string },
  ports: UserAdminPorts,
): Promise<{ ended: string | null }> {
  const grant = await ports.users.findGrant(input.grantId);
  const today = vnDate(ports.clock.now());
  if (!grant || grant.userId !== input.userId || (grant.validTo !== null && grant.validTo < today)) {
    throw new AppError('GRANT_NOT_FOUND');
  }
  if (grant.userId === actor.userId) throw new AppError('CANNOT_MANAGE_SELF');
  const located = await locate(grant, today, ports);
  assertMayGrant(actor, located);
  if (grant.fromAssignment) throw new AppError('GRANT_FROM_ASSIGNMENT');
  let ended: string | null = null;
  if (grant.validFrom >= today) await ports.users.deleteGrant(grant.id);
  else {
    ended = dayBefore(today);
    await ports.users.endGrant(grant.id, ended);
  }
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'user.grant_revoked',
    entityType: 'user',
    entityId: grant.userId,
    unitCode: located.unitCode,
    provinceCode: located.provinceCode,
    data: { grantId: grant.id, role: grant.role, unitCode: grant.unitCode, validTo: ended, removed: ended === null },
  });
  return { ended };
}

import type { AuditPort } from '../audit.js';
import type { Actor } from '../authorization/policy.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { normaliseRecoveryCode } from './login.js';
import type { PasswordHasher, Secrets, TotpPort, UserRecord } from './ports.js';
import { secondFactorOffered } from './user-admin-policy.js';

/** How many recovery codes an official receives when the second factor is turned on. */
export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorPorts = {
  users: {
    findUser(id: string): Promise<UserRecord | undefined>;
    findPendingTotpSecret(userId: string): Promise<string | null>;
    setPendingTotpSecret(userId: string, secret: string | null): Promise<void>;
    enableTotp(userId: string, secret: string, step: number): Promise<void>;
    clearSecondFactor(userId: string): Promise<void>;
    replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void>;
  };
  totp: TotpPort;
  hasher: PasswordHasher;
  secrets: Secrets;
  /** A fresh recovery code (80 random bits, e.g. "k7mq-3hxz-9prt-wd2c"). */
  generateRecoveryCode(): string;
  clock: Clock;
  audit: AuditPort;
};

async function signedInUser(actor: Actor, ports: SecondFactorPorts): Promise<UserRecord> {
  const user = await ports.users.findUser(actor.userId);
  if (!user?.isActive) throw new AppError('UNAUTHENTICATED');
  return user;
}

/**
 * Step 1: a new secret is offered (kept aside until confirmed) with the otpauth URI to scan. Only for
 * administrators and supervisors, and only while no second factor is on.
 */
export async function startTotpEnrolment(
  actor: Actor,
  ports: SecondFactorPorts,
): Promise<{ secret: string; otpauthUri: string }> {
  if (!secondFactorOffered(actor.grants)) throw new AppError('SECOND_FACTOR_NOT_OFFERED');
  const user = await signedInUser(actor, ports);
  if (user.totpSecret) throw new AppError('SECOND_FACTOR_ALREADY_ON');
  const secret = ports.totp.generateSecret();
  await ports.users.setPendingTotpSecret(user.id, secret);
  await ports.audit.record({
    actorUserId: user.id,
    action: 'auth.totp_enrolment_started',
    entityType: 'user',
    entityId: user.id,
  });
  return { secret, otpauthUri: ports.totp.keyUri(user.username, secret) };
}

/**
 * Step 2: a code from the app proves the secret was scanned; the second factor is on and recovery codes given once.
 * A wrong code is answered `{ rejected: true }` (not thrown) so its audit row commits; the caller refuses it.
 */
export async function confirmTotpEnrolment(
  actor: Actor,
  input: { code: string },
  ports: SecondFactorPorts,
): Promise<{ recoveryCodes: string[] } | { rejected: true }> {
  if (!secondFactorOffered(actor.grants)) throw new AppError('SECOND_FACTOR_NOT_OFFERED');
  const user = await signedInUser(actor, ports);
  if (user.totpSecret) throw new AppError('SECOND_FACTOR_ALREADY_ON');
  const pending = await ports.users.findPendingTotpSecret(user.id);
  if (!pending) throw new AppError('SECOND_FACTOR_NOT_ENROLLING');
  const step = await ports.totp.matchStep(pending, input.code, ports.clock.now());
  if (step === null) {
    await ports.audit.record({
      actorUserId: user.id,
      action: 'auth.totp_confirm_failed',
      entityType: 'user',
      entityId: user.id,
    });
    return { rejected: true };
  }
  await ports.users.enableTotp(user.id, pending, step);
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => ports.generateRecoveryCode());
  await ports.users.replaceRecoveryCodes(
    user.id,
    recoveryCodes.map((c) => ports.secrets.sha256(normaliseRecoveryCode(c))),
  );
  await ports.audit.record({
    actorUserId: user.id,
    action: 'auth.totp_enabled',
    entityType: 'user',
    entityId: user.id,
    data: { recoveryCodes: RECOVERY_CODE_COUNT },
  });
  return { recoveryCodes };
}

/** Turn the second factor off (the password is asked again); its recovery codes go with it. */
export async function disableTotp(actor: Actor, input: { password: string }, ports: SecondFactorPorts): Promise<void> {
  const user = await signedInUser(actor, ports);
  if (!user.passwordHash || !(await ports.hasher.verify(user.passwordHash, input.password))) {
    throw new AppError('CURRENT_PASSWORD_WRONG');
  }
  await ports.users.clearSecondFactor(user.id);
  await ports.audit.record({
    actorUserId: user.id,
    action: 'auth.totp_disabled',
    entityType: 'user',
    entityId: user.id,
    data: { wasOn: user.totpSecret !== null },
  });
}

import type { SessionUser } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Secrets, SessionsRepository } from './ports.js';

/** What the identity provider vouches for, read from its ID token and user info. */
export type CitizenClaims = {
  issuer: string;
  subject: string;
  /** The claim named by OIDC_ID_NUMBER_CLAIM: the 12-digit personal identification number. */
  idNumber: unknown;
  fullName: unknown;
  phone?: unknown;
};

export type CitizenAccount = { id: string; username: string; fullName: string; isActive: boolean };

export interface CitizensRepository {
  findCitizenByOidc(issuer: string, subject: string): Promise<CitizenAccount | undefined>;
  findCitizenByIdNumber(idNumber: string): Promise<(CitizenAccount & { hasPassword: boolean }) | undefined>;
  createCitizen(c: {
    username: string;
    fullName: string;
    phone: string | null;
    issuer: string;
    subject: string;
    idNumber: string;
  }): Promise<string>;
  updateCitizen(
    id: string,
    c: { fullName: string; phone: string | null; issuer: string; subject: string; idNumber: string },
  ): Promise<void>;
  /** Give the citizen role (nationwide: a citizen may submit at any center) unless held already. */
  ensureCitizenGrant(userId: string): Promise<void>;
}

export type SignInCitizenDeps = {
  citizens: CitizensRepository;
  sessions: SessionsRepository;
  secrets: Secrets;
  clock: Clock;
  sessionTtlMs: number;
  audit: AuditPort;
};

export const PERSONAL_ID_NUMBER = /^[0-9]{12}$/;

/** A citizen's username: derived from the identification number, so it is stable and never collides with officials'. */
export const citizenUsername = (idNumber: string) => `cd.${idNumber}`;

/**
 * A citizen signed in at the identity provider: find or create their account by issuer + subject (or link the
 * account of the same identification number), keep the name and phone the provider vouches for, make sure they
 * hold the citizen role and open the same kind of session officials get. The claims must carry a 12-digit
 * personal identification number; an official's account (one with a password) is never taken over.
 */
export async function signInCitizen(
  claims: CitizenClaims,
  input: { userAgent?: string | null; ip?: string | null },
  deps: SignInCitizenDeps,
): Promise<{ token: string; csrfToken: string; expiresAt: Date; user: SessionUser }> {
  const idNumber = typeof claims.idNumber === 'string' ? claims.idNumber.trim() : '';
  if (!PERSONAL_ID_NUMBER.test(idNumber)) throw new AppError('CITIZEN_ID_NUMBER_MISSING');
  const fullName =
    typeof claims.fullName === 'string' && claims.fullName.trim() ? claims.fullName.trim().slice(0, 200) : idNumber;
  const phone = typeof claims.phone === 'string' && claims.phone.trim() ? claims.phone.trim().slice(0, 20) : null;
  const facts = { fullName, phone, issuer: claims.issuer, subject: claims.subject, idNumber };

  let account = await deps.citizens.findCitizenByOidc(claims.issuer, claims.subject);
  let created = false;
  if (!account) {
    const same = await deps.citizens.findCitizenByIdNumber(idNumber);
    if (same?.hasPassword) throw new AppError('CITIZEN_ACCOUNT_CONFLICT');
    if (same) account = same;
  }
  if (account) {
    if (!account.isActive) throw new AppError('ACCOUNT_DISABLED');
    await deps.citizens.updateCitizen(account.id, facts);
  } else {
    const id = await deps.citizens.createCitizen({ ...facts, username: citizenUsername(idNumber) });
    account = { id, username: citizenUsername(idNumber), fullName, isActive: true };
    created = true;
  }
  await deps.citizens.ensureCitizenGrant(account.id);

  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  const csrfToken = deps.secrets.randomToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  await deps.sessions.createSession({
    idHash: deps.secrets.sha256(token),
    userId: account.id,
    csrfToken,
    expiresAt,
    userAgent: input.userAgent ?? null,
    ip: input.ip ?? null,
  });
  await deps.audit.record({
    actorUserId: account.id,
    action: 'auth.citizen_login',
    entityType: 'user',
    entityId: account.id,
    data: { issuer: claims.issuer, created, ip: input.ip ?? null },
  });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: account.id, username: account.username, fullName, grants: [{ role: 'citizen', unitCode: 'VN' }] },
  };
}

import type { RoleGrant } from '@mot-cua/contracts';

export type UserRecord = {
  id: string;
  username: string;
  fullName: string;
  passwordHash: string | null;
  isActive: boolean;
  /** A one-time password set by an administrator: only a password change is allowed until it is changed. */
  mustChangePassword: boolean;
  /** When the one-time password stops working (null for a password the official chose). */
  passwordExpiresAt: Date | null;
  /** The confirmed TOTP secret (second factor on), or null. */
  totpSecret: string | null;
  /** The last TOTP time step accepted, so a code is never used twice. */
  totpLastStep: number | null;
};

export type SessionRecord = {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
};

export interface UsersRepository {
  findUserByUsername(username: string): Promise<UserRecord | undefined>;
  findUser(id: string): Promise<UserRecord | undefined>;
  /** Role grants whose period contains the given civil date (YYYY-MM-DD, Vietnam time). */
  listEffectiveGrants(userId: string, onDate: string): Promise<RoleGrant[]>;
  /** Accept a TOTP step only if later than the last one accepted (one statement: no replay under concurrency). */
  advanceTotpStep(userId: string, step: number): Promise<boolean>;
  /** Mark an unused recovery code (by its hash) used; false if there is none. */
  useRecoveryCode(userId: string, codeHash: string): Promise<boolean>;
}

/** TOTP (RFC 6238) behind a port: the API binds it to a maintained library (otplib). */
export interface TotpPort {
  generateSecret(): string;
  /** The otpauth:// URI an authenticator app scans. */
  keyUri(accountName: string, secret: string): string;
  /** The time step a 6-digit code matches at this instant (one step of drift either way), or null. */
  matchStep(secret: string, code: string, at: Date): Promise<number | null>;
}

/** A session with what a request needs to know of its user, read in one go. */
export type ActiveSession = {
  session: SessionRecord;
  user: Pick<UserRecord, 'id' | 'username' | 'fullName' | 'isActive' | 'mustChangePassword'> & {
    secondFactor: boolean;
  };
  /** Grants whose period contains the date asked for. */
  grants: RoleGrant[];
  /** Version of the master data (units, calendars, procedures), for caches keyed by it. */
  masterDataVersion: number;
};

export interface SessionsRepository {
  findActiveSession(idHash: string, onDate: string): Promise<ActiveSession | undefined>;
  createSession(s: SessionRecord & { userAgent?: string | null; ip?: string | null }): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, at: Date, expiresAt: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOfUser(userId: string): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Randomness and digests, injected so core stays free of I/O and deterministic in tests. */
export interface Secrets {
  randomToken(): string;
  sha256(value: string): string;
}

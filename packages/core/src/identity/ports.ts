import type { RoleGrant } from '@mot-cua/contracts';

export type UserRecord = {
  id: string;
  username: string;
  fullName: string;
  passwordHash: string | null;
  isActive: boolean;
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
}

/** A session with what a request needs to know of its user, read in one go. */
export type ActiveSession = {
  session: SessionRecord;
  user: Pick<UserRecord, 'id' | 'username' | 'fullName' | 'isActive'>;
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

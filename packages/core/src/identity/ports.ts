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

export interface SessionsRepository {
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

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  /** Citizens: the 12-digit personal identification number from the identity claims (migration 0110). */
  personalIdNumber: ColumnType<string | null, string | null | undefined, string | null>;
  isActive: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** A one-time password set by an administrator: the next sign-in must change it (migration 0140). */
  mustChangePassword: Generated<boolean>;
  passwordExpiresAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totpSecret: ColumnType<string | null, string | null | undefined, string | null>;
  totpPendingSecret: ColumnType<string | null, string | null | undefined, string | null>;
  totpEnabledAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totpLastStep: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UserRecoveryCodesTable {
  userId: string;
  codeHash: string;
  usedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  createdAt: Timestamp;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  userId: string;
  role: string;
  unitCode: string;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: string | null;
  createdAt: Timestamp;
}

export interface SessionsTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  userAgent: string | null;
  ip: string | null;
  publicId: Generated<string>;
}

export interface OidcLoginRequestsTable {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: Timestamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

export interface IdentityTables {
  users: UsersTable;
  oidcLoginRequests: OidcLoginRequestsTable;
  roleGrants: RoleGrantsTable;
  sessions: SessionsTable;
  userRecoveryCodes: UserRecoveryCodesTable;
}

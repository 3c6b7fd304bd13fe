import { z } from 'zod';
import { IsoDate } from './admin-units.js';
import { personName } from './person-name.js';
import { Role } from './roles.js';

/** The roles an administrator may grant to an official (citizens get theirs by signing in). */
export const OfficialRole = Role.exclude(['citizen']);
export type OfficialRole = z.infer<typeof OfficialRole>;

/**
 * Which roles a holder of a managing role may grant (and so manage): a system administrator any official's role
 * (their own included) in their jurisdiction, a center director the roles working under them in their unit.
 * Nobody grants a role above their own: a center director cannot make a leader, a director or an administrator.
 * (The rule is core's `decideGrant`; the list is here so the web app offers the same roles.)
 */
export const GRANTABLE_ROLES: Readonly<Record<Role, readonly OfficialRole[]>> = {
  system_admin: [
    'reception',
    'specialist',
    'department_head',
    'leader',
    'center_director',
    'supervisor',
    'system_admin',
  ],
  center_director: ['reception', 'specialist', 'department_head'],
  leader: [],
  department_head: [],
  specialist: [],
  reception: [],
  supervisor: [],
  citizen: [],
};

/** What a username may be: lower-case letters, digits and . _ - (3 to 64). */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

export const UserGrantView = z
  .object({
    id: z.string(),
    role: Role,
    unitCode: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** Created by an assignment (change it through the assignment, not here). */
    fromAssignment: z.boolean(),
    /** Whether the signed-in administrator may revoke it (role and jurisdiction within theirs). */
    revocable: z.boolean(),
  })
  .meta({ id: 'UserGrantView' });
export type UserGrantView = z.infer<typeof UserGrantView>;

export const UserView = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isActive: z.boolean(),
    /** Holds a one-time password that must be changed at the next sign-in. */
    mustChangePassword: z.boolean(),
    secondFactor: z.boolean(),
    /** Grants in force today or later (ended ones are history). */
    grants: z.array(UserGrantView),
    /** Whether the signed-in administrator may disable, enable or reset this account. */
    manageable: z.boolean(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the username or name (accents ignored)'),
  unitCode: z.string().trim().max(10).optional().describe('Only officials with a grant in this unit or province'),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = z.object({ items: z.array(UserView), total: z.number().int() }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const GrantInput = z
  .object({
    role: OfficialRole,
    unitCode: z.string().trim().min(2).max(10),
    validFrom: IsoDate.optional().describe('Default today (Vietnam)'),
  })
  .meta({ id: 'GrantInput' });
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateUserRequest = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
    fullName: personName(200),
    email: z.string().trim().email().max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+ ]{6,20}$/)
      .nullable()
      .optional(),
    grants: z.array(GrantInput).min(1).max(20),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** A new account or a reset: the one-time password is shown once and must be changed at the next sign-in. */
export const OneTimePasswordResponse = z
  .object({ user: UserView, oneTimePassword: z.string(), expiresAt: z.string() })
  .meta({ id: 'OneTimePasswordResponse' });
export type OneTimePasswordResponse = z.infer<typeof OneTimePasswordResponse>;

export const ResetPasswordRequest = z
  .object({
    clearSecondFactor: z
      .boolean()
      .default(false)
      .describe('Also remove the second factor (the official lost the device and the recovery codes)'),
  })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UserIdParam = z.object({ id: z.string().uuid() });
export const UserGrantParam = z.object({ id: z.string().uuid(), grantId: z.string().uuid() });

/** One of the signed-in official's sessions (only the owner sees them). */
export const SessionView = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionView' });
export type SessionView = z.infer<typeof SessionView>;
export const SessionList = z.object({ items: z.array(SessionView) }).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof SessionList>;
export const SessionIdParam = z.object({ id: z.string().uuid() });

/** TOTP enrolment: the secret to scan (QR code of the otpauth URI) or type, confirmed by a code. */
export const TotpEnrolment = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, '6 digits');
export const TotpConfirmRequest = z.object({ code: TotpCode }).meta({ id: 'TotpConfirmRequest' });
export type TotpConfirmRequest = z.infer<typeof TotpConfirmRequest>;

/** Shown once when the second factor is turned on: each signs in once instead of a code. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const TotpDisableRequest = z.object({ password: z.string().min(1).max(256) }).meta({ id: 'TotpDisableRequest' });
export type TotpDisableRequest = z.infer<typeof TotpDisableRequest>;

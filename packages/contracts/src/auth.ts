import { z } from 'zod';
import { RoleGrant } from './roles.js';

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
    /** The code of the authenticator app (6 digits) or a recovery code, when the account has a second factor. */
    secondFactor: z.string().trim().max(32).optional(),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    grants: z.array(RoleGrant),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUser>;

export const AllowedAction = z
  .object({
    action: z.string().describe("An action of the policy, e.g. 'dossier.receive'"),
    unitCode: z.string().describe("Where: a commune, a province (its communes included) or 'VN' (everywhere)"),
  })
  .meta({ id: 'AllowedAction' });
export type AllowedAction = z.infer<typeof AllowedAction>;

export const SessionInfo = z
  .object({
    user: SessionUser,
    allowed: z
      .array(AllowedAction)
      .describe('What the official may do and where, from the grants effective today (the policy still decides)'),
    csrfToken: z.string().describe('Send back as the x-csrf-token header on every write'),
    expiresAt: z.string().datetime(),
    account: z.object({
      /** Signed in with a one-time password: every request but the password change is refused until it is changed. */
      mustChangePassword: z.boolean(),
      /** The account has a TOTP second factor. */
      secondFactor: z.boolean(),
      /** The account may turn a second factor on (administrators and supervisors). */
      secondFactorOffered: z.boolean(),
    }),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export { CSRF_HEADER, SESSION_COOKIE, SESSION_HINT_COOKIE } from './cookies.js';

/** The signed-in official changes their password (policy: ≥ 12 characters, not the username, not common). */
export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

import { GRANTABLE_ROLES, NATIONAL_SCOPE, type OfficialRole, type Role } from '@mot-cua/contracts';
import type { Actor } from '../authorization/policy.js';
import { covers } from '../authorization/policy.js';

export { GRANTABLE_ROLES };

/** A grant placed in the unit tree: its province ('VN' for a nationwide grant, the code itself for a province). */
export type LocatedGrant = { role: Role; unitCode: string; provinceCode: string };

export type GrantDecision =
  | { allowed: true }
  | { allowed: false; reason: 'FORBIDDEN' | 'GRANT_ABOVE_OWN_ROLE' | 'OUT_OF_JURISDICTION' };

/** May the actor grant (or revoke) this role in this unit? Pure. */
export function decideGrant(actor: Actor, grant: LocatedGrant): GrantDecision {
  const managing = actor.grants.filter((g) => GRANTABLE_ROLES[g.role].length > 0);
  if (managing.length === 0) return { allowed: false, reason: 'FORBIDDEN' };
  const roleOk = managing.filter((g) => GRANTABLE_ROLES[g.role].includes(grant.role as OfficialRole));
  if (roleOk.length === 0) return { allowed: false, reason: 'GRANT_ABOVE_OWN_ROLE' };
  const unitCovered = (g: { unitCode: string }) =>
    grant.unitCode === NATIONAL_SCOPE
      ? g.unitCode === NATIONAL_SCOPE
      : covers(g.unitCode, grant.unitCode, grant.provinceCode);
  if (roleOk.some(unitCovered)) return { allowed: true };
  return { allowed: false, reason: managing.some(unitCovered) ? 'GRANT_ABOVE_OWN_ROLE' : 'OUT_OF_JURISDICTION' };
}

/**
 * May the actor disable, enable or reset this account? Only when every grant it holds (in force or to come) is
 * one the actor could grant: a province administrator cannot reset the password of a nationwide one, a center
 * director cannot lock out their leader. An account without grants is the nationwide administrators' alone.
 * Nobody manages their own account this way (they change their own password).
 */
export function decideManageUser(
  actor: Actor,
  target: { userId: string; grants: readonly LocatedGrant[] },
): GrantDecision | { allowed: false; reason: 'CANNOT_MANAGE_SELF' } {
  if (actor.userId === target.userId) return { allowed: false, reason: 'CANNOT_MANAGE_SELF' };
  const official = target.grants.filter((g) => g.role !== 'citizen');
  if (official.length === 0) {
    const national = actor.grants.some((g) => g.role === 'system_admin' && g.unitCode === NATIONAL_SCOPE);
    return national ? { allowed: true } : { allowed: false, reason: 'OUT_OF_JURISDICTION' };
  }
  for (const g of official) {
    const d = decideGrant(actor, g);
    if (!d.allowed) return d;
  }
  return { allowed: true };
}

/** Administrators and supervisors may (and should) add a second factor to their sign-in. */
export const secondFactorOffered = (grants: ReadonlyArray<{ role: Role }>): boolean =>
  grants.some((g) => g.role === 'system_admin' || g.role === 'supervisor');

import { NATIONAL_SCOPE, type Role, type RoleGrant } from '@mot-cua/contracts';
import { AppError } from '../errors.js';
import { type Action, actionRoles } from './actions.js';

/** Who is acting: an authenticated official (or citizen) with role grants effective now. */
export type Actor = Readonly<{
  userId: string;
  grants: ReadonlyArray<RoleGrant>;
}>;

/**
 * What is acted on, located in the admin-unit tree. `global` resources (e.g. the user list) are
 * covered only by national-scope grants. A unit-located resource names its unit and province
 * (a province-level resource has unitCode === provinceCode).
 */
export type Resource =
  | { kind: 'global' }
  | { kind: 'unit'; unitCode: string; provinceCode: string }
  | { kind: 'units'; units: ReadonlyArray<{ unitCode: string; provinceCode: string }> };

export type Decision =
  | { allowed: true; via: RoleGrant }
  | { allowed: false; reason: 'FORBIDDEN' | 'OUT_OF_JURISDICTION' };

/** Does a grant's jurisdiction cover one unit? National covers all; a province covers its communes. */
export function covers(grantUnit: string, unitCode: string, provinceCode: string): boolean {
  return grantUnit === NATIONAL_SCOPE || grantUnit === unitCode || grantUnit === provinceCode;
}

function coversResource(grantUnit: string, resource: Resource): boolean {
  switch (resource.kind) {
    case 'global':
      return grantUnit === NATIONAL_SCOPE;
    case 'unit':
      return covers(grantUnit, resource.unitCode, resource.provinceCode);
    case 'units':
      return resource.units.some((u) => covers(grantUnit, u.unitCode, u.provinceCode));
  }
}

/** The single policy decision. Pure: same actor, action and resource give the same answer. */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  const roles: readonly Role[] = actionRoles[action];
  const withRole = actor.grants.filter((g) => roles.includes(g.role));
  if (withRole.length === 0) return { allowed: false, reason: 'FORBIDDEN' };
  const via = withRole.find((g) => coversResource(g.unitCode, resource));
  return via ? { allowed: true, via } : { allowed: false, reason: 'OUT_OF_JURISDICTION' };
}

/** Throw AppError(FORBIDDEN | OUT_OF_JURISDICTION) unless the actor may act. Returns the grant used. */
export function authorize(actor: Actor | undefined, action: Action, resource: Resource): RoleGrant {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const d = decide(actor, action, resource);
  if (!d.allowed) throw new AppError(d.reason, { details: { action } });
  return d.via;
}

/** Unit codes (or province codes, or 'VN') in which the actor may perform an action: for list filters. */
export function jurisdictionFor(actor: Actor, action: Action): string[] {
  const roles: readonly Role[] = actionRoles[action];
  return [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitCode))];
}

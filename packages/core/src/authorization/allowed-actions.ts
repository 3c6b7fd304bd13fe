import type { AllowedAction, RoleGrant } from '@mot-cua/contracts';
import { type Action, actionRoles, allActions } from './actions.js';

/**
 * What an official may do, and where: one row per action and unit of jurisdiction (a commune, a province or 'VN'),
 * from the grants effective now. The server sends it with the session so that pages show what the policy allows
 * instead of recomputing role lists; the policy still decides every request.
 */
export function allowedActions(grants: ReadonlyArray<RoleGrant>): AllowedAction[] {
  const out: AllowedAction[] = [];
  const seen = new Set<string>();
  for (const action of allActions) {
    const roles: readonly string[] = actionRoles[action as Action];
    for (const g of grants) {
      const key = `${action}@${g.unitCode}`;
      if (roles.includes(g.role) && !seen.has(key)) {
        seen.add(key);
        out.push({ action, unitCode: g.unitCode });
      }
    }
  }
  return out;
}

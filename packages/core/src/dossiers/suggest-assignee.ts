import { Role } from '@mot-cua/contracts';
import { vnDate } from '../time/vn-time.js';
import type { DossierDeps } from './perform-dossier-action.js';
import type { DossierRecord } from './ports.js';

export type AssigneeCandidate = { userId: string; fullName: string; role: string; openAssignments: number };

/** Order candidates least-loaded first (ties by name, then id, so the suggestion is stable). */
export function rankCandidates(candidates: readonly AssigneeCandidate[]): AssigneeCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      a.openAssignments - b.openAssignments ||
      a.fullName.localeCompare(b.fullName, 'vi') ||
      a.userId.localeCompare(b.userId),
  );
}

/** Roles qualified to hold a step whose responsible role is `stepRole`. */
export function qualifiedRoles(stepRole: string): string[] {
  if (stepRole === 'specialist') return ['specialist', 'department_head'];
  if (stepRole === 'reception') return ['reception', 'center_director'];
  return [stepRole];
}

/** Qualified officials of the handling unit for the dossier's current step, least-loaded first. */
export async function suggestAssignees(
  deps: Pick<DossierDeps, 'dossiers' | 'clock'>,
  dossier: Pick<DossierRecord, 'competentUnitCode' | 'provinceCode'>,
  stepRole: string,
): Promise<AssigneeCandidate[]> {
  const list = await deps.dossiers.listCandidates({
    unitCode: dossier.competentUnitCode,
    provinceCode: dossier.provinceCode,
    roles: qualifiedRoles(stepRole),
    onDate: vnDate(deps.clock.now()),
  });
  return rankCandidates(list);
}

/** The step roles an official with these roles may take (the inverse of qualifiedRoles): their "waiting for me". */
export function stepRolesFor(roles: readonly string[]): string[] {
  return Role.options.filter((stepRole) => qualifiedRoles(stepRole).some((r) => roles.includes(r)));
}

/**
 * "Waiting for me" per jurisdiction: for each unit (commune, province or 'VN') the official holds grants in, the
 * step roles their roles there may take. An official who is a specialist in one commune and a leader in another
 * sees free specialist steps of the first and free approval steps of the second, not both in both.
 */
export function waitingScopes(
  grants: ReadonlyArray<{ role: string; unitCode: string }>,
): Array<{ unitCode: string; stepRoles: string[] }> {
  const byUnit = new Map<string, string[]>();
  for (const g of grants) byUnit.set(g.unitCode, [...(byUnit.get(g.unitCode) ?? []), g.role]);
  return [...byUnit.entries()]
    .map(([unitCode, roles]) => ({ unitCode, stepRoles: stepRolesFor(roles) }))
    .filter((s) => s.stepRoles.length > 0);
}

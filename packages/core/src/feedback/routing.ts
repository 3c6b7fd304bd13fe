import type { FeedbackKind } from '@mot-cua/contracts';

/** A routing rule as core sees it (an administrator edits them per province). */
export type RoutingRuleFacts = Readonly<{
  id: number;
  provinceCode: string;
  communeCode: string | null;
  field: string | null;
  kind: FeedbackKind | null;
  unitCode: string;
  departmentId: string | null;
  priority: number;
}>;

export type RoutingInput = Readonly<{
  provinceCode: string;
  /** The commune the matter is about (null when only the province is known). */
  communeCode: string | null;
  field: string | null;
  kind: FeedbackKind;
  /** The unit holding the linked dossier, when a dossier code was given. */
  dossierUnitCode: string | null;
}>;

export type RoutingDecision = Readonly<{
  unitCode: string;
  departmentId: string | null;
  /** Why: the linked dossier, a rule (its id), or the default (the commune itself, else the province). */
  by: 'dossier' | 'rule' | 'default';
  ruleId: number | null;
}>;

/** How specific a rule is: commune counts most, then field, then kind. */
const specificity = (r: RoutingRuleFacts) => (r.communeCode ? 4 : 0) + (r.field ? 2 : 0) + (r.kind ? 1 : 0);

/** Whether a rule covers a matter: each condition it sets must hold; unset conditions match anything. */
export function ruleMatches(r: RoutingRuleFacts, m: RoutingInput): boolean {
  return (
    r.provinceCode === m.provinceCode &&
    (r.communeCode === null || r.communeCode === m.communeCode) &&
    (r.field === null || r.field === m.field) &&
    (r.kind === null || r.kind === m.kind)
  );
}

/**
 * Where a matter goes: a linked dossier goes to the unit holding it; otherwise the most specific matching rule
 * (ties: lower priority number, then the older rule); otherwise the commune itself, or the province.
 */
export function routeFeedback(m: RoutingInput, rules: ReadonlyArray<RoutingRuleFacts>): RoutingDecision {
  if (m.dossierUnitCode) return { unitCode: m.dossierUnitCode, departmentId: null, by: 'dossier', ruleId: null };
  const best = rules
    .filter((r) => ruleMatches(r, m))
    .sort((a, b) => specificity(b) - specificity(a) || a.priority - b.priority || a.id - b.id)[0];
  if (best) return { unitCode: best.unitCode, departmentId: best.departmentId, by: 'rule', ruleId: best.id };
  return { unitCode: m.communeCode ?? m.provinceCode, departmentId: null, by: 'default', ruleId: null };
}

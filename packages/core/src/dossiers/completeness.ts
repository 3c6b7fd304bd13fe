import type { ComponentCheck } from './dossier-actions.js';
import type { ReceptionProcedure } from './ports.js';

export type CompletenessResult = {
  complete: boolean;
  /** The full checklist in procedure order (components not mentioned count as missing). */
  checks: ComponentCheck[];
  /** Required components that are missing or invalid: the content of one supplement request. */
  problems: ComponentCheck[];
  unknownKeys: string[];
};

/**
 * Check a submitted checklist against the procedure version's components. Every required
 * component must be present; optional ones may be missing. Invalid ones need a reason.
 */
export function checkCompleteness(
  components: ReceptionProcedure['components'],
  submitted: ReadonlyArray<{ key: string; state: ComponentCheck['state']; reason?: string | null; copies?: number }>,
): CompletenessResult {
  const byKey = new Map(submitted.map((c) => [c.key, c]));
  const known = new Set(components.map((c) => c.key));
  const checks: ComponentCheck[] = components.map((c) => {
    const s = byKey.get(c.key);
    return {
      key: c.key,
      name: c.name,
      state: s?.state ?? 'missing',
      reason: s?.reason ?? null,
      copies: s?.copies ?? c.copies,
    };
  });
  const required = new Set(components.filter((c) => c.required).map((c) => c.key));
  const problems = checks.filter((c) => c.state !== 'present' && required.has(c.key));
  return {
    complete: problems.length === 0,
    checks,
    problems,
    unknownKeys: submitted.map((c) => c.key).filter((k) => !known.has(k)),
  };
}

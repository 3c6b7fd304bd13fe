import type { ComponentCondition, ComponentState } from '@mot-cua/contracts';
import type { ComponentCheck } from './dossier-actions.js';
import type { ReceptionProcedure } from './ports.js';
import { hasTimeLimit } from './time-limit.js';

export type CompletenessResult = {
  complete: boolean;
  /** The full checklist in procedure order (a row not mentioned takes its starting state). */
  checks: ComponentCheck[];
  /** Needed components that are missing or invalid: the content of one supplement request. */
  problems: ComponentCheck[];
  unknownKeys: string[];
};

type Component = ReceptionProcedure['components'][number];

/**
 * What a row starts as at the counter: a component always needed starts `missing` (unticked); one needed only
 * in some cases starts `not_applicable`, so a complete dossier is not shown with conditional rows missing.
 */
export const initialComponentState = (c: { required: boolean; condition?: ComponentCondition }): ComponentState =>
  c.required && c.condition?.kind !== 'if_applicable' ? 'missing' : 'not_applicable';

/** A row is a problem when it is needed (always, or its case applies) and is missing or invalid. */
function isProblem(c: Component, state: ComponentState): boolean {
  if (state === 'present') return false;
  if (state === 'not_applicable') return initialComponentState(c) === 'missing';
  return true;
}

/**
 * Check a submitted checklist against the procedure version's components (already limited to the channel's).
 * Every always-needed component must be present; a conditional one is fine as "not applicable" or present, and
 * a problem when the official marks it missing or invalid (its case applies).
 */
export function checkCompleteness(
  components: ReceptionProcedure['components'],
  submitted: ReadonlyArray<{
    key: string;
    state: ComponentState;
    reason?: string | null;
    copies?: number;
    reused?: boolean;
    fromCitizenStore?: boolean;
  }>,
): CompletenessResult {
  const byKey = new Map(submitted.map((c) => [c.key, c]));
  const known = new Set(components.map((c) => c.key));
  const checks: ComponentCheck[] = [];
  const problems: ComponentCheck[] = [];
  for (const c of components) {
    const s = byKey.get(c.key);
    const check: ComponentCheck = {
      key: c.key,
      name: c.name,
      state: s?.state ?? initialComponentState(c),
      reason: s?.reason ?? null,
      copies: s?.copies ?? c.copies,
      ...(s?.reused ? { reused: true } : {}),
      ...(s?.fromCitizenStore ? { fromCitizenStore: true } : {}),
    };
    checks.push(check);
    if (isProblem(c, check.state)) {
      // Asked for in a supplement request as missing (a required row marked "not applicable" is missing).
      problems.push(check.state === 'not_applicable' ? { ...check, state: 'missing' } : check);
    }
  }
  return {
    complete: problems.length === 0,
    checks,
    problems,
    unknownKeys: submitted.map((c) => c.key).filter((k) => !known.has(k)),
  };
}

const ALWAYS: ComponentCondition = { kind: 'always', text: null, channels: ['in_person', 'online', 'postal'] };

/**
 * The counter's checklist with the server's verdict (POST /api/dossiers/checklist): every row of the channel
 * with its condition, starting state, current state and whether it is a problem; the page shows this and
 * never decides completeness itself.
 */
export function previewChecklist(
  procedure: Pick<ReceptionProcedure, 'code' | 'name' | 'components' | 'duration' | 'feeTotal'>,
  submitted: ReadonlyArray<{ key: string; state: ComponentState; reason?: string | null; copies?: number }>,
) {
  const check = checkCompleteness(procedure.components, submitted);
  const problemKeys = new Set(check.problems.map((p) => p.key));
  return {
    procedure: { code: procedure.code, name: procedure.name },
    rows: procedure.components.map((c, i) => {
      const row = check.checks[i]!;
      return {
        key: c.key,
        name: c.name,
        group: c.group ?? null,
        copies: c.copies,
        condition: c.condition ?? (c.required ? ALWAYS : { ...ALWAYS, kind: 'if_applicable' as const, text: 'Nếu có' }),
        initialState: initialComponentState(c),
        state: row.state,
        reason: row.reason ?? null,
        problem: problemKeys.has(c.key),
      };
    }),
    complete: check.complete,
    problemCount: check.problems.length,
    unknownKeys: check.unknownKeys,
    needsTimeLimit: !hasTimeLimit(procedure.duration),
    feeTotal: procedure.feeTotal,
  };
}

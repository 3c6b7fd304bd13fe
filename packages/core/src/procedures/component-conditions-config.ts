import type {
  ComponentCondition,
  ComponentConditionConfig,
  DossierChannel,
  ProcedureComponent,
  PutComponentConditionsRequest,
} from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { componentCondition } from './component-condition.js';
import { type UnitScope, unitScopeResource } from './configure-procedures.js';

const ALL: DossierChannel[] = ['in_person', 'online', 'postal'];

/**
 * A condition as an administrator sets it, in its one canonical form: `always` has no text and every channel;
 * `if_applicable` needs the case's text and applies on every channel; `channel` names one or two channels.
 * Throws COMPONENT_CONDITION_INVALID otherwise.
 */
export function normalizeCondition(c: {
  kind: ComponentCondition['kind'];
  text: string | null;
  channels: readonly DossierChannel[];
}): ComponentCondition {
  const text = c.text?.trim().replace(/\s+/g, ' ') || null;
  switch (c.kind) {
    case 'always':
      return { kind: 'always', text: null, channels: [...ALL] };
    case 'if_applicable':
      if (!text) throw new AppError('COMPONENT_CONDITION_INVALID', { details: { kind: c.kind } });
      return { kind: 'if_applicable', text, channels: [...ALL] };
    case 'channel': {
      const channels = ALL.filter((x) => c.channels.includes(x));
      if (channels.length === 0 || channels.length === ALL.length) {
        throw new AppError('COMPONENT_CONDITION_INVALID', { details: { kind: c.kind } });
      }
      return { kind: 'channel', text, channels };
    }
  }
}

export type ConditionOverride = { condition: ComponentCondition; unitCode: string };

/** The condition reception applies: the unit's override, else its province's, else the catalog's parsed one. */
export function effectiveCondition(
  component: Pick<ProcedureComponent, 'name' | 'group' | 'conditional'>,
  override: ComponentCondition | null | undefined,
): ComponentCondition {
  return override ?? componentCondition(component);
}

/** Every handed-in component of a procedure with its parsed, overriding and effective condition. */
export function conditionConfigs(
  components: ReadonlyArray<ProcedureComponent>,
  overrides: ReadonlyMap<string, ConditionOverride>,
  scope: UnitScope,
): ComponentConditionConfig[] {
  return components
    .filter((c) => !c.presentOnly)
    .map((c) => {
      const o = overrides.get(c.key);
      const parsed = componentCondition(c);
      return {
        key: c.key,
        name: c.name,
        group: c.group,
        parsed,
        override: o?.condition ?? null,
        source: o ? (o.unitCode === scope.unitCode ? 'unit' : 'province') : null,
        effective: o?.condition ?? parsed,
      };
    });
}

export interface ComponentConditionPorts {
  findProcedureHead(code: string): Promise<{ withdrawnOn: string | null } | undefined>;
  /** The components of the procedure's current version (none when it has no version in force). */
  findCurrentComponents(code: string): Promise<ProcedureComponent[]>;
  /** The unit's own overrides (not its province's). */
  findOwnConditions(unitCode: string, procedureCode: string): Promise<Map<string, ComponentCondition>>;
  putConditions(p: {
    unitCode: string;
    procedureCode: string;
    set: Array<{ key: string; condition: ComponentCondition }>;
    clear: string[];
    updatedBy: string | null;
  }): Promise<void>;
  audit: AuditPort;
}

/**
 * An administrator of a unit (or province) sets when components must be handed in, where the catalog's text
 * misleads (a case the parser missed, a paper form the unit also accepts by post). Null clears an override:
 * the catalog's parsed condition applies again. Audited with the conditions before and after.
 */
export async function setComponentConditions(
  scope: UnitScope,
  procedureCode: string,
  input: PutComponentConditionsRequest,
  actor: Actor,
  ports: ComponentConditionPorts,
): Promise<void> {
  authorize(actor, 'procedure.configure', unitScopeResource(scope));
  const head = await ports.findProcedureHead(procedureCode);
  if (!head) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code: procedureCode } });
  if (head.withdrawnOn) throw new AppError('PROCEDURE_WITHDRAWN', { details: { code: procedureCode } });
  const components = new Map((await ports.findCurrentComponents(procedureCode)).map((c) => [c.key, c]));
  const unknown = input.conditions
    .map((c) => c.key)
    .filter((k) => !components.get(k) || components.get(k)!.presentOnly);
  if (unknown.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: unknown } });
  const before = await ports.findOwnConditions(scope.unitCode, procedureCode);
  const set: Array<{ key: string; condition: ComponentCondition }> = [];
  const clear: string[] = [];
  for (const c of input.conditions) {
    if (c.condition) set.push({ key: c.key, condition: normalizeCondition(c.condition) });
    else clear.push(c.key);
  }
  await ports.putConditions({ unitCode: scope.unitCode, procedureCode, set, clear, updatedBy: actor.userId });
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'procedure.configure',
    entityType: 'procedure_component_conditions',
    entityId: `${scope.unitCode}:${procedureCode}`,
    unitCode: scope.unitCode,
    provinceCode: scope.provinceCode,
    data: {
      before: Object.fromEntries([...set.map((s) => s.key), ...clear].map((k) => [k, before.get(k) ?? null] as const)),
      after: Object.fromEntries([...set.map((s) => [s.key, s.condition] as const), ...clear.map((k) => [k, null])]),
    },
  });
}

import type {
  BulkEnableRequest,
  InternalProcess,
  InternalProcessStep,
  ProcedureDuration,
  PutInternalProcessRequest,
  PutUnitProcedureConfigRequest,
  UnitProcedureConfig,
} from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize, type Resource } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { assertInternalProcess } from './internal-process.js';

/** Where a unit sits: its own code and its province (null when the admin-unit register does not know it). */
export type UnitScope = { unitCode: string; provinceCode: string | null };

/** Resource of a unit for the policy: its province when the register knows it, else the unit alone. */
export const unitScopeResource = (s: UnitScope): Resource => ({
  kind: 'unit',
  unitCode: s.unitCode,
  provinceCode: s.provinceCode ?? s.unitCode,
});

/** Ports of the configuration use cases (packages/db binds them to one transaction). */
export interface ProcedureConfigPorts {
  findProcedureHead(code: string): Promise<{ withdrawnOn: string | null } | undefined>;
  /** Of the codes given, those of procedures in the catalog and not withdrawn. */
  listActiveProcedureCodes(codes: ReadonlyArray<string>): Promise<string[]>;
  /** The legal time limit of the procedure's current version (null: none, or no current version). */
  findLegalLimit(code: string): Promise<ProcedureDuration | null>;
  putUnitConfig(
    c: PutUnitProcedureConfigRequest & { unitCode: string; procedureCode: string; updatedBy: string | null },
  ): Promise<UnitProcedureConfig>;
  setEnabled(unitCode: string, codes: ReadonlyArray<string>, enabled: boolean, by: string | null): Promise<number>;
  putInternalProcess(p: {
    unitCode: string;
    procedureCode: string;
    steps: InternalProcessStep[];
    legalLimit: ProcedureDuration | null;
    updatedBy: string | null;
  }): Promise<unknown>;
  deleteInternalProcess(unitCode: string, procedureCode: string): Promise<boolean>;
  getInternalProcess(procedureCode: string, scope: UnitScope): Promise<InternalProcess>;
  audit: AuditPort;
}

/** The actor may configure procedures in the unit, and the procedure exists and is not withdrawn. */
async function configurable(actor: Actor, scope: UnitScope, code: string, ports: ProcedureConfigPorts) {
  authorize(actor, 'procedure.configure', unitScopeResource(scope));
  const head = await ports.findProcedureHead(code);
  if (!head) throw new AppError('PROCEDURE_NOT_FOUND', { details: { code } });
  if (head.withdrawnOn) throw new AppError('PROCEDURE_WITHDRAWN', { details: { code } });
}

const auditOf = (actor: Actor, scope: UnitScope, entityType: string, entityId: string) => ({
  actorUserId: actor.userId,
  action: 'procedure.configure',
  entityType,
  entityId,
  unitCode: scope.unitCode,
  provinceCode: scope.provinceCode,
});

/** Enable or disable a procedure in a unit and set its local fee. */
export async function configureUnitProcedure(
  scope: UnitScope,
  procedureCode: string,
  input: PutUnitProcedureConfigRequest,
  actor: Actor,
  ports: ProcedureConfigPorts,
): Promise<UnitProcedureConfig> {
  await configurable(actor, scope, procedureCode, ports);
  const saved = await ports.putUnitConfig({
    unitCode: scope.unitCode,
    procedureCode,
    enabled: input.enabled,
    localFeeVnd: input.localFeeVnd,
    localFeeNote: input.localFeeNote,
    updatedBy: actor.userId,
  });
  await ports.audit.record({
    ...auditOf(actor, scope, 'procedure_unit_config', `${scope.unitCode}:${procedureCode}`),
    data: { ...input },
  });
  return saved;
}

/** Enable or disable many procedures in a unit at once (local fees kept). */
export async function enableUnitProcedures(
  scope: UnitScope,
  input: BulkEnableRequest,
  actor: Actor,
  ports: ProcedureConfigPorts,
): Promise<{ updated: number }> {
  authorize(actor, 'procedure.configure', unitScopeResource(scope));
  const codes = [...new Set(input.procedureCodes)];
  const known = new Set(await ports.listActiveProcedureCodes(codes));
  if (known.size !== codes.length) {
    throw new AppError('PROCEDURE_NOT_FOUND', { details: { codes: codes.filter((c) => !known.has(c)) } });
  }
  const updated = await ports.setEnabled(scope.unitCode, codes, input.enabled, actor.userId);
  await ports.audit.record({
    ...auditOf(actor, scope, 'procedure_unit_config', `${scope.unitCode}:*`),
    data: { enabled: input.enabled, procedureCodes: codes },
  });
  return { updated };
}

/** Define the internal process of a procedure in a unit (its steps sum to the legal limit). */
export async function defineInternalProcess(
  scope: UnitScope,
  procedureCode: string,
  input: PutInternalProcessRequest,
  actor: Actor,
  ports: ProcedureConfigPorts,
): Promise<InternalProcess> {
  await configurable(actor, scope, procedureCode, ports);
  const legalLimit = await ports.findLegalLimit(procedureCode);
  assertInternalProcess(input.steps, legalLimit);
  await ports.putInternalProcess({
    unitCode: scope.unitCode,
    procedureCode,
    steps: input.steps,
    legalLimit,
    updatedBy: actor.userId,
  });
  await ports.audit.record({
    ...auditOf(actor, scope, 'procedure_internal_process', `${scope.unitCode}:${procedureCode}`),
    data: { steps: input.steps, legalLimit },
  });
  return ports.getInternalProcess(procedureCode, scope);
}

/** Remove a unit's internal process: the province's, or the default split, applies again. */
export async function removeInternalProcess(
  scope: UnitScope,
  procedureCode: string,
  actor: Actor,
  ports: ProcedureConfigPorts,
): Promise<void> {
  await configurable(actor, scope, procedureCode, ports);
  await ports.deleteInternalProcess(scope.unitCode, procedureCode);
  await ports.audit.record({
    ...auditOf(actor, scope, 'procedure_internal_process', `${scope.unitCode}:${procedureCode}`),
    data: { removed: true },
  });
}

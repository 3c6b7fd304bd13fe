import type {
  CounterPatch,
  CounterRequest,
  DepartmentPatch,
  DepartmentRequest,
  EndRequest,
  ServiceCenterPatch,
  ServiceCenterRequest,
} from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize, type Resource } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { type DefaultOrganisation, type DepartmentKind, defaultOrganisation } from './organisation.js';
import type { UnitVersion } from './unit-model.js';

/** Ports of the organisation use cases (packages/db binds them to one transaction). */
export interface OrganisationPorts {
  findUnit(code: string, onDate: string): Promise<UnitVersion | undefined>;
  findDepartment(id: string): Promise<{ id: string; unitCode: string } | undefined>;
  findServiceCenter(id: string): Promise<{ id: string; unitCode: string } | undefined>;
  findCounter(id: string): Promise<{ id: string; serviceCenterId: string } | undefined>;
  ensureDefaultOrganisation(unit: UnitVersion, def: DefaultOrganisation, validFrom: string): Promise<boolean>;
  createDepartment(d: { unitCode: string; kind: DepartmentKind; name: string; validFrom: string }): Promise<string>;
  updateDepartment(id: string, patch: DepartmentPatch): Promise<void>;
  endDepartment(id: string, validTo: string): Promise<void>;
  createServiceCenter(c: ServiceCenterRequest & { unitCode: string; validFrom: string }): Promise<string>;
  updateServiceCenter(id: string, patch: ServiceCenterPatch): Promise<void>;
  createCounter(c: CounterRequest & { serviceCenterId: string; unitCode: string }): Promise<string>;
  updateCounter(id: string, patch: CounterPatch): Promise<void>;
  audit: AuditPort;
}

/** Who acts and the day in Vietnam the write takes effect (today). */
export type WriteContext = { actor: Actor; today: string };

export const unitResource = (u: Pick<UnitVersion, 'code' | 'provinceCode'>): Resource => ({
  kind: 'unit',
  unitCode: u.code,
  provinceCode: u.provinceCode,
});

async function unitInForce(ports: Pick<OrganisationPorts, 'findUnit'>, code: string, onDate: string) {
  const unit = await ports.findUnit(code, onDate);
  if (!unit) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code, onDate } });
  return unit;
}

/** The unit in force today, after checking the actor may manage its organisation. */
async function managedUnit(ctx: WriteContext, ports: OrganisationPorts, code: string) {
  const unit = await unitInForce(ports, code, ctx.today);
  authorize(ctx.actor, 'organisation.manage', unitResource(unit));
  return unit;
}

async function managedDepartment(ctx: WriteContext, ports: OrganisationPorts, id: string) {
  const d = await ports.findDepartment(id);
  if (!d) throw new AppError('DEPARTMENT_NOT_FOUND');
  return { department: d, unit: await managedUnit(ctx, ports, d.unitCode) };
}

async function managedCenter(ctx: WriteContext, ports: OrganisationPorts, id: string) {
  const c = await ports.findServiceCenter(id);
  if (!c) throw new AppError('SERVICE_CENTER_NOT_FOUND');
  return { center: c, unit: await managedUnit(ctx, ports, c.unitCode) };
}

function auditOf(ctx: WriteContext, unit: UnitVersion) {
  return (action: string, entityType: string, entityId: string, data: Record<string, unknown> = {}) => ({
    actorUserId: ctx.actor.userId,
    action,
    entityType,
    entityId,
    unitCode: unit.code,
    provinceCode: unit.provinceCode,
    data,
  });
}

/** Give a commune or province the default organisation of Decree 150/2025 when it has none. */
export async function createDefaultOrganisation(
  unitCode: string,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<UnitVersion> {
  const unit = await managedUnit(ctx, ports, unitCode);
  if (unit.level === 'district') throw new AppError('ADMIN_UNIT_NOT_FOUND');
  if (await ports.ensureDefaultOrganisation(unit, defaultOrganisation(unit), unit.validFrom ?? ctx.today)) {
    await ports.audit.record(auditOf(ctx, unit)('organisation.default_created', 'admin_unit', unit.code));
  }
  return unit;
}

export async function addDepartment(
  unitCode: string,
  input: DepartmentRequest,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<string> {
  const unit = await managedUnit(ctx, ports, unitCode);
  const id = await ports.createDepartment({ unitCode: unit.code, ...input, validFrom: input.validFrom ?? ctx.today });
  await ports.audit.record(auditOf(ctx, unit)('organisation.department_created', 'department', id, input));
  return id;
}

export async function renameDepartment(
  id: string,
  patch: DepartmentPatch,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<void> {
  const { unit } = await managedDepartment(ctx, ports, id);
  await ports.updateDepartment(id, patch);
  await ports.audit.record(auditOf(ctx, unit)('organisation.department_updated', 'department', id, patch));
}

export async function endDepartment(
  id: string,
  input: EndRequest,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<void> {
  const { unit } = await managedDepartment(ctx, ports, id);
  await ports.endDepartment(id, input.lastDay);
  await ports.audit.record(auditOf(ctx, unit)('organisation.department_ended', 'department', id, input));
}

export async function addServiceCenter(
  unitCode: string,
  input: ServiceCenterRequest,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<string> {
  const unit = await managedUnit(ctx, ports, unitCode);
  const id = await ports.createServiceCenter({ unitCode: unit.code, ...input, validFrom: ctx.today });
  await ports.audit.record(auditOf(ctx, unit)('organisation.center_created', 'service_center', id, input));
  return id;
}

export async function updateServiceCenter(
  id: string,
  patch: ServiceCenterPatch,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<void> {
  const { unit } = await managedCenter(ctx, ports, id);
  await ports.updateServiceCenter(id, patch);
  await ports.audit.record(auditOf(ctx, unit)('organisation.center_updated', 'service_center', id, patch));
}

export async function addCounter(
  serviceCenterId: string,
  input: CounterRequest,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<string> {
  const { center, unit } = await managedCenter(ctx, ports, serviceCenterId);
  const id = await ports.createCounter({ serviceCenterId: center.id, unitCode: center.unitCode, ...input });
  await ports.audit.record(auditOf(ctx, unit)('organisation.counter_created', 'counter', id, input));
  return id;
}

export async function updateCounter(
  id: string,
  patch: CounterPatch,
  ctx: WriteContext,
  ports: OrganisationPorts,
): Promise<void> {
  const counter = await ports.findCounter(id);
  if (!counter) throw new AppError('COUNTER_NOT_FOUND');
  const { unit } = await managedCenter(ctx, ports, counter.serviceCenterId);
  await ports.updateCounter(id, patch);
  await ports.audit.record(auditOf(ctx, unit)('organisation.counter_updated', 'counter', id, patch));
}

import { AppError } from '../errors.js';
import { type Assignment, type AssignOfficialInput, type NewAssignment, planAssignment } from './organisation.js';
import type { UnitVersion } from './unit-model.js';

export interface AssignmentPorts {
  findOfficial(userId: string): Promise<{ id: string } | undefined>;
  findUnit(code: string, onDate: string): Promise<UnitVersion | undefined>;
  findDepartment(id: string): Promise<{ unitCode: string; validTo: string | null } | undefined>;
  listAssignments(userId: string): Promise<Assignment[]>;
  endAssignment(id: string, validTo: string): Promise<void>;
  createAssignment(a: NewAssignment, createdBy: string | null): Promise<string>;
}

/**
 * Place, transfer, second or add a concurrent role for an official in one action: the current assignments end
 * the day before, the new ones begin on the effective date, and role grants follow both, so what the official may
 * see changes on that date and the history stays.
 */
export async function assignOfficial(
  input: AssignOfficialInput,
  ports: AssignmentPorts,
  actorId: string | null,
): Promise<{ created: string[]; ended: string[] }> {
  if (!(await ports.findOfficial(input.userId))) throw new AppError('OFFICIAL_NOT_FOUND');
  const unit = await ports.findUnit(input.unitCode, input.effectiveDate);
  if (!unit) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code: input.unitCode } });
  if (unit.level === 'district') throw new AppError('ASSIGNMENT_INVALID', { message: 'districts no longer exist' });
  if (input.departmentId) {
    const d = await ports.findDepartment(input.departmentId);
    if (!d) throw new AppError('DEPARTMENT_NOT_FOUND');
    if (d.unitCode !== unit.code) throw new AppError('ASSIGNMENT_INVALID', { message: 'department of another unit' });
  }
  const plan = planAssignment(await ports.listAssignments(input.userId), { ...input, unitCode: unit.code });
  for (const e of plan.end) await ports.endAssignment(e.id, e.validTo);
  const created: string[] = [];
  for (const c of plan.create) created.push(await ports.createAssignment(c, actorId));
  return { created, ended: plan.end.map((e) => e.id) };
}

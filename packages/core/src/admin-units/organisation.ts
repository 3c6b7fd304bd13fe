import {
  type AssignmentKind,
  AssignmentKind as AssignmentKindSchema,
  type DepartmentKind,
  DepartmentKind as DepartmentKindSchema,
  type Role,
} from '@mot-cua/contracts';
import { AppError } from '../errors.js';
import { dayAfter, dayBefore, type UnitVersion } from './unit-model.js';

/** Kinds of department, from the API contract. */
export type { DepartmentKind } from '@mot-cua/contracts';
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = DepartmentKindSchema.options;

export type DefaultOrganisation = {
  departments: Array<{ kind: DepartmentKind; name: string }>;
  serviceCenter: { name: string };
  counters: Array<{ number: number; name: string; fields: string[] }>;
};

const PROVINCE_DEPARTMENTS = [
  'Văn phòng Ủy ban nhân dân',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Thanh tra tỉnh',
];

/**
 * The default structure of a unit's People's Committee. Communes (Decree 150/2025/NĐ-CP): the Office of the
 * People's Council and People's Committee; the Economic Department, or the Economic, Infrastructure and Urban
 * Department in wards and in the special zone Phú Quốc; the Culture–Social Department. Planning–Finance is
 * optional (large wards) and left to the administrator. Provinces: the usual specialised departments (Sở).
 * Every unit gets its Public Administrative Service Center with three counters.
 */
export function defaultOrganisation(unit: Pick<UnitVersion, 'level' | 'type' | 'name'>): DefaultOrganisation {
  const centerPrefix = 'Trung tâm Phục vụ hành chính công';
  if (unit.level === 'province') {
    return {
      departments: [
        ...PROVINCE_DEPARTMENTS.map((name) => ({
          kind: (name.startsWith('Văn phòng') ? 'office' : 'provincial_department') as DepartmentKind,
          name,
        })),
      ],
      serviceCenter: { name: `${centerPrefix} ${unit.type === 'city' ? 'thành phố' : 'tỉnh'} ${unit.name}` },
      counters: defaultCounters(),
    };
  }
  if (unit.level !== 'commune')
    throw new AppError('CHANGE_EVENT_INVALID', { message: 'districts have no organisation' });
  const urban = unit.type === 'ward' || (unit.type === 'special_zone' && unit.name === 'Phú Quốc');
  const word = unit.type === 'ward' ? 'phường' : unit.type === 'special_zone' ? 'đặc khu' : 'xã';
  return {
    departments: [
      { kind: 'office', name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân' },
      urban
        ? { kind: 'economic_infrastructure_urban', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' }
        : { kind: 'economic', name: 'Phòng Kinh tế' },
      { kind: 'culture_social', name: 'Phòng Văn hóa - Xã hội' },
    ],
    serviceCenter: { name: `${centerPrefix} ${word} ${unit.name}` },
    counters: defaultCounters(),
  };
}

function defaultCounters() {
  return [
    { number: 1, name: 'Quầy 1 - Tư pháp, hộ tịch', fields: ['Hộ tịch', 'Chứng thực'] },
    { number: 2, name: 'Quầy 2 - Đất đai, xây dựng', fields: ['Đất đai', 'Xây dựng'] },
    { number: 3, name: 'Quầy 3 - Lĩnh vực khác', fields: [] },
  ];
}

export type { AssignmentKind } from '@mot-cua/contracts';
export const ASSIGNMENT_KINDS: readonly AssignmentKind[] = AssignmentKindSchema.options;

/** An official's placement in a unit (and department) over a period, with the roles exercised there. */
export type Assignment = {
  id: string;
  userId: string;
  unitCode: string;
  departmentId: string | null;
  kind: AssignmentKind;
  roles: Role[];
  title: string | null;
  decisionNumber: string | null;
  validFrom: string;
  validTo: string | null;
};

export type AssignOfficialInput = {
  userId: string;
  unitCode: string;
  departmentId?: string | null | undefined;
  kind: AssignmentKind;
  roles: Role[];
  title?: string | null | undefined;
  decisionNumber?: string | null | undefined;
  effectiveDate: string;
  /** Required for a secondment (biệt phái): the last day; the home assignment resumes the day after. */
  endDate?: string | null | undefined;
};

export type NewAssignment = Omit<Assignment, 'id'> & { previousId: string | null };

/** What moving an official does: assignments that end, and assignments that begin (grants follow both). */
export type AssignmentPlan = {
  end: Array<{ id: string; validTo: string }>;
  create: NewAssignment[];
};

/**
 * Plan a placement as one action that keeps history. `permanent` and `transfer` (điều động) end every other
 * non-concurrent assignment the day before; `secondment` (biệt phái) ends them the day before and resumes each
 * the day after the secondment; `concurrent` (kiêm nhiệm) adds a placement and ends nothing. Pure; throws
 * ASSIGNMENT_INVALID or ASSIGNMENT_CONFLICT (an assignment already starts on or after the date).
 */
export function planAssignment(current: readonly Assignment[], input: AssignOfficialInput): AssignmentPlan {
  const d = input.effectiveDate;
  if (input.roles.length === 0) throw new AppError('ASSIGNMENT_INVALID', { message: 'at least one role' });
  if (input.roles.includes('citizen') || input.roles.includes('system_admin')) {
    throw new AppError('ASSIGNMENT_INVALID', { message: 'citizen and system_admin are not assigned to units' });
  }
  if (input.kind === 'secondment' && (!input.endDate || input.endDate < d)) {
    throw new AppError('ASSIGNMENT_INVALID', { message: 'a secondment needs an end date on or after its start' });
  }
  if (input.endDate && input.endDate < d)
    throw new AppError('ASSIGNMENT_INVALID', { message: 'ends before it starts' });
  const open = current.filter((a) => a.validTo === null || a.validTo >= d);
  const affected = input.kind === 'concurrent' ? [] : open.filter((a) => a.kind !== 'concurrent');
  if (affected.some((a) => a.validFrom >= d)) {
    throw new AppError('ASSIGNMENT_CONFLICT', { details: { effectiveDate: d } });
  }
  const plan: AssignmentPlan = {
    end: affected.map((a) => ({ id: a.id, validTo: dayBefore(d) })),
    create: [
      {
        userId: input.userId,
        unitCode: input.unitCode,
        departmentId: input.departmentId ?? null,
        kind: input.kind,
        roles: [...new Set(input.roles)],
        title: input.title ?? null,
        decisionNumber: input.decisionNumber ?? null,
        validFrom: d,
        validTo: input.endDate ?? null,
        previousId: affected[0]?.id ?? null,
      },
    ],
  };
  if (input.kind === 'secondment') {
    const resume = dayAfter(input.endDate!);
    for (const a of affected) {
      if (a.validTo !== null && a.validTo < resume) continue;
      plan.create.push({ ...stripId(a), validFrom: resume, previousId: a.id });
    }
  }
  return plan;
}

function stripId(a: Assignment): Omit<NewAssignment, 'previousId'> {
  const { id: _id, ...rest } = a;
  return rest;
}

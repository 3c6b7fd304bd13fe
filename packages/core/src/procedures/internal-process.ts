import type { InternalProcessStep, ProcedureDuration, Role } from '@mot-cua/contracts';
import { AppError } from '../errors.js';

/** Working hours in one working day (8:00-12:00, 13:00-17:00 in commune offices). */
export const HOURS_PER_WORKING_DAY = 8;

type Family = 'working' | 'calendar' | 'none';
const family = (u: ProcedureDuration['unit']): Family =>
  u === 'working_days' || u === 'working_hours' ? 'working' : u === 'calendar_days' ? 'calendar' : 'none';

/** A duration in the smallest unit of its family: working hours, or calendar days. */
function toBase(d: ProcedureDuration): number {
  return d.unit === 'working_days' ? d.value * HOURS_PER_WORKING_DAY : d.value;
}

const EPS = 1e-9;

/** Sum of step durations, in the unit of the legal limit (or of the first step). */
export function sumDurations(
  durations: ReadonlyArray<ProcedureDuration>,
  unit: ProcedureDuration['unit'],
): ProcedureDuration {
  const base = durations.reduce((s, d) => s + toBase(d), 0);
  const value = unit === 'working_days' ? base / HOURS_PER_WORKING_DAY : base;
  return { value: Math.round(value * 1e6) / 1e6, unit };
}

export type InternalProcessProblem =
  | { kind: 'order'; message: string }
  | { kind: 'unit'; step: number; message: string }
  | { kind: 'sum'; message: string; expected: ProcedureDuration; actual: ProcedureDuration };

/**
 * Check a unit's internal process against the legal limit: steps numbered 1..n in order, every step in
 * the legal limit's unit family (working days/hours together, or calendar days), and the steps summing
 * exactly to the limit. A procedure without a limit (null or 'none') only needs a well-ordered list.
 */
export function checkInternalProcess(
  steps: ReadonlyArray<InternalProcessStep>,
  legalLimit: ProcedureDuration | null,
): InternalProcessProblem[] {
  const problems: InternalProcessProblem[] = [];
  if (steps.length === 0) problems.push({ kind: 'order', message: 'at least one step' });
  steps.forEach((s, i) => {
    if (s.order !== i + 1) problems.push({ kind: 'order', message: `step ${i + 1} has order ${s.order}` });
  });
  if (!legalLimit || legalLimit.unit === 'none') return problems;
  const fam = family(legalLimit.unit);
  for (const s of steps) {
    if (family(s.duration.unit) !== fam)
      problems.push({
        kind: 'unit',
        step: s.order,
        message: `${s.duration.unit} does not add up to ${legalLimit.unit}`,
      });
  }
  if (problems.some((p) => p.kind === 'unit')) return problems;
  const actual = sumDurations(
    steps.map((s) => s.duration),
    legalLimit.unit,
  );
  if (Math.abs(toBase(actual) - toBase(legalLimit)) > EPS)
    problems.push({
      kind: 'sum',
      message: `steps sum to ${actual.value} ${actual.unit}, the legal limit is ${legalLimit.value} ${legalLimit.unit}`,
      expected: legalLimit,
      actual,
    });
  return problems;
}

/** Throws INTERNAL_PROCESS_INVALID with one field error per problem. */
export function assertInternalProcess(
  steps: ReadonlyArray<InternalProcessStep>,
  legalLimit: ProcedureDuration | null,
): void {
  const problems = checkInternalProcess(steps, legalLimit);
  if (problems.length === 0) return;
  throw new AppError('INTERNAL_PROCESS_INVALID', {
    details: { legalLimit, problems },
    fieldErrors: problems.map((p) => ({
      field: p.kind === 'unit' ? `steps.${p.step - 1}.duration` : 'steps',
      message: p.message,
    })),
  });
}

/** Department kind of a commune People's Committee most likely to handle a ministry's procedures. */
export function defaultDepartmentKind(agency: string): string | undefined {
  switch (agency) {
    case 'bo-tu-phap':
    case 'bo-noi-vu':
      return 'office';
    case 'bo-tai-chinh':
    case 'bo-nong-nghiep-mt':
    case 'bo-xay-dung':
    case 'bo-cong-thuong':
      return 'economic';
    case 'bo-y-te':
    case 'bo-giao-duc-dt':
    case 'bo-van-hoa-tt-dl':
      return 'culture_social';
    default:
      return undefined; // police, courts, the State Bank: handled outside the commune departments
  }
}

const DEFAULT_STEPS: ReadonlyArray<{ name: string; role: Role; share: number; center: boolean }> = [
  { name: 'Tiếp nhận, kiểm tra và chuyển hồ sơ', role: 'reception', share: 0.1, center: true },
  { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', share: 0.6, center: false },
  { name: 'Xem xét, trình ký', role: 'department_head', share: 0.1, center: false },
  { name: 'Phê duyệt, ký kết quả', role: 'leader', share: 0.1, center: false },
  { name: 'Vào sổ, trả kết quả', role: 'reception', share: 0.1, center: true },
];

/**
 * The built-in internal process when a unit has defined none: five steps (receive, appraise, review, sign,
 * return) splitting the legal limit 10/60/10/10/10, rounded to a quarter day (or half an hour for limits
 * of two working days or less, expressed in working hours); the appraisal step takes the rounding so the
 * steps always sum to the limit.
 */
export function defaultInternalProcess(legalLimit: ProcedureDuration | null, agency: string): InternalProcessStep[] {
  const departmentKind = defaultDepartmentKind(agency);
  const responsible = (role: Role, center: boolean) =>
    center ? { departmentKind: 'service_center', role } : departmentKind ? { departmentKind, role } : { role };
  if (!legalLimit || legalLimit.unit === 'none' || legalLimit.value === 0) {
    return DEFAULT_STEPS.map((s, i) => ({
      order: i + 1,
      name: s.name,
      responsible: responsible(s.role, s.center),
      duration: { value: 0, unit: 'none' as const },
    }));
  }
  let unit = legalLimit.unit;
  let total = legalLimit.value;
  if (unit === 'working_days' && total <= 2) {
    unit = 'working_hours';
    total = total * HOURS_PER_WORKING_DAY;
  }
  const grain = unit === 'working_days' ? 0.25 : 0.5;
  const values = DEFAULT_STEPS.map((s) => Math.floor((total * s.share) / grain + EPS) * grain);
  const rest = total - values.reduce((a, b) => a + b, 0);
  values[1] = Math.round((values[1]! + rest) * 1e6) / 1e6;
  return DEFAULT_STEPS.map((s, i) => ({
    order: i + 1,
    name: s.name,
    responsible: responsible(s.role, s.center),
    duration: { value: values[i]!, unit },
  }));
}

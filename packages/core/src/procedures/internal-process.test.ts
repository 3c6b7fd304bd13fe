import type { InternalProcessStep } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  assertInternalProcess,
  checkInternalProcess,
  defaultInternalProcess,
  sumDurations,
} from './internal-process.js';

const step = (order: number, value: number, unit: InternalProcessStep['duration']['unit'] = 'working_days') => ({
  order,
  name: `Bước ${order}`,
  responsible: { role: 'specialist' as const },
  duration: { value, unit },
});

describe('checkInternalProcess', () => {
  it('accepts steps summing to the legal limit, mixing working hours and days', () => {
    // the published example: a 3-working-day procedure split 0.25/0.25/0.5/0.25/0.25/0.25/1.25
    const split = [0.25, 0.25, 0.5, 0.25, 0.25, 0.25, 1.25].map((v, i) => step(i + 1, v));
    expect(checkInternalProcess(split, { value: 3, unit: 'working_days' })).toEqual([]);
    expect(
      checkInternalProcess([step(1, 4, 'working_hours'), step(2, 0.5)], { value: 1, unit: 'working_days' }),
    ).toEqual([]);
  });

  it('reports a wrong sum, a unit of another family and a broken order', () => {
    const sum = checkInternalProcess([step(1, 1), step(2, 1)], { value: 3, unit: 'working_days' });
    expect(sum).toEqual([expect.objectContaining({ kind: 'sum', actual: { value: 2, unit: 'working_days' } })]);
    const unit = checkInternalProcess([step(1, 1), step(2, 2, 'calendar_days')], { value: 3, unit: 'working_days' });
    expect(unit).toEqual([expect.objectContaining({ kind: 'unit', step: 2 })]);
    const order = checkInternalProcess([step(1, 1), step(3, 2)], { value: 3, unit: 'working_days' });
    expect(order.map((p) => p.kind)).toEqual(['order']);
  });

  it('does not check the sum when the procedure has no time limit', () => {
    expect(checkInternalProcess([step(1, 2)], null)).toEqual([]);
    expect(checkInternalProcess([step(1, 2)], { value: 0, unit: 'none' })).toEqual([]);
  });

  it('assertInternalProcess throws INTERNAL_PROCESS_INVALID with field errors', () => {
    try {
      assertInternalProcess([step(1, 1)], { value: 3, unit: 'working_days' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INTERNAL_PROCESS_INVALID');
      expect((e as AppError).fieldErrors?.[0]?.field).toBe('steps');
    }
  });
});

describe('defaultInternalProcess', () => {
  it('splits a limit into five steps that always sum to it', () => {
    for (const value of [3, 5, 7, 10, 15, 20, 30, 45]) {
      const limit = { value, unit: 'working_days' as const };
      const steps = defaultInternalProcess(limit, 'bo-tu-phap');
      expect(steps).toHaveLength(5);
      expect(checkInternalProcess(steps, limit)).toEqual([]);
      expect(steps.every((s) => s.duration.value >= 0)).toBe(true);
    }
    const cal = { value: 20, unit: 'calendar_days' as const };
    expect(checkInternalProcess(defaultInternalProcess(cal, 'bo-noi-vu'), cal)).toEqual([]);
  });

  it('uses working hours for short limits and names the responsible department', () => {
    const steps = defaultInternalProcess({ value: 1, unit: 'working_days' }, 'bo-tu-phap');
    expect(steps.every((s) => s.duration.unit === 'working_hours')).toBe(true);
    expect(
      sumDurations(
        steps.map((s) => s.duration),
        'working_days',
      ),
    ).toEqual({ value: 1, unit: 'working_days' });
    expect(steps[0]!.responsible).toEqual({ departmentKind: 'service_center', role: 'reception' });
    expect(steps[1]!.responsible).toEqual({ departmentKind: 'office', role: 'specialist' });
    expect(defaultInternalProcess(null, 'bo-cong-an')[1]!.responsible).toEqual({ role: 'specialist' });
  });
});

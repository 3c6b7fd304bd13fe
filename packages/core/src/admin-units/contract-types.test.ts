import type * as contracts from '@mot-cua/contracts';
import { UnitLevel, UnitType } from '@mot-cua/contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ASSIGNMENT_KINDS, DEPARTMENT_KINDS } from './organisation.js';
import { UNIT_LEVELS, UNIT_TYPES } from './unit-model.js';

// The conversion result is derived from the contract (address-conversion.ts), so it needs no check here; the
// lists below are values core keeps beside their contract types, so they are checked.
describe('admin-units facts have one home', () => {
  it('unit types, levels, department and assignment kinds are the contract lists', () => {
    expect(UNIT_TYPES).toEqual(UnitType.options);
    expect(UNIT_LEVELS).toEqual(UnitLevel.options);
    expectTypeOf<(typeof UNIT_TYPES)[number]>().toEqualTypeOf<contracts.UnitType>();
    expectTypeOf<(typeof UNIT_LEVELS)[number]>().toEqualTypeOf<contracts.UnitLevel>();
    expectTypeOf<(typeof DEPARTMENT_KINDS)[number]>().toEqualTypeOf<contracts.DepartmentKind>();
    expectTypeOf<(typeof ASSIGNMENT_KINDS)[number]>().toEqualTypeOf<contracts.AssignmentKind>();
  });
});

import type * as contracts from '@mot-cua/contracts';
import { UnitLevel, UnitType } from '@mot-cua/contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ConversionCandidate, ConversionResult, ConversionWarning } from './address-conversion.js';
import type { ASSIGNMENT_KINDS, DEPARTMENT_KINDS } from './organisation.js';
import { UNIT_LEVELS, UNIT_TYPES } from './unit-model.js';

// The converter's result is defined beside the converter (packages/core/src/admin-units/address-conversion.ts);
// the API's schema must describe exactly it, plus the date asked for. Checked both ways at compile time.
describe('admin-units facts have one home', () => {
  it('the conversion result of core is the API contract (without onDate)', () => {
    expectTypeOf<ConversionResult>().toEqualTypeOf<Omit<contracts.ConversionResult, 'onDate'>>();
    expectTypeOf<ConversionCandidate>().toEqualTypeOf<contracts.ConversionResult['candidates'][number]>();
    expectTypeOf<ConversionWarning>().toEqualTypeOf<contracts.ConversionWarning>();
  });

  it('unit types, levels, department and assignment kinds are the contract lists', () => {
    expect(UNIT_TYPES).toEqual(UnitType.options);
    expect(UNIT_LEVELS).toEqual(UnitLevel.options);
    expectTypeOf<(typeof UNIT_TYPES)[number]>().toEqualTypeOf<contracts.UnitType>();
    expectTypeOf<(typeof UNIT_LEVELS)[number]>().toEqualTypeOf<contracts.UnitLevel>();
    expectTypeOf<(typeof DEPARTMENT_KINDS)[number]>().toEqualTypeOf<contracts.DepartmentKind>();
    expectTypeOf<(typeof ASSIGNMENT_KINDS)[number]>().toEqualTypeOf<contracts.AssignmentKind>();
  });
});

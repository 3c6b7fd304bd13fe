import { describe, expect, it } from 'vitest';
import { isProcedureEnabled, unitLevelOf } from './enablement.js';

describe('procedure enablement in a unit', () => {
  it('knows a province code from a commune code', () => {
    expect(unitLevelOf('79')).toBe('province');
    expect(unitLevelOf('26743')).toBe('commune');
  });

  it('with no configuration, follows the catalog level', () => {
    expect(isProcedureEnabled({ levels: ['commune'], unitCode: '26743' })).toBe(true);
    expect(isProcedureEnabled({ levels: ['province'], unitCode: '26743' })).toBe(false);
    expect(isProcedureEnabled({ levels: ['province', 'commune'], unitCode: '79' })).toBe(true);
    expect(isProcedureEnabled({ levels: ['ministry'], unitCode: '79' })).toBe(false);
  });

  it("the unit's own configuration wins over its province's, which wins over the catalog", () => {
    const levels = ['commune'] as const;
    expect(isProcedureEnabled({ levels, unitCode: '26743', provinceConfig: { enabled: false } })).toBe(false);
    expect(
      isProcedureEnabled({
        levels,
        unitCode: '26743',
        unitConfig: { enabled: true },
        provinceConfig: { enabled: false },
      }),
    ).toBe(true);
    expect(isProcedureEnabled({ levels: ['province'], unitCode: '26743', unitConfig: { enabled: true } })).toBe(true);
  });
});

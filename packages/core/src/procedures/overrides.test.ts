import { CatalogOverrides } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { rawFixtures } from './catalog-parser.fixtures.js';
import { parseRawProcedure } from './catalog-parser.js';
import { applyOverrides } from './overrides.js';

const birth = parseRawProcedure(rawFixtures['1.001193']!.raw, 'bo-tu-phap');
const business = parseRawProcedure(rawFixtures['1.001612']!.raw, 'bo-tai-chinh');

describe('applyOverrides', () => {
  it('reads unit-less civil-status times in the unit a rule states, with its reason, and clears the review', () => {
    const [out] = applyOverrides(
      [birth],
      CatalogOverrides.parse({
        bareDurationRules: [{ agency: 'bo-tu-phap', field: 'Hộ tịch', unit: 'working_days', reason: 'Luật Hộ tịch' }],
        corrections: [],
        additions: [],
      }),
    );
    expect(out!.timeLimit).toEqual({ value: 1, unit: 'working_days' });
    expect(out!.channels.every((c) => c.duration?.unit === 'working_days' && !c.needsReview)).toBe(true);
    expect(out!.curationNote).toBe('Luật Hộ tịch');
    expect(out!.review.filter((r) => r.field.startsWith('channels') || r.field === 'timeLimit')).toEqual([]);
    expect(birth.timeLimit).toBeNull(); // input untouched
  });

  it('fills empty channel durations from a correction and keeps the reason', () => {
    const [out] = applyOverrides(
      [business],
      CatalogOverrides.parse({
        corrections: [{ code: '1.001612', reason: 'NĐ 168/2025', channelDuration: { value: 3, unit: 'working_days' } }],
        additions: [],
      }),
    );
    expect(out!.timeLimit).toEqual({ value: 3, unit: 'working_days' });
    expect(out!.curationNote).toBe('NĐ 168/2025');
  });

  it('refuses a correction of an unknown code and an addition that collides with a crawl code', () => {
    expect(() =>
      applyOverrides(
        [birth],
        CatalogOverrides.parse({ corrections: [{ code: '9.999999', reason: 'x' }], additions: [] }),
      ),
    ).toThrow(/unknown procedure 9.999999/);
    expect(() =>
      applyOverrides([birth], CatalogOverrides.parse({ corrections: [], additions: [{ ...birth }] })),
    ).toThrow(/collides with 1.001193/);
  });
});

import { describe, expect, it } from 'vitest';
import { drillSpan } from './supervision-drilldown-span.js';

const vn = (s: string) => new Date(`${s}+07:00`);

describe('drillSpan: the kept part of a drill-down period', () => {
  it('five whole months: months from the month rows, the last ragged month from day rows', () => {
    expect(drillSpan(vn('2025-07-01T00:00:00'), vn('2025-12-01T00:00:00'))).toEqual({
      fromAt: vn('2025-07-01T00:00:00'),
      toAt: vn('2025-12-01T00:00:00'),
      fromDay: '2025-07-01',
      toDay: '2025-12-01',
      fromMonth: '2025-07-01',
      toMonth: '2025-12-01',
    });
    expect(drillSpan(vn('2025-07-10T00:00:00'), vn('2025-11-30T00:00:00'))).toMatchObject({
      fromDay: '2025-07-10',
      toDay: '2025-11-30',
      fromMonth: '2025-08-01',
      toMonth: '2025-11-01',
    });
  });

  it('ragged instants: whole days inside, no whole month; across a year end', () => {
    expect(drillSpan(vn('2025-12-20T10:30:00'), vn('2026-01-03T09:00:00'))).toEqual({
      fromAt: vn('2025-12-21T00:00:00'),
      toAt: vn('2026-01-03T00:00:00'),
      fromDay: '2025-12-21',
      toDay: '2026-01-03',
      fromMonth: '2025-12-21',
      toMonth: '2025-12-21',
    });
    expect(drillSpan(vn('2025-11-15T00:00:00'), vn('2026-02-01T00:00:00'))).toMatchObject({
      fromMonth: '2025-12-01',
      toMonth: '2026-02-01',
    });
  });

  it('no whole day inside: null (everything read live)', () => {
    expect(drillSpan(vn('2025-12-20T01:00:00'), vn('2025-12-20T23:00:00'))).toBeNull();
    expect(drillSpan(vn('2025-12-20T01:00:00'), vn('2025-12-21T23:00:00'))).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPeriodByMonths, splitPeriodForRollUp, weekSegmentEnd, weekSegmentStart } from './period-months.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every day of the split, once: the whole months' days and the ranges' days. */
function daysOf(s: ReturnType<typeof splitPeriodByMonths>): string[] {
  const out: string[] = [];
  const walk = (from: string, to: string) => {
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
      out.push(iso(new Date(t)));
    }
  };
  if (s.months) {
    const [y, m] = s.months.to.split('-').map(Number) as [number, number];
    walk(s.months.from, iso(new Date(Date.UTC(y, m, 0))));
  }
  for (const r of s.days) walk(r.from, r.to);
  return out.sort();
}

describe('splitPeriodByMonths', () => {
  it('reads five whole months from the month tables and nothing from the days', () => {
    expect(splitPeriodByMonths('2025-07-01', '2025-11-30')).toEqual({
      months: { from: '2025-07-01', to: '2025-11-01' },
      days: [],
    });
  });

  it('keeps partial months at both ends as day ranges', () => {
    expect(splitPeriodByMonths('2025-07-15', '2025-11-10')).toEqual({
      months: { from: '2025-08-01', to: '2025-10-01' },
      days: [
        { from: '2025-07-15', to: '2025-07-31' },
        { from: '2025-11-01', to: '2025-11-10' },
      ],
    });
  });

  it('reads a period inside one month (or across two partial ones) from the days only', () => {
    expect(splitPeriodByMonths('2025-11-03', '2025-11-20')).toEqual({
      months: null,
      days: [{ from: '2025-11-03', to: '2025-11-20' }],
    });
    expect(splitPeriodByMonths('2025-10-20', '2025-11-10')).toEqual({
      months: null,
      days: [{ from: '2025-10-20', to: '2025-11-10' }],
    });
    expect(splitPeriodByMonths('2024-02-01', '2024-02-29').months).toEqual({ from: '2024-02-01', to: '2024-02-01' });
  });

  it('covers every day of any period exactly once', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => iso(new Date(Date.UTC(2024, 0, 1) + n * 86_400_000)));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), (from, len) => {
        const to = iso(new Date(Date.parse(`${from}T00:00:00Z`) + len * 86_400_000));
        const expected: string[] = [];
        for (let i = 0; i <= len; i++) expected.push(iso(new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000)));
        expect(daysOf(splitPeriodByMonths(from, to))).toEqual(expected);
      }),
    );
  });
});

describe('splitPeriodForRollUp', () => {
  const dayList = (from: string, to: string) => {
    const out: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
      out.push(iso(new Date(t)));
    }
    return out;
  };
  /** Every day of the split: whole months, whole week segments (start to end) and the single days. */
  function daysOfRollUp(s: ReturnType<typeof splitPeriodForRollUp>): string[] {
    const out: string[] = [];
    if (s.months) {
      const [y, m] = s.months.to.split('-').map(Number) as [number, number];
      out.push(...dayList(s.months.from, iso(new Date(Date.UTC(y, m, 0)))));
    }
    for (const w of s.weeks) out.push(...dayList(w.from, weekSegmentEnd(w.to)));
    for (const r of s.days) out.push(...dayList(r.from, r.to));
    return out.sort();
  }

  it('cuts week segments at month boundaries', () => {
    // 1 November 2025 is a Saturday; 27 October a Monday
    expect(weekSegmentStart('2025-11-02')).toBe('2025-11-01');
    expect(weekSegmentEnd('2025-11-01')).toBe('2025-11-02');
    expect(weekSegmentStart('2025-10-31')).toBe('2025-10-27');
    expect(weekSegmentEnd('2025-10-27')).toBe('2025-10-31');
    expect(weekSegmentStart('2025-11-12')).toBe('2025-11-10');
    expect(weekSegmentEnd('2025-11-12')).toBe('2025-11-16');
  });

  it('reads the partial months of a ragged period as week segments and a few days', () => {
    // 10 July 2025 is a Thursday, 20 November a Thursday
    expect(splitPeriodForRollUp('2025-07-10', '2025-11-20')).toEqual({
      months: { from: '2025-08-01', to: '2025-10-01' },
      weeks: [
        { from: '2025-07-14', to: '2025-07-28' },
        { from: '2025-11-01', to: '2025-11-10' },
      ],
      days: [
        { from: '2025-07-10', to: '2025-07-13' },
        { from: '2025-11-17', to: '2025-11-20' },
      ],
    });
  });

  it('covers every day of any period exactly once, with at most 6 single days at each end', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => iso(new Date(Date.UTC(2024, 0, 1) + n * 86_400_000)));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), (from, len) => {
        const to = iso(new Date(Date.parse(`${from}T00:00:00Z`) + len * 86_400_000));
        const split = splitPeriodForRollUp(from, to);
        expect(daysOfRollUp(split)).toEqual(dayList(from, to));
        const singles = split.days.flatMap((r) => dayList(r.from, r.to));
        // every single day lies within 6 days of one end of the period
        for (const d of singles) expect(d <= addDaysIso(from, 5) || d >= addDaysIso(to, -5)).toBe(true);
        expect(singles.length).toBeLessThanOrEqual(12);
        for (const w of split.weeks) expect(weekSegmentStart(w.from)).toBe(w.from);
      }),
    );
  });
});

const addDaysIso = (s: string, n: number) => iso(new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000));

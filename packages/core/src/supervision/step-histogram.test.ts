import { describe, expect, it } from 'vitest';
import {
  medianFromHistogram,
  STEP_BUCKET_FLOOR_HOURS,
  STEP_MEDIAN_RELATIVE_ERROR,
  stepBucket,
  stepBucketLow,
  stepMediansFromHistogram,
} from './step-histogram.js';

const exactMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
};
const histogram = (xs: number[]) => {
  const m = new Map<number, number>();
  for (const x of xs) m.set(stepBucket(x), (m.get(stepBucket(x)) ?? 0) + 1);
  return [...m.entries()].map(([bucket, n]) => ({ bucket, n }));
};
/** A small deterministic generator (the same cases every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('median time per step from a histogram', () => {
  it('puts a duration in the bucket whose edges hold it', () => {
    for (const h of [0.02, 0.5, 1, 7.3, 24, 100, 2000]) {
      const b = stepBucket(h);
      expect(stepBucketLow(b)).toBeLessThanOrEqual(h * (1 + 1e-12));
      expect(stepBucketLow(b + 1)).toBeGreaterThan(h);
    }
    expect(stepBucket(0)).toBe(-1);
    expect(stepBucket(-3)).toBe(-1);
    expect(stepBucket(STEP_BUCKET_FLOOR_HOURS)).toBe(0);
  });

  it('is within the stated bound of the exact median, odd and even counts, skewed and spread data', () => {
    const next = rng(15);
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(next() * 400);
      const scale = 10 ** (next() * 5 - 2); // 0.01 h … 1000 h
      const xs = Array.from({ length: n }, () =>
        next() < 0.05 ? next() * STEP_BUCKET_FLOOR_HOURS : scale * Math.exp(2 * (next() - 0.5) * 3),
      );
      const exact = exactMedian(xs);
      const est = medianFromHistogram(histogram(xs))!;
      const bound = Math.max(exact * STEP_MEDIAN_RELATIVE_ERROR, STEP_BUCKET_FLOOR_HOURS);
      expect(Math.abs(est - exact)).toBeLessThanOrEqual(bound);
    }
  });

  it('states the bound: 2^(1/16) − 1, under 4.5 %', () => {
    expect(STEP_MEDIAN_RELATIVE_ERROR).toBeCloseTo(0.0443, 4);
  });

  it('gives completions per step in step order, and nothing for an empty histogram', () => {
    expect(medianFromHistogram([])).toBeNull();
    expect(medianFromHistogram([{ bucket: 3, n: 0 }])).toBeNull();
    const rows = [
      { step: 2, bucket: stepBucket(10), n: 3 },
      { step: 1, bucket: stepBucket(1), n: 1 },
      { step: 1, bucket: stepBucket(2), n: 1 },
    ];
    const out = stepMediansFromHistogram(rows);
    expect(out.map((x) => [x.step, x.completed])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(Math.abs(out[1]!.medianHours - 10)).toBeLessThanOrEqual(10 * STEP_MEDIAN_RELATIVE_ERROR);
  });
});

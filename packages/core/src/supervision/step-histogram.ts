/**
 * The median time per step from a histogram of durations (issue 15, migration 0355). Durations in hours are counted
 * in log-spaced buckets: bucket k >= 0 holds [1 min × 2^(k/16), 1 min × 2^((k+1)/16)); bucket -1 holds everything
 * under one minute. The median's rank is placed in its bucket and interpolated inside it (geometrically, linearly in
 * bucket -1), so the figure lies in the same bucket as the exact median (the average of the two middle values when
 * the count is even, as percentile_cont(0.5)): relative error < 2^(1/16) − 1 ≈ 4.4 %, or < 1 minute below a minute.
 */

/** Buckets per doubling of the duration. */
export const STEP_BUCKETS_PER_DOUBLING = 16;
/** The lower edge of bucket 0, in hours (one minute). */
export const STEP_BUCKET_FLOOR_HOURS = 1 / 60;
/** The bound on |estimate / exact − 1| for durations of a minute or more. */
export const STEP_MEDIAN_RELATIVE_ERROR = 2 ** (1 / STEP_BUCKETS_PER_DOUBLING) - 1;

/** The bucket of a duration, as the database's dossier_step_bucket(). */
export function stepBucket(hours: number): number {
  if (!(hours >= STEP_BUCKET_FLOOR_HOURS)) return -1;
  return Math.min(32000, Math.floor((STEP_BUCKETS_PER_DOUBLING * Math.log(hours * 60)) / Math.LN2));
}

/** The lower edge of a bucket, in hours (0 for bucket -1). */
export function stepBucketLow(bucket: number): number {
  return bucket < 0 ? 0 : STEP_BUCKET_FLOOR_HOURS * 2 ** (bucket / STEP_BUCKETS_PER_DOUBLING);
}

/** The value at a rank (1-based) inside a bucket holding ranks before+1 … before+n. */
function valueAt(bucket: number, before: number, n: number, rank: number): number {
  const f = (rank - before - 0.5) / n; // in (0, 1)
  if (bucket < 0) return f * STEP_BUCKET_FLOOR_HOURS;
  return stepBucketLow(bucket) * 2 ** (f / STEP_BUCKETS_PER_DOUBLING);
}

/** The median of a histogram (buckets in any order, counts may include zeros); null when it is empty. */
export function medianFromHistogram(buckets: ReadonlyArray<{ bucket: number; n: number }>): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let before = 0;
    for (const b of sorted) {
      if (rank <= before + b.n) return valueAt(b.bucket, before, b.n, rank);
      before += b.n;
    }
    throw new Error('rank out of the histogram');
  };
  return total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}

/** Per step: completions and the median from histogram rows (step, bucket, count), steps in order. */
export function stepMediansFromHistogram(
  rows: ReadonlyArray<{ step: number; bucket: number; n: number }>,
): Array<{ step: number; completed: number; medianHours: number }> {
  const byStep = new Map<number, Array<{ bucket: number; n: number }>>();
  for (const r of rows) {
    const list = byStep.get(r.step) ?? [];
    list.push({ bucket: r.bucket, n: r.n });
    byStep.set(r.step, list);
  }
  return [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([step, buckets]) => {
      const completed = buckets.reduce((s, b) => s + b.n, 0);
      const median = medianFromHistogram(buckets);
      return median === null ? [] : [{ step, completed, medianHours: Math.round(median * 100) / 100 }];
    });
}

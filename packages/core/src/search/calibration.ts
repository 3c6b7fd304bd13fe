import type { SearchOutcome } from './search-index.js';

/**
 * How sure the assistant may be of its first candidate, 0-1: the index's confidence in the match (1 for a code,
 * high for a curated phrase, else how much of the question the procedure holds) discounted when the second
 * candidate scores almost as well (a small margin means the question does not decide between them).
 */
export function calibratedConfidence(outcome: Pick<SearchOutcome, 'items'>): number {
  const [first, second] = outcome.items;
  if (!first) return 0;
  if (first.matchedBy === 'code') return first.confidence;
  const margin = second && first.score > 0 ? Math.max(0, (first.score - second.score) / first.score) : 1;
  return first.confidence * (1 - MARGIN_WEIGHT + MARGIN_WEIGHT * Math.min(1, margin / FULL_MARGIN));
}
/** Share of the confidence that depends on the margin, and the relative margin that counts as decisive. */
const MARGIN_WEIGHT = 0.25;
const FULL_MARGIN = 0.1;

export type CalibrationSample = { confidence: number; correct: boolean };

/**
 * The lowest threshold at which answering is right at least `precision` of the time on labelled samples, and
 * stays so for every higher threshold (so a noisy tail cannot pull it down). Infinity when no threshold reaches
 * it. Samples come from the tuning split; the test split only reports what the threshold achieves.
 */
export function calibrateThreshold(samples: ReadonlyArray<CalibrationSample>, precision: number): number {
  const sorted = [...samples].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let threshold = Number.POSITIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.correct) right++;
    const next = sorted[i + 1];
    // Only cut between distinct confidences: every sample at this confidence is answered alike.
    if (next && next.confidence === sorted[i]!.confidence) continue;
    if (right / (i + 1) < precision) break;
    threshold = sorted[i]!.confidence;
  }
  return threshold;
}

/** The lowest threshold above every sample's confidence (nonsense must stay below it). */
export function thresholdAbove(confidences: ReadonlyArray<number>, margin = 0.02): number {
  return Math.round((Math.max(0, ...confidences) + margin) * 1000) / 1000;
}

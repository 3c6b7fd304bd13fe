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

/**
 * How safe it is to answer with the first candidate outright, 0-1: how much of the question that procedure holds
 * (its coverage: every meaningful word of the question found in it, bridges and cue words counted), discounted by
 * up to half when the runner-up scores nearly as well (full credit from a 30 % lead). Unlike the calibrated
 * confidence it does not trust a curated phrase by itself: on the frozen dev split a phrase match was the right
 * first answer 20 times of 36 while coverage and margin together separated right from wrong answers best
 * (2026-11-30, 2-fold cross-validation on dev: 34 answers per 110 questions at 96.5 % against 17 at 95 % for the
 * calibrated confidence). An exact code counts fully.
 */
export function answerScore(outcome: Pick<SearchOutcome, 'items'>): number {
  const [first, second] = outcome.items;
  if (!first) return 0;
  if (first.matchedBy === 'code') return first.confidence;
  const margin = second && first.score > 0 ? Math.max(0, (first.score - second.score) / first.score) : 1;
  return first.coverage * (1 - ANSWER_MARGIN_WEIGHT + ANSWER_MARGIN_WEIGHT * Math.min(1, margin / ANSWER_FULL_MARGIN));
}
const ANSWER_MARGIN_WEIGHT = 0.5;
const ANSWER_FULL_MARGIN = 0.3;

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

import { describe, expect, it } from 'vitest';
import { answerScore, calibratedConfidence, calibrateThreshold, thresholdAbove } from './calibration.js';
import { fixtureCatalog } from './search.fixtures.js';
import type { ScoredProcedure } from './search-index.js';

const item = (
  score: number,
  confidence: number,
  matchedBy: ScoredProcedure['matchedBy'] = 'text',
  coverage = confidence,
) => ({ record: fixtureCatalog[0]!, score, coverage, confidence, matchedBy }) as ScoredProcedure;

describe('calibratedConfidence', () => {
  it('keeps the confidence of a clear winner and lowers it when the runner-up is close', () => {
    expect(calibratedConfidence({ items: [item(10, 0.9)] })).toBeCloseTo(0.9);
    expect(calibratedConfidence({ items: [item(10, 0.9), item(5, 0.9)] })).toBeCloseTo(0.9);
    const close = calibratedConfidence({ items: [item(10, 0.9), item(9.9, 0.9)] });
    expect(close).toBeLessThan(0.75);
    expect(close).toBeGreaterThan(0.6);
    expect(calibratedConfidence({ items: [] })).toBe(0);
  });

  it('leaves an exact code alone', () => {
    expect(calibratedConfidence({ items: [item(1e6, 1, 'code'), item(1e6 - 1, 0.8, 'code')] })).toBe(1);
  });
});

describe('answerScore', () => {
  it("reads the first candidate's coverage of the question, halved at most when the runner-up is level", () => {
    expect(answerScore({ items: [item(10, 0.5, 'text', 1)] })).toBeCloseTo(1);
    expect(answerScore({ items: [item(10, 0.5, 'text', 1), item(7, 0.5)] })).toBeCloseTo(1);
    expect(answerScore({ items: [item(10, 0.5, 'text', 1), item(8.5, 0.5)] })).toBeCloseTo(0.75);
    expect(answerScore({ items: [item(10, 0.5, 'text', 0.8), item(10, 0.5)] })).toBeCloseTo(0.4);
    expect(answerScore({ items: [] })).toBe(0);
  });

  it('does not trust a curated phrase by its confidence alone, but an exact code fully', () => {
    // a phrase found inside a longer question: high confidence, most of the question unexplained
    expect(answerScore({ items: [item(10, 0.9, 'phrase', 0.4)] })).toBeCloseTo(0.4);
    expect(answerScore({ items: [item(1e6, 1, 'code', 0.2), item(10, 0.9)] })).toBe(1);
  });
});

describe('calibrateThreshold', () => {
  const s = (confidence: number, correct: boolean) => ({ confidence, correct });

  it('finds the lowest threshold whose answers reach the precision, and stays above a bad stretch', () => {
    const samples = [s(0.95, true), s(0.9, true), s(0.85, true), s(0.8, false), s(0.7, true), s(0.6, true)];
    expect(calibrateThreshold(samples, 0.95)).toBe(0.85);
    expect(calibrateThreshold(samples, 0.75)).toBe(0.6);
  });

  it('never cuts between equal confidences and gives Infinity when nothing reaches the precision', () => {
    expect(calibrateThreshold([s(0.9, true), s(0.9, false)], 0.95)).toBe(Number.POSITIVE_INFINITY);
    expect(calibrateThreshold([s(0.9, false), s(0.8, true)], 0.95)).toBe(Number.POSITIVE_INFINITY);
  });

  it('puts the refusal threshold just above every nonsense question', () => {
    expect(thresholdAbove([0.1, 0.48, 0.3])).toBe(0.5);
    expect(thresholdAbove([])).toBe(0.02);
  });
});

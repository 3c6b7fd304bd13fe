import { describe, expect, it } from 'vitest';
import { feedbackIndex, type IndexedFeedback, inFeedbackFigure } from './feedback-index.js';

const item = (p: Partial<IndexedFeedback>): IndexedFeedback => ({
  status: 'answered',
  stepsOnTime: true,
  overdueNow: false,
  rating: null,
  repeated: false,
  ...p,
});

describe('feedbackIndex (766 indicators 5.2 and 5.3)', () => {
  it('a grouped item counts as many times as its count, as the same items one by one', () => {
    const one = [
      item({}),
      item({}),
      item({ stepsOnTime: false }),
      item({ status: 'in_progress', overdueNow: true }),
      item({ rating: 'dissatisfied' }),
    ];
    const grouped = [
      { ...item({}), count: 2 },
      { ...item({ stepsOnTime: false }), count: 1 },
      item({ status: 'in_progress', overdueNow: true }),
      { ...item({ rating: 'dissatisfied' }), count: 1 },
    ];
    expect(feedbackIndex(grouped)).toEqual(feedbackIndex(one));
    expect(feedbackIndex(one)).toMatchObject({ received: 5, handled: 4, handledOnTime: 3, onTimeRate: 0.75 });
    // bad: late, overdue, dissatisfied → 2 of 5 satisfied
    expect(feedbackIndex(one).satisfactionRate).toBe(0.4);
  });

  it('no feedback: no rate', () => {
    expect(feedbackIndex([])).toMatchObject({ received: 0, onTimeRate: null, satisfactionRate: null });
  });
});

describe('inFeedbackFigure (the lists behind 5.2 and 5.3)', () => {
  it('picks as many items as each figure of feedbackIndex counts', () => {
    const items = [
      item({}),
      item({ status: 'refused' }),
      item({ stepsOnTime: false }),
      item({ status: 'in_progress', overdueNow: true }),
      item({ status: 'in_progress' }),
      item({ rating: 'dissatisfied' }),
      item({ repeated: true }),
    ];
    const f = feedbackIndex(items);
    const n = (ind: '5.2' | '5.3', part: 'numerator' | 'denominator') =>
      items.filter((i) => inFeedbackFigure(i, ind, part)).length;
    expect(n('5.2', 'numerator')).toBe(f.handledOnTime);
    expect(n('5.2', 'denominator')).toBe(f.handled);
    expect(n('5.3', 'denominator')).toBe(f.received);
    expect(n('5.3', 'numerator') / f.received).toBeCloseTo(f.satisfactionRate ?? -1, 4);
    expect(n('5.3', 'numerator')).toBe(3);
  });
});

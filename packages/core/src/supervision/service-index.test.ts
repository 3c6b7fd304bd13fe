import { SERVICE_INDICATORS } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { emptyStatsCounts, statsRates } from '../dossiers/dossier-stats.js';
import { feedbackIndex } from '../feedback/feedback-index.js';
import { indicatorPoints, type ServiceIndexInputs, serviceIndex } from './service-index.js';

const stats = () => {
  const s = emptyStatsCounts();
  s.received = 100;
  s.online = 40;
  s.finished = { total: 70, early: 30, onTime: 33, late: 7, noDeadline: 0 };
  s.inProgress = { total: 30, undue: 20, dueSoon: 5, overdue: 5, noDeadline: 0 };
  return s;
};

const inputs = (over: Partial<ServiceIndexInputs> = {}): ServiceIndexInputs => ({
  stats: stats(),
  received: 100,
  synced: 90,
  reused: 60,
  fromCitizenStore: 10,
  online: 40,
  feeBearing: 20,
  paidOnline: 5,
  withResult: 70,
  withResultFile: 63,
  digitized: 42,
  vneidVerified: 30,
  withFeedbackOrDislike: 3,
  feedback: feedbackIndex([]),
  ...over,
});

const byId = (r: ReturnType<typeof serviceIndex>, id: string) => {
  const x = r.indicators.find((i) => i.id === id);
  if (!x) throw new Error(id);
  return x;
};

describe('766 scoring (domain.md §2.1: below T, rate × max / T)', () => {
  it('is pro rata below the threshold and full at or above it', () => {
    expect(indicatorPoints(0.6, 2, 0.8)).toBe(1.5);
    expect(indicatorPoints(0.8, 2, 0.8)).toBe(2);
    expect(indicatorPoints(0.95, 2, 0.8)).toBe(2);
    expect(indicatorPoints(0.9278, 20)).toBe(18.56);
  });
});

describe('serviceIndex', () => {
  it('gives 2.1 the supervision aggregate’s on-time rate with its numerator and denominator', () => {
    const r = byId(serviceIndex(inputs()), '2.1');
    expect(r.numerator).toBe(30 + 33 + 20 + 5);
    expect(r.denominator).toBe(100);
    expect(r.rate).toBe(statsRates(stats()).onTimeRate);
    expect(r.points).toBe(17.6);
  });

  it('scores the dossier indicators from their counts and thresholds', () => {
    const r = serviceIndex(inputs());
    expect(byId(r, '1.4')).toMatchObject({ numerator: 90, denominator: 100, points: 5.4 });
    expect(byId(r, '3.6')).toMatchObject({ numerator: 5, denominator: 20, rate: 0.25, points: 1.5 });
    expect(byId(r, '4.1')).toMatchObject({ numerator: 63, denominator: 70, points: 5.4 });
    // 4.2: 60 % digitized against a full score at 80 % of 4 points.
    expect(byId(r, '4.2')).toMatchObject({ rate: 0.6, points: 3 });
    expect(byId(r, '4.3')).toMatchObject({ rate: 0.6, points: 1.5 });
    expect(byId(r, '4.4')).toMatchObject({ rate: 0.1, points: 0.4 });
    expect(byId(r, '4.5')).toMatchObject({ rate: 0.3, points: 0.6 });
  });

  it('shows the online share (3.3) against its 50 % threshold but gives it no points while the split is unknown', () => {
    const r = byId(serviceIndex(inputs()), '3.3');
    expect(r).toMatchObject({ computable: true, numerator: 40, denominator: 100, threshold: 0.5, points: null });
    expect(r.reason).toContain('12 điểm');
  });

  it('5.4 = 100 % − (late rate + rate with feedback or dislike), full at 90 %', () => {
    // 12 late of 100 judged, 3 of 100 with feedback or dislike → 85 % → 85/90 × 6.
    const r = byId(serviceIndex(inputs()), '5.4');
    expect(r.rate).toBeCloseTo(0.85, 10);
    expect(r.points).toBe(5.67);
    const good = stats();
    good.finished = { total: 70, early: 40, onTime: 28, late: 2, noDeadline: 0 };
    good.inProgress = { total: 30, undue: 30, dueSoon: 0, overdue: 0, noDeadline: 0 };
    expect(byId(serviceIndex(inputs({ stats: good, withFeedbackOrDislike: 1 })), '5.4').points).toBe(6);
  });

  it('takes 5.2 and 5.3 from the feedback index', () => {
    const fb = feedbackIndex([
      { status: 'answered', stepsOnTime: true, overdueNow: false, rating: 'satisfied', repeated: false },
      { status: 'answered', stepsOnTime: false, overdueNow: false, rating: null, repeated: false },
      { status: 'received', stepsOnTime: true, overdueNow: false, rating: null, repeated: false },
      { status: 'published', stepsOnTime: true, overdueNow: false, rating: 'dissatisfied', repeated: false },
    ] as never);
    const r = serviceIndex(inputs({ feedback: fb }));
    expect(byId(r, '5.2')).toMatchObject({ numerator: 2, denominator: 3, points: 4 });
    expect(byId(r, '5.3')).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, points: 3 });
  });

  it('never invents: indicators without inputs are not computable with a reason, and count in no total', () => {
    const r = serviceIndex(inputs());
    for (const id of ['1.1', '1.2', '1.3', '2.2', '3.1', '3.2', '3.5', '4.2b', '5.2', '5.3']) {
      const x = byId(r, id);
      expect(x.computable).toBe(false);
      expect(x.points).toBeNull();
      expect(x.reason).toMatch(/^Không tính được, vì /);
    }
    const scored = r.indicators.filter((x) => x.points !== null);
    expect(r.total.max).toBe(scored.reduce((a, x) => a + (x.max ?? 0), 0));
    expect(r.total.points).toBeCloseTo(
      scored.reduce((a, x) => a + (x.points ?? 0), 0),
      2,
    );
  });

  it('lists every indicator of domain.md §2.1 once, e-certified copies (2 points) included', () => {
    const r = serviceIndex(inputs());
    expect(r.indicators.map((x) => x.id)).toEqual([...SERVICE_INDICATORS]);
    expect(byId(r, '4.2b')).toMatchObject({ group: 'digitization', max: 2, computable: false, points: null });
    expect(byId(r, '4.2b').reason).toMatch(/chứng thực từ bản chính/);
    // 2.2: the exact reason — the formula's unit (working days without pauses) is not what the aggregates keep
    expect(byId(r, '2.2')).toMatchObject({ max: null, computable: false, points: null });
    expect(byId(r, '2.2').reason).toMatch(/ngày làm việc.*giờ lịch/);
  });

  it('an empty period has nothing computable from dossiers', () => {
    const r = serviceIndex(
      inputs({
        stats: emptyStatsCounts(),
        received: 0,
        synced: 0,
        reused: 0,
        fromCitizenStore: 0,
        online: 0,
        feeBearing: 0,
        paidOnline: 0,
        withResult: 0,
        withResultFile: 0,
        digitized: 0,
        vneidVerified: 0,
        withFeedbackOrDislike: 0,
      }),
    );
    expect(r.indicators.every((x) => x.points === null)).toBe(true);
    expect(r.total).toEqual({ points: 0, max: 0 });
  });
});

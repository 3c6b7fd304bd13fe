import { describe, expect, it } from 'vitest';
import {
  type BreakerPolicy,
  breakerGauge,
  breakerOnFailure,
  breakerOnSuccess,
  breakerOnThrottle,
  breakerPermits,
  closedBreaker,
} from './circuit-breaker.js';

const policy: BreakerPolicy = { failureThreshold: 3, openMs: 10_000 };
const t0 = new Date('2026-03-02T02:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('circuit breaker', () => {
  it('opens after consecutive failures, probes once after the open period, closes on success', () => {
    let b = breakerOnFailure(closedBreaker, t0, policy);
    b = breakerOnFailure(b, t0, policy);
    expect(breakerPermits(b, t0).permits).toBe('all');
    b = breakerOnFailure(b, t0, policy);
    expect(b.state).toBe('open');
    expect(breakerGauge(b)).toBe(2);
    expect(breakerPermits(b, at(9_999)).permits).toBe('none');
    const half = breakerPermits(b, at(10_000));
    expect(half).toMatchObject({ permits: 'probe', breaker: { state: 'half_open' } });
    expect(breakerGauge(half.breaker)).toBe(1);
    expect(breakerOnSuccess(half.breaker)).toEqual(closedBreaker);
  });

  it('a failed probe opens it again', () => {
    const b = breakerOnFailure({ state: 'half_open', failures: 3 }, at(10_000), policy);
    expect(b).toMatchObject({ state: 'open', until: at(20_000) });
  });

  it('a success resets the count of consecutive failures', () => {
    let b = breakerOnFailure(closedBreaker, t0, policy);
    b = breakerOnFailure(b, t0, policy);
    b = breakerOnSuccess(b);
    b = breakerOnFailure(b, t0, policy);
    expect(b).toEqual({ state: 'closed', failures: 1 });
  });

  it('429 holds the destination until Retry-After without counting a failure', () => {
    const b = breakerOnThrottle(closedBreaker, at(5_000));
    expect(b).toEqual({ state: 'open', until: at(5_000), failures: 0 });
    expect(breakerPermits(b, at(4_000)).permits).toBe('none');
    expect(breakerPermits(b, at(5_000)).permits).toBe('probe');
    expect(breakerOnThrottle({ state: 'open', until: at(9_000), failures: 5 }, at(5_000))).toMatchObject({
      until: at(9_000),
    });
  });
});

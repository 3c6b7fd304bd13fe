/**
 * A circuit breaker per destination, as pure transitions: closed (deliver) → open after `failureThreshold`
 * consecutive destination failures (deliver nothing until `until`) → half-open (one probe) → closed on a
 * success, open again on a failure. A 429 opens it until the Retry-After instant without counting a failure.
 */
export type BreakerPolicy = Readonly<{ failureThreshold: number; openMs: number }>;

export const defaultBreakerPolicy: BreakerPolicy = { failureThreshold: 5, openMs: 30_000 };

export type Breaker =
  | { state: 'closed'; failures: number }
  | { state: 'open'; until: Date; failures: number }
  | { state: 'half_open'; failures: number };

export const closedBreaker: Breaker = { state: 'closed', failures: 0 };

/** How many rows may be sent now: all (closed), one probe (half-open), none (open). */
export function breakerPermits(b: Breaker, now: Date): { breaker: Breaker; permits: 'all' | 'probe' | 'none' } {
  if (b.state === 'closed') return { breaker: b, permits: 'all' };
  if (b.state === 'open') {
    if (now.getTime() < b.until.getTime()) return { breaker: b, permits: 'none' };
    return { breaker: { state: 'half_open', failures: b.failures }, permits: 'probe' };
  }
  return { breaker: b, permits: 'probe' };
}

export function breakerOnSuccess(_b: Breaker): Breaker {
  return closedBreaker;
}

export function breakerOnFailure(b: Breaker, now: Date, policy: BreakerPolicy): Breaker {
  const failures = b.failures + 1;
  if (b.state === 'half_open' || failures >= policy.failureThreshold) {
    return { state: 'open', until: new Date(now.getTime() + policy.openMs), failures };
  }
  if (b.state === 'open') return { ...b, failures };
  return { state: 'closed', failures };
}

/** The destination asked to wait (429 Retry-After): send nothing to it before `until`. */
export function breakerOnThrottle(b: Breaker, until: Date): Breaker {
  const current = b.state === 'open' && b.until.getTime() > until.getTime() ? b.until : until;
  return { state: 'open', until: current, failures: b.failures };
}

/** Gauge value for metrics: 0 closed, 1 half-open, 2 open. */
export function breakerGauge(b: Breaker): number {
  return b.state === 'closed' ? 0 : b.state === 'half_open' ? 1 : 2;
}

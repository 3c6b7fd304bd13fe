import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideDelivery,
  defaultRetryPolicy,
  parseRetryAfterMs,
  type RetryPolicy,
  readAcknowledgement,
} from './delivery-policy.js';

const now = new Date('2026-03-02T02:00:00Z');
const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5, maxRetryAfterMs: 600_000 };
const key = 'dossier:abc:1';
const ack = JSON.stringify({ idempotencyKey: key, receiptId: 'R1' });
const decide = (outcome: Parameters<typeof decideDelivery>[0]['outcome'], attempts = 1, random = 0.5) =>
  decideDelivery({ outcome, idempotencyKey: key, attempts, now, policy, random });

describe('backoff', () => {
  it('doubles per attempt, capped, with jitter between half and all of the delay', () => {
    expect(backoffDelayMs(1, policy, 0)).toBe(500);
    expect(backoffDelayMs(1, policy, 0.999)).toBeCloseTo(1000, -1);
    expect(backoffDelayMs(3, policy, 0)).toBe(2000);
    expect(backoffDelayMs(30, policy, 0)).toBe(30_000);
    expect(backoffDelayMs(30, policy, 0.999)).toBeLessThanOrEqual(60_000);
  });
  it('spreads retries of rows that failed together (jitter)', () => {
    const delays = [0.1, 0.4, 0.7].map((r) => backoffDelayMs(4, policy, r));
    expect(new Set(delays).size).toBe(3);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('Mon, 02 Mar 2026 02:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe('decideDelivery', () => {
  it('delivered only when the portal echoes this key with a receipt', () => {
    expect(decide({ kind: 'response', status: 200, body: ack })).toMatchObject({ kind: 'delivered', receiptId: 'R1' });
    expect(readAcknowledgement(JSON.stringify({ idempotencyKey: 'other', receiptId: 'R' }), key)).toBeUndefined();
    const lied = decide({ kind: 'response', status: 200, body: '{"ok":true}' });
    expect(lied).toMatchObject({ kind: 'retry', destinationFailure: true });
  });

  it('retries time-outs, dropped connections and 5xx with backoff', () => {
    for (const o of [
      { kind: 'timeout' } as const,
      { kind: 'network', error: 'socket hang up' } as const,
      { kind: 'response', status: 500, body: 'boom' } as const,
      { kind: 'response', status: 503, body: '' } as const,
    ]) {
      const d = decide(o, 2, 0);
      expect(d).toMatchObject({ kind: 'retry', destinationFailure: true });
      if (d.kind === 'retry') expect(d.at.getTime() - now.getTime()).toBe(1000);
    }
  });

  it('honours Retry-After on 429 (clamped) and does not count it as a destination failure', () => {
    const d = decide({ kind: 'response', status: 429, body: '', retryAfter: '90' });
    expect(d).toMatchObject({ kind: 'retry', destinationFailure: false, at: new Date(now.getTime() + 90_000) });
    const far = decide({ kind: 'response', status: 429, body: '', retryAfter: '86400' });
    expect(far.kind === 'retry' && far.at.getTime() - now.getTime()).toBe(600_000);
    const none = decide({ kind: 'response', status: 429, body: '' }, 1, 0);
    expect(none.kind === 'retry' && none.at.getTime() - now.getTime()).toBe(500);
  });

  it('dead-letters a rejected payload at once, with the portal answer', () => {
    const d = decide({ kind: 'response', status: 422, body: '{"errors":["TrangThaiHoSo"]}' });
    expect(d).toEqual({
      kind: 'dead',
      reason: 'rejected by the portal (422)',
      response: '422 {"errors":["TrangThaiHoSo"]}',
    });
  });

  it('dead-letters a transient failure after the last attempt', () => {
    expect(decide({ kind: 'timeout' }, 4)).toMatchObject({ kind: 'retry' });
    expect(decide({ kind: 'timeout' }, 5)).toMatchObject({
      kind: 'dead',
      reason: 'timed out; gave up after 5 attempts',
    });
  });

  it('default policy keeps retrying through an hour-long outage', () => {
    let waited = 0;
    let attempts = 0;
    while (waited < 3_600_000) {
      attempts++;
      waited += backoffDelayMs(attempts, defaultRetryPolicy, 0.999);
    }
    expect(attempts).toBeLessThan(defaultRetryPolicy.maxAttempts);
  });
});

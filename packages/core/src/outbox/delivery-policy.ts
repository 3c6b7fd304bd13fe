/**
 * What the dispatcher does after one attempt to deliver an outbox row: pure decisions, so retries, backoff,
 * Retry-After and dead-lettering are unit-tested without a network or a clock.
 */

/** What came back from the destination for one attempt. */
export type DeliveryOutcome =
  | { kind: 'response'; status: number; body: string; retryAfter?: string | null }
  | { kind: 'network'; error: string }
  | { kind: 'timeout' };

export type RetryPolicy = Readonly<{
  /** First retry delay. */
  baseDelayMs: number;
  /** Largest delay between two attempts of one row. */
  maxDelayMs: number;
  /** After this many failed attempts a transient failure dead-letters the row too. */
  maxAttempts: number;
  /** Longest Retry-After honoured (a larger one is clamped). */
  maxRetryAfterMs: number;
}>;

export const defaultRetryPolicy: RetryPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 50,
  maxRetryAfterMs: 60 * 60_000,
};

export type DeliveryDecision =
  | { kind: 'delivered'; receiptId: string; response: string }
  | { kind: 'retry'; at: Date; reason: string; response: string | null; destinationFailure: boolean }
  | { kind: 'dead'; reason: string; response: string | null };

/** Exponential backoff with "equal jitter": half the capped delay fixed, half random. random ∈ [0, 1). */
export function backoffDelayMs(attempts: number, policy: RetryPolicy, random: number): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random);
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The portal acknowledges a row by echoing its idempotency key with a receipt id; anything else is no proof. */
export function readAcknowledgement(body: string, idempotencyKey: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { idempotencyKey?: unknown; receiptId?: unknown };
    if (parsed.idempotencyKey === idempotencyKey && typeof parsed.receiptId === 'string' && parsed.receiptId) {
      return parsed.receiptId;
    }
  } catch {
    // not JSON: not an acknowledgement
  }
  return undefined;
}

/** Statuses meaning "this payload will never be accepted": retrying cannot help, an administrator must act. */
const PERMANENT = new Set([400, 409, 413, 415, 422]);

const clip = (s: string) => (s.length > 2000 ? `${s.slice(0, 2000)}…` : s);

/**
 * Decide after attempt number `attempts` (1-based, this attempt included) of the row keyed `idempotencyKey`.
 * `destinationFailure` tells the circuit breaker whether the destination itself misbehaved.
 */
export function decideDelivery(input: {
  outcome: DeliveryOutcome;
  idempotencyKey: string;
  attempts: number;
  now: Date;
  policy: RetryPolicy;
  random: number;
}): DeliveryDecision {
  const { outcome, now, policy, attempts } = input;
  const retry = (reason: string, response: string | null, delayMs?: number): DeliveryDecision => {
    if (attempts >= policy.maxAttempts) {
      return { kind: 'dead', reason: `${reason}; gave up after ${attempts} attempts`, response };
    }
    const ms = delayMs ?? backoffDelayMs(attempts, policy, input.random);
    return { kind: 'retry', at: new Date(now.getTime() + ms), reason, response, destinationFailure: true };
  };

  if (outcome.kind === 'timeout') return retry('timed out', null);
  if (outcome.kind === 'network') return retry(`network: ${outcome.error}`, null);

  const response = clip(`${outcome.status} ${outcome.body}`);
  if (outcome.status >= 200 && outcome.status < 300) {
    const receiptId = readAcknowledgement(outcome.body, input.idempotencyKey);
    if (receiptId) return { kind: 'delivered', receiptId, response };
    return retry('success without an acknowledgement of this key', response);
  }
  if (outcome.status === 429) {
    const after = parseRetryAfterMs(outcome.retryAfter, now);
    const delay = after === undefined ? undefined : Math.min(after, policy.maxRetryAfterMs);
    const d = retry('throttled (429)', response, delay);
    return d.kind === 'retry' ? { ...d, destinationFailure: false } : d;
  }
  if (PERMANENT.has(outcome.status)) {
    return { kind: 'dead', reason: `rejected by the portal (${outcome.status})`, response };
  }
  return retry(`HTTP ${outcome.status}`, response);
}

/**
 * Failures counted per target (a username, a dossier code) whatever the client's address, so changing IP or
 * X-Forwarded-For does not buy more guesses. A target that reaches `max` failures within `windowMs` is locked
 * until its window ends. In memory, per process (like the per-IP limits of @fastify/rate-limit); several API
 * processes each count their own, which multiplies the allowance by their number at most.
 */
export type LockoutState = { locked: boolean; retryAfterSeconds: number };

export class TargetLockout {
  private readonly entries = new Map<string, { failures: number; windowEndsAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly capacity = 100_000,
  ) {}

  /** Whether the target is locked now. */
  check(target: string, nowMs: number): LockoutState {
    const e = this.live(target, nowMs);
    if (!e || e.failures < this.max) return { locked: false, retryAfterSeconds: 0 };
    return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((e.windowEndsAt - nowMs) / 1000)) };
  }

  /** Count one failure; true when this failure is the one that locks the target (audit it once). */
  fail(target: string, nowMs: number): boolean {
    let e = this.live(target, nowMs);
    if (!e) {
      if (this.entries.size >= this.capacity) this.sweep(nowMs);
      e = { failures: 0, windowEndsAt: nowMs + this.windowMs };
      this.entries.set(target, e);
    }
    e.failures++;
    return e.failures === this.max;
  }

  private live(target: string, nowMs: number) {
    const e = this.entries.get(target);
    if (e && e.windowEndsAt <= nowMs) {
      this.entries.delete(target);
      return undefined;
    }
    return e;
  }

  private sweep(nowMs: number) {
    for (const [k, e] of this.entries) if (e.windowEndsAt <= nowMs) this.entries.delete(k);
    // Still full (a flood of distinct targets): drop the oldest half rather than grow without bound.
    if (this.entries.size >= this.capacity) {
      let n = Math.floor(this.capacity / 2);
      for (const k of this.entries.keys()) {
        if (n-- <= 0) break;
        this.entries.delete(k);
      }
    }
  }
}

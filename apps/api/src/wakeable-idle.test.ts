import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wakeableIdle } from './wakeable-idle.js';

describe('wakeableIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends the pause after its time, or at once when woken', async () => {
    const w = wakeableIdle();
    let done = false;
    void w.idle(1_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);

    done = false;
    void w.idle(60_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    w.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing when woken while not pausing', () => {
    const w = wakeableIdle();
    expect(() => w.wake()).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { startPeriodicPass } from './periodic-pass.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startPeriodicPass', () => {
  it('repeats the pass, never two at once, and stop() waits for the pass in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let passes = 0;
    let finished = 0;
    const job = startPeriodicPass(
      async () => {
        inFlight++;
        passes++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(30);
        inFlight--;
        finished++;
      },
      1,
      1,
    );
    await sleep(150);
    await job.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(maxInFlight).toBe(1);
    expect(finished).toBe(passes);
    const after = passes;
    await sleep(60);
    expect(passes).toBe(after);
  });
});

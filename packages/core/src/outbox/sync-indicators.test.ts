import { describe, expect, it } from 'vitest';
import { syncIndicators } from './sync-indicators.js';

describe('766 indicators from what was delivered', () => {
  it('1.4 is the share of received dossiers fully synced, out of 6 points', () => {
    const r = syncIndicators({ received: 200, synced: 150, reused: 0, fromCitizenStore: 0 });
    expect(r.indicator14).toEqual({ rate: 0.75, points: 4.5, max: 6 });
    expect(syncIndicators({ received: 10, synced: 10, reused: 0, fromCitizenStore: 0 }).indicator14.points).toBe(6);
  });
  it('4.3 reaches its 2 points at 80 % of dossiers with a reused component; 4.4 is pro rata', () => {
    const r = syncIndicators({ received: 100, synced: 100, reused: 40, fromCitizenStore: 25 });
    expect(r.indicator43).toEqual({ rate: 0.4, points: 1, max: 2 });
    expect(syncIndicators({ received: 100, synced: 0, reused: 90, fromCitizenStore: 0 }).indicator43.points).toBe(2);
    expect(r.indicator44).toEqual({ rate: 0.25, points: 1, max: 4 });
  });
  it('has no rate and no points without received dossiers', () => {
    expect(syncIndicators({ received: 0, synced: 0, reused: 0, fromCitizenStore: 0 }).indicator14).toEqual({
      rate: null,
      points: null,
      max: 6,
    });
  });
});

/**
 * Decision 766 indicators computed from what the provincial system delivered to the national portal
 * (domain.md §2.1). Each: the rate, and the points (rate × max / threshold, capped at max).
 */
export type IndicatorScore = { rate: number | null; points: number | null; max: number };

const score = (num: number, den: number, max: number, threshold = 1): IndicatorScore => {
  if (den <= 0) return { rate: null, points: null, max };
  const rate = num / den;
  return { rate, points: Math.round(Math.min(max, (rate * max) / threshold) * 100) / 100, max };
};

/** Counts of one province in a period (dossiers by receipt date). */
export type SyncCounts = {
  /** Dossiers received in the period. */
  received: number;
  /** Of those, dossiers with at least one status change delivered to the portal and none left undelivered. */
  synced: number;
  /** With at least one component reused from data already held (DuocTaiSuDung). */
  reused: number;
  /** With at least one component taken from the citizen's data store on the portal (DuocLayTuKhoDMQG). */
  fromCitizenStore: number;
};

/**
 * Indicator 1.4 (dossiers synced to DVCQG, 6 points): synced / received. The official denominator is the larger
 * of the national reporting system's count and the portal's; the province's own count of received dossiers is
 * the one it can know, and the portal never holds more than was delivered. Indicator 4.3 (reuse of digitised
 * data, 2 points, full at 80 %) and 4.4 (data from the citizen's store, 4 points) from the component flags.
 */
export function syncIndicators(c: SyncCounts): {
  indicator14: IndicatorScore;
  indicator43: IndicatorScore;
  indicator44: IndicatorScore;
} {
  return {
    indicator14: score(c.synced, c.received, 6),
    indicator43: score(c.reused, c.received, 2, 0.8),
    indicator44: score(c.fromCitizenStore, c.received, 4),
  };
}

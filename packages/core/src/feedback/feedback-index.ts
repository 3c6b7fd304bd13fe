import type { FeedbackRating, FeedbackStatus } from '@mot-cua/contracts';

/** One feedback of a unit in the period, as the service index counts it. */
export type IndexedFeedback = Readonly<{
  status: FeedbackStatus;
  /** Every deadline-bearing step taken so far was on time (false as soon as one was late). */
  stepsOnTime: boolean;
  /** Still open and past its current deadline. */
  overdueNow: boolean;
  rating: FeedbackRating | null;
  repeated: boolean;
}>;

const HANDLED: ReadonlySet<FeedbackStatus> = new Set(['refused', 'answered', 'published']);

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/**
 * Indicators 5.2 and 5.3 of Decision 766 (domain.md §2): 5.2 = handled within every deadline / handled;
 * 5.3 = (all − dissatisfied − overdue − repeated complaints) / all.
 */
export function feedbackIndex(items: ReadonlyArray<IndexedFeedback & { readonly count?: number }>) {
  // An item may stand for several alike (a grouped count from SQL): each counts `count` times.
  const n = (list: ReadonlyArray<{ readonly count?: number }>) => list.reduce((s, i) => s + (i.count ?? 1), 0);
  const handled = items.filter((i) => HANDLED.has(i.status));
  const handledOnTime = n(handled.filter((i) => i.stepsOnTime));
  const dissatisfied = n(items.filter((i) => i.rating === 'dissatisfied'));
  const overdue = n(items.filter((i) => i.overdueNow || (HANDLED.has(i.status) && !i.stepsOnTime)));
  const repeated = n(items.filter((i) => i.repeated));
  const bad = n(
    items.filter(
      (i) => i.rating === 'dissatisfied' || i.overdueNow || (HANDLED.has(i.status) && !i.stepsOnTime) || i.repeated,
    ),
  );
  const all = n(items);
  return {
    received: all,
    handled: n(handled),
    handledOnTime,
    onTimeRate: rate(handledOnTime, n(handled)),
    dissatisfied,
    overdue,
    repeated,
    satisfactionRate: rate(all - bad, all),
  };
}

/**
 * Whether one feedback item stands in a figure of 5.2 or 5.3 (the lists one click away from the index): 5.2's
 * numerator is handled within every deadline, its denominator handled; 5.3's numerator is the items with none of
 * dissatisfied / overdue / late / repeated, its denominator all. The same rules as feedbackIndex above.
 */
export function inFeedbackFigure(
  i: IndexedFeedback,
  indicator: '5.2' | '5.3',
  part: 'numerator' | 'denominator',
): boolean {
  const handled = HANDLED.has(i.status);
  if (indicator === '5.2') return part === 'denominator' ? handled : handled && i.stepsOnTime;
  if (part === 'denominator') return true;
  return !(i.rating === 'dissatisfied' || i.overdueNow || (handled && !i.stepsOnTime) || i.repeated);
}

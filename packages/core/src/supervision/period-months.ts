/**
 * A period of civil days split for the monthly roll-up: the whole calendar months it covers (read from the month
 * tables) and the partial months at its ends (read from the day tables). Dates are 'YYYY-MM-DD', both ends included.
 */
export type PeriodSplit = {
  /** First days of the first and last whole month, or null when the period covers no whole month. */
  months: { from: string; to: string } | null;
  /** The days outside whole months: none, one or two ranges. */
  days: Array<{ from: string; to: string }>;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(utc(s).getTime() + n * 86_400_000));
const firstOfMonth = (s: string) => `${s.slice(0, 7)}-01`;
const lastOfMonth = (s: string) => {
  const d = utc(firstOfMonth(s));
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
};
const addMonths = (first: string, n: number) => {
  const d = utc(first);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
};

export function splitPeriodByMonths(from: string, to: string): PeriodSplit {
  if (from > to) return { months: null, days: [] };
  // the first whole month starts on or after `from`, the last whole month ends on or before `to`
  const firstWhole = from === firstOfMonth(from) ? from : addMonths(firstOfMonth(from), 1);
  const lastWhole = to === lastOfMonth(to) ? firstOfMonth(to) : addMonths(firstOfMonth(to), -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: Array<{ from: string; to: string }> = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  const afterLast = addMonths(lastWhole, 1);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/**
 * A week segment: the part of an ISO week (Monday to Sunday) inside one calendar month, keyed by its first day
 * (the Monday, or the 1st when the month starts mid-week). Segments nest in months, so a month is the disjoint union
 * of its four to six segments and the week tables can be rebuilt month by month.
 */
export function weekSegmentStart(day: string): string {
  const dow = (utc(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -dow);
  const first = firstOfMonth(day);
  return monday > first ? monday : first;
}

/** The last day of the week segment holding `day` (the Sunday, or the month's last day). */
export function weekSegmentEnd(day: string): string {
  const dow = (utc(day).getUTCDay() + 6) % 7;
  const sunday = addDays(day, 6 - dow);
  const last = lastOfMonth(day);
  return sunday < last ? sunday : last;
}

/** The split for the weekly layer: whole months, whole week segments (by their first days), then single days. */
export type PeriodRollUpSplit = {
  months: { from: string; to: string } | null;
  /** Ranges of week-segment keys (first days of the first and last whole segment); at most one per partial month. */
  weeks: Array<{ from: string; to: string }>;
  /** The days outside whole segments: at most 6 at each end of the period. */
  days: Array<{ from: string; to: string }>;
};

/** A range inside one month as whole week segments and the days before and after them. */
function splitMonthPart(from: string, to: string, out: PeriodRollUpSplit) {
  const firstWhole = from === weekSegmentStart(from) ? from : addDays(weekSegmentEnd(from), 1);
  const lastWholeEnd = to === weekSegmentEnd(to) ? to : addDays(weekSegmentStart(to), -1);
  if (firstWhole > lastWholeEnd) {
    out.days.push({ from, to });
    return;
  }
  if (from < firstWhole) out.days.push({ from, to: addDays(firstWhole, -1) });
  out.weeks.push({ from: firstWhole, to: weekSegmentStart(lastWholeEnd) });
  if (lastWholeEnd < to) out.days.push({ from: addDays(lastWholeEnd, 1), to });
}

/**
 * A period of civil days as whole months, whole week segments and days (issue 15, ragged periods): the partial
 * months at its ends are read as week segments plus at most 6 days at each end, so any period reads a number of
 * rows bounded by the calendar (≤ 6 + 6 days, ≤ 2 × 5 segments, and the months) instead of up to 60 days.
 */
export function splitPeriodForRollUp(from: string, to: string): PeriodRollUpSplit {
  const split = splitPeriodByMonths(from, to);
  const out: PeriodRollUpSplit = { months: split.months, weeks: [], days: [] };
  for (const range of split.days) {
    // a day range may span two partial months (a period without a whole month): each month on its own
    if (firstOfMonth(range.from) === firstOfMonth(range.to)) splitMonthPart(range.from, range.to, out);
    else {
      splitMonthPart(range.from, lastOfMonth(range.from), out);
      splitMonthPart(firstOfMonth(range.to), range.to, out);
    }
  }
  return out;
}

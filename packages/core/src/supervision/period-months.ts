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

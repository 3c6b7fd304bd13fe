import { vnDate as vnDateOf, vnStartOfDay } from '@mot-cua/contracts';

/**
 * Which part of a drill-down period the kept counts of finished dossiers (0410) answer: the whole Vietnamese days
 * inside [fromAt, toAt) — whole months from the month rows, the other days from the day rows. Dossiers entered
 * in the ragged ends (before the first midnight, after the last) are read live with the open ones.
 */
export type DrillSpan = {
  /** The first and the last midnight (VN) inside the period: the kept part is [fromAt, toAt) of these instants. */
  fromAt: Date;
  toAt: Date;
  /** The same as VN dates (YYYY-MM-DD), end exclusive. */
  fromDay: string;
  toDay: string;
  /** Whole months inside: the firsts of the first and of the month after the last (equal when none). */
  fromMonth: string;
  toMonth: string;
};

const DAY = 86_400_000;
const vnDate = (t: number) => vnDateOf(new Date(t));
const vnMidnight = (date: string) => vnStartOfDay(date).getTime();
const nextMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** The kept part of [fromAt, toAt), or null when the period holds no whole VN day. */
export function drillSpan(fromAt: Date, toAt: Date): DrillSpan | null {
  const f = fromAt.getTime();
  const startDay = vnDate(f);
  const fromDay = vnMidnight(startDay) === f ? startDay : vnDate(vnMidnight(startDay) + DAY);
  const toDay = vnDate(toAt.getTime());
  if (fromDay >= toDay) return null;
  const firstMonth = fromDay.endsWith('-01') ? fromDay : nextMonth(fromDay);
  let toMonth = firstMonth;
  while (nextMonth(toMonth) <= toDay) toMonth = nextMonth(toMonth);
  return {
    fromAt: new Date(vnMidnight(fromDay)),
    toAt: new Date(vnMidnight(toDay)),
    fromDay,
    toDay,
    fromMonth: toMonth === firstMonth ? fromDay : firstMonth,
    toMonth: toMonth === firstMonth ? fromDay : toMonth,
  };
}

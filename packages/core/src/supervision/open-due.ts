import { dayNumberOf, isoOfDayNumber } from '../calendar/civil-date.js';
import { vnDate } from '../time/vn-time.js';

/**
 * How the dashboard's open split (overdue / due soon / undue / paused, core `statsBucket`) is read from the totals
 * kept per due day (migration 0380) and still comes out exact. A dossier's bucket depends on instants — overdue when
 * due before now, due soon when due from now up to the due-soon mark of its handling unit — so only some Vietnamese
 * due days are whole:
 * - every day before today is overdue;
 * - a day after today and before the earliest mark's day is due soon, whatever the handling unit, provided every
 *   handling unit of the scope has a mark (a unit without one is never due soon);
 * - a day after the latest mark's day is undue.
 * The rest — today, and the days from the earliest mark's day to the latest one's — are the boundary days: their
 * dossiers are read one by one and placed with their handling unit's mark, as the read over every open dossier did.
 */
export type OpenDuePlan = {
  /** Today's Vietnamese date: whole due days before it are overdue. */
  today: string;
  /** Whole due days after today and before this date (exclusive) are due soon (none when it is tomorrow). */
  soonBefore: string;
  /** Ranges of due days (both ends included, in order, not overlapping) whose dossiers are read one by one. */
  boundary: Array<{ from: string; to: string }>;
};

const plusDays = (day: string, n: number) => isoOfDayNumber(dayNumberOf(day) + n);

export function openDuePlan(now: Date, marks: Iterable<Date>, everyUnitMarked: boolean): OpenDuePlan {
  const today = vnDate(now);
  const tomorrow = plusDays(today, 1);
  const days = [...marks].map(vnDate).sort();
  const last = days.at(-1);
  if (last === undefined || last <= today) {
    // no mark reaches past today: a dossier due soon is due today
    return { today, soonBefore: tomorrow, boundary: [{ from: today, to: today }] };
  }
  const first = days[0] as string;
  const soonBefore = everyUnitMarked && first > tomorrow ? first : tomorrow;
  return {
    today,
    soonBefore,
    boundary:
      soonBefore === tomorrow
        ? [{ from: today, to: last }]
        : [
            { from: today, to: today },
            { from: soonBefore, to: last },
          ],
  };
}

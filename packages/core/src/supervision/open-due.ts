import { vnDate } from '../time/vn-time.js';

/**
 * How the dashboard's open split (overdue / due soon / undue / paused, core `statsBucket`) is read from the totals
 * kept per due day (migration 0380) and still comes out exact. A dossier's bucket depends on instants — overdue when
 * due before now, due soon when due from now up to the due-soon mark of its handling unit — so only some Vietnamese
 * due days are whole:
 * - every day before today is overdue;
 * - every day after the latest mark's day is undue (a dossier due then is after every mark).
 * The days from today to the latest mark's day are the boundary: their dossiers are read one by one and placed with
 * their handling unit's mark, as the read over every open dossier did. The marks are one working day ahead, so the
 * boundary is today and tomorrow, or today to Monday over a weekend (days on which hardly anything falls due).
 */
export type OpenDuePlan = {
  /** Today's Vietnamese date: whole due days before it are overdue. */
  today: string;
  /** The last boundary day (today's date when no mark reaches past today): whole due days after it are undue. */
  lastBoundary: string;
};

export function openDuePlan(now: Date, marks: Iterable<Date>): OpenDuePlan {
  const today = vnDate(now);
  let lastBoundary = today;
  for (const m of marks) {
    const day = vnDate(m);
    if (day > lastBoundary) lastBoundary = day;
  }
  return { today, lastBoundary };
}

import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { latestApologyAt } from '../deadlines/apology.js';
import { computeDueDate } from '../deadlines/due-date.js';
import { vnDate } from '../time/vn-time.js';
import { dueSoonBefore as dueSoonMark } from './dossier-stats.js';
import type { DeadlinePort } from './ports.js';

/** The working calendar of a unit for three years around `year` (its own, else its province's, else national). */
export type CalendarLoader = (unitCode: string, provinceCode: string, year: number) => Promise<WorkingCalendar>;

/**
 * Due dates of dossiers, computed here from calendars the db layer loads (and caches): the data comes in,
 * the rules stay in core (no core → db → core round trip).
 */
export function createDeadlines(calendarOf: CalendarLoader): DeadlinePort {
  const calendarAt = (unitCode: string, provinceCode: string, at: Date) =>
    calendarOf(unitCode, provinceCode, Number(vnDate(at).slice(0, 4)));
  return {
    async computeDueDate(input) {
      const calendar = await calendarAt(input.unitCode, input.provinceCode, input.receivedAt);
      const r = computeDueDate({
        receivedAt: input.receivedAt,
        duration: input.duration,
        calendar,
        pauses: (input.pauses ?? []).map((p) => ({ startedAt: p.from, endedAt: p.to, reason: p.kind })),
        pauseRule: 'extend',
        cutoff: input.cutoff,
      });
      return { clockStartsAt: r.clockStartsAt, dueAt: r.dueAt };
    },
    async workingDaysBefore(input) {
      const calendar = await calendarAt(input.unitCode, input.provinceCode, input.at);
      if (input.days === 1) return latestApologyAt(input.at, calendar);
      return calendar.subtractWorkingMs(input.at, input.days * calendar.dayWorkMs);
    },
    async dueSoonBefore(input) {
      return dueSoonMark(input.now, await calendarAt(input.unitCode, input.provinceCode, input.now));
    },
  };
}

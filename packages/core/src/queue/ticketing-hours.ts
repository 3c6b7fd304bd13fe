import { DAY_MS, fromLocalMs, isoOfDayNumber, MINUTE_MS, toLocalMs } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';

/** How far ahead the next opening is looked for (a Tết break is shorter than this). */
const LOOKAHEAD_DAYS = 31;

export type TicketingMargins = Readonly<{ openBeforeMinutes: number; closeBeforeMinutes: number }>;
export type TicketingWindow = Readonly<{ open: boolean; opensAt: Date | null; closesAt: Date | null }>;

/**
 * When the kiosk issues tickets: on a reception day of the unit's working calendar (so not on a holiday, a Sunday
 * or a swapped day off; yes on a make-up Saturday), from `openBeforeMinutes` before the first office session to
 * `closeBeforeMinutes` before the last one ends. The lunch break stays open: people take a number and wait for the
 * afternoon. Closed: the next opening instant (null when none within a month). Open: when it closes today.
 */
export function ticketingWindow(calendar: WorkingCalendar, now: Date, margins: TicketingMargins): TicketingWindow {
  const sessions = calendar.officeHours;
  if (sessions.length === 0) return { open: false, opensAt: null, closesAt: null };
  const first = Math.min(...sessions.map((s) => s.start));
  const last = Math.max(...sessions.map((s) => s.end));
  const local = toLocalMs(now);
  const today = Math.floor(local / DAY_MS);
  const openOn = (day: number) => fromLocalMs(day * DAY_MS + (first - margins.openBeforeMinutes) * MINUTE_MS);
  const closeOn = (day: number) => fromLocalMs(day * DAY_MS + (last - margins.closeBeforeMinutes) * MINUTE_MS);
  if (calendar.isReceptionDay(today) && now >= openOn(today) && now < closeOn(today)) {
    return { open: true, opensAt: null, closesAt: closeOn(today) };
  }
  for (let day = today; day <= today + LOOKAHEAD_DAYS; day++) {
    if (calendar.isReceptionDay(day) && openOn(day) > now) return { open: false, opensAt: openOn(day), closesAt: null };
  }
  return { open: false, opensAt: null, closesAt: null };
}

/** QUEUE_CLOSED (with the next opening) unless tickets are issued now. */
export function requireTicketingOpen(window: TicketingWindow): void {
  if (window.open) return;
  const opensAt = window.opensAt;
  throw new AppError('QUEUE_CLOSED', {
    details: opensAt
      ? { opensAt: opensAt.toISOString(), opensOn: isoOfDayNumber(Math.floor(toLocalMs(opensAt) / DAY_MS)) }
      : {},
  });
}

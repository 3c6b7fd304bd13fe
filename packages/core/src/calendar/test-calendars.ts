import schedule2025 from '../../../../data/calendar/schedules/2025.json' with { type: 'json' };
import schedule2026 from '../../../../data/calendar/schedules/2026.json' with { type: 'json' };
import type { YearSchedule } from './holidays.js';
import { WorkingCalendar, type WorkingCalendarInput } from './working-calendar.js';

/** The announced schedules shipped in data/calendar (tests only). */
export const announcedSchedules = [schedule2025, schedule2026] as unknown as YearSchedule[];

/** National calendar 2024–2028 with the announced 2025 and 2026 schedules (2027 by the rules). */
export function nationalCalendar(extra: Partial<WorkingCalendarInput> = {}): WorkingCalendar {
  return new WorkingCalendar({ fromYear: 2024, toYear: 2028, schedules: announcedSchedules, ...extra });
}

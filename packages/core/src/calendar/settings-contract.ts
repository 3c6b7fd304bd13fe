import type { CalendarCutoff, OfficeSession as OfficeSessionView } from '@mot-cua/contracts';
import { formatTimeOfDay, parseTimeOfDay } from './civil-date.js';
import type { Cutoff, OfficeSession } from './working-calendar.js';

/** The API's cut-off ("15:00") as minutes of the day. */
export const toCutoff = (c: CalendarCutoff): Cutoff =>
  c.kind === 'at' ? { kind: 'at', minutes: parseTimeOfDay(c.time) } : c;

export const presentCutoff = (c: Cutoff): CalendarCutoff =>
  c.kind === 'at' ? { kind: 'at', time: formatTimeOfDay(c.minutes) } : c;

export const toOfficeHours = (sessions: ReadonlyArray<OfficeSessionView>): OfficeSession[] =>
  sessions.map((s) => ({ start: parseTimeOfDay(s.start), end: parseTimeOfDay(s.end) }));

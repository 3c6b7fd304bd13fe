import type { CalendarCutoff, CalendarSettingsView, OfficeSession as OfficeSessionView } from '@mot-cua/contracts';
import { type CalendarSettings, type Cutoff, formatTimeOfDay, type OfficeSession, parseTimeOfDay } from '@mot-cua/core';

export const toCutoff = (c: CalendarCutoff): Cutoff =>
  c.kind === 'at' ? { kind: 'at', minutes: parseTimeOfDay(c.time) } : c;

export const presentCutoff = (c: Cutoff): CalendarCutoff =>
  c.kind === 'at' ? { kind: 'at', time: formatTimeOfDay(c.minutes) } : c;

export const toOfficeHours = (sessions: ReadonlyArray<OfficeSessionView>): OfficeSession[] =>
  sessions.map((s) => ({ start: parseTimeOfDay(s.start), end: parseTimeOfDay(s.end) }));

export const presentSettings = (s: CalendarSettings): CalendarSettingsView => ({
  scopeCode: s.scopeCode,
  officeHours: s.officeHours.map((o) => ({ start: formatTimeOfDay(o.start), end: formatTimeOfDay(o.end) })),
  cutoff: presentCutoff(s.cutoff),
  dueSoonWithin: s.dueSoonWithin,
});

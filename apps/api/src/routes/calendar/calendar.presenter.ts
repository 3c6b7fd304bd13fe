import type { CalendarSettingsView } from '@mot-cua/contracts';
import { type CalendarSettings, formatTimeOfDay, presentCutoff } from '@mot-cua/core';

export const presentSettings = (s: CalendarSettings): CalendarSettingsView => ({
  scopeCode: s.scopeCode,
  officeHours: s.officeHours.map((o) => ({ start: formatTimeOfDay(o.start), end: formatTimeOfDay(o.end) })),
  cutoff: presentCutoff(s.cutoff),
  dueSoonWithin: s.dueSoonWithin,
});

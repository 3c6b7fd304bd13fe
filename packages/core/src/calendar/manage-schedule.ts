import type { PutCalendarSettingsRequest } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize, type Resource } from '../authorization/index.js';
import type { Duration } from '../deadlines/duration.js';
import { assertDuration } from '../deadlines/duration.js';
import { AppError } from '../errors.js';
import { type CalendarEntry, defaultSchedule, type YearSchedule } from './holidays.js';
import { checkYearSchedule } from './schedule.js';
import { presentCutoff, toCutoff, toOfficeHours } from './settings-contract.js';
import {
  type Cutoff,
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  MAX_YEAR,
  MIN_YEAR,
  type OfficeSession,
  validateOfficeHours,
} from './working-calendar.js';

/** The scope 'VN' holds the national (announced) schedule; a province or commune code holds local additions. */
export const NATIONAL_CALENDAR_SCOPE = 'VN';

export type StoredSchedule = Readonly<{
  scopeCode: string;
  year: number;
  source: string | null;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  entries: ReadonlyArray<CalendarEntry>;
}>;

export type CalendarSettings = Readonly<{
  scopeCode: string;
  officeHours: ReadonlyArray<OfficeSession>;
  cutoff: Cutoff;
  dueSoonWithin: Duration;
}>;

/** Whose calendar: the nation (scope 'VN'), a province or a commune, and where the policy locates it. */
export type CalendarScope = Readonly<{
  scopeCode: string;
  unitCode?: string;
  provinceCode?: string;
  resource: Resource;
}>;

/** Port implemented by packages/db (calendar.repository.ts). */
export interface CalendarSchedulesRepository {
  findSchedule(scopeCode: string, year: number): Promise<StoredSchedule | undefined>;
  /** Insert (expectedVersion 0) or replace the schedule when its version still matches; false on a conflict. */
  saveSchedule(
    schedule: {
      scopeCode: string;
      year: number;
      source: string | null;
      entries: ReadonlyArray<CalendarEntry>;
      updatedBy: string | null;
      updatedAt: Date;
    },
    expectedVersion: number,
  ): Promise<boolean>;
  /** Remove a schedule (the year goes back to the rules); false when there was none. */
  deleteSchedule(scopeCode: string, year: number, expectedVersion: number): Promise<boolean>;
}

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { details: { year } });
  }
}

function scopeKind(scopeCode: string): 'national' | 'local' {
  return scopeCode === NATIONAL_CALENDAR_SCOPE ? 'national' : 'local';
}

/**
 * Store the schedule of a year for a scope: the announced national schedule (it wins over the rules for
 * that year) or a province's or commune's local days off and reception days. Optimistic concurrency:
 * `expectedVersion` is 0 for a new schedule, else the version the administrator edited.
 */
export async function saveYearSchedule(
  input: {
    scope: CalendarScope;
    year: number;
    source: string | null;
    entries: ReadonlyArray<CalendarEntry>;
    expectedVersion: number;
  },
  ctx: { actor: Actor; now: Date },
  deps: { schedules: CalendarSchedulesRepository; audit: AuditPort },
): Promise<StoredSchedule> {
  authorize(ctx.actor, 'calendar.manage', input.scope.resource);
  assertYear(input.year);
  const scopeCode = input.scope.scopeCode;
  const entries = [...input.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const schedule: YearSchedule = { year: input.year, entries };
  const problems = checkYearSchedule(schedule, scopeKind(scopeCode));
  if (problems.length > 0) {
    throw new AppError('CALENDAR_SCHEDULE_INVALID', {
      fieldErrors: problems.map((p) => ({
        field: p.index === null ? 'year' : `entries.${p.index}`,
        message: p.message,
      })),
    });
  }
  const ok = await deps.schedules.saveSchedule(
    {
      scopeCode,
      year: input.year,
      source: input.source,
      entries,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    },
    input.expectedVersion,
  );
  if (!ok) throw new AppError('CALENDAR_SCHEDULE_CHANGED');
  const saved = await deps.schedules.findSchedule(scopeCode, input.year);
  if (!saved) throw new AppError('CALENDAR_SCHEDULE_CHANGED');
  await deps.audit.record({
    ...scheduleAudit(ctx.actor, input.scope, input.year, 'calendar.schedule_saved'),
    data: { version: saved.version, entries: saved.entries.length, source: saved.source },
  });
  return saved;
}

const scheduleAudit = (actor: Actor, scope: CalendarScope, year: number, action: string) => ({
  actorUserId: actor.userId,
  action,
  entityType: 'calendar_schedule',
  entityId: `${scope.scopeCode}:${year}`,
  provinceCode: scope.provinceCode ?? null,
  unitCode: scope.unitCode ?? null,
});

/** Remove a year's schedule for a scope: the year is counted by the rules again. */
export async function removeYearSchedule(
  input: { scope: CalendarScope; year: number; expectedVersion: number },
  ctx: { actor: Actor },
  deps: { schedules: CalendarSchedulesRepository; audit: AuditPort },
): Promise<void> {
  authorize(ctx.actor, 'calendar.manage', input.scope.resource);
  assertYear(input.year);
  const { scopeCode } = input.scope;
  const existing = await deps.schedules.findSchedule(scopeCode, input.year);
  if (!existing) throw new AppError('CALENDAR_SCHEDULE_NOT_FOUND');
  if (!(await deps.schedules.deleteSchedule(scopeCode, input.year, input.expectedVersion))) {
    throw new AppError('CALENDAR_SCHEDULE_CHANGED');
  }
  await deps.audit.record({
    ...scheduleAudit(ctx.actor, input.scope, input.year, 'calendar.schedule_removed'),
    data: { version: input.expectedVersion },
  });
}

/** Port implemented by packages/db (calendar.repository.ts). */
export interface CalendarSettingsRepository {
  saveSettings(settings: CalendarSettings, updatedBy: string | null, now: Date): Promise<void>;
}

/** Set the office hours, intake cut-off and "due soon" threshold of a scope. */
export async function saveCalendarSettings(
  scope: CalendarScope,
  input: Pick<PutCalendarSettingsRequest, 'officeHours' | 'cutoff' | 'dueSoonWithin'>,
  ctx: { actor: Actor; now: Date },
  deps: { settings: CalendarSettingsRepository; audit: AuditPort },
): Promise<CalendarSettings> {
  authorize(ctx.actor, 'calendar.manage', scope.resource);
  const settings: CalendarSettings = {
    scopeCode: scope.scopeCode,
    officeHours: toOfficeHours(input.officeHours),
    cutoff: toCutoff(input.cutoff),
    dueSoonWithin: input.dueSoonWithin,
  };
  assertSettings(settings);
  await deps.settings.saveSettings(settings, ctx.actor.userId, ctx.now);
  await deps.audit.record({
    actorUserId: ctx.actor.userId,
    action: 'calendar.settings_saved',
    entityType: 'calendar_settings',
    entityId: scope.scopeCode,
    provinceCode: scope.provinceCode ?? null,
    unitCode: scope.unitCode ?? null,
    data: { officeHours: input.officeHours, cutoff: presentCutoff(settings.cutoff) },
  });
  return settings;
}

/** The schedule an administrator starts from when a year has none: the rule-derived default. */
export function draftSchedule(year: number): YearSchedule {
  assertYear(year);
  return defaultSchedule(year);
}

export function assertSettings(s: Omit<CalendarSettings, 'scopeCode'>): void {
  const problem = validateOfficeHours(s.officeHours);
  const cutoffOk =
    s.cutoff.kind === 'none' ||
    (Number.isInteger(s.cutoff.minutes) && s.cutoff.minutes >= 0 && s.cutoff.minutes <= 24 * 60);
  if (problem || !cutoffOk) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        ...(problem ? [{ field: 'officeHours', message: problem }] : []),
        ...(cutoffOk ? [] : [{ field: 'cutoff', message: 'minutes between 0 and 1440' }]),
      ],
    });
  }
  assertDuration(s.dueSoonWithin);
}

/** Settings when no scope configured any: 07:00–11:30 and 13:30–17:00, 15:00 cut-off, due soon within 1 day. */
export const DEFAULT_CALENDAR_SETTINGS: Omit<CalendarSettings, 'scopeCode'> = {
  officeHours: DEFAULT_OFFICE_HOURS,
  cutoff: DEFAULT_CUTOFF,
  dueSoonWithin: { value: 1, unit: 'working_days' },
};

import { z } from 'zod';

/** Request and response schemas of the calendar feature (working calendar and deadline engine). */

const isoDate = z.iso.date({ error: 'YYYY-MM-DD, a date that exists' });
const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM');
const unitCode = z
  .string()
  .regex(/^[0-9A-Z]{2,10}$/)
  .describe('Admin unit code: a commune (5 digits) or a province (2 digits)');

export const CalendarDuration = z
  .object({
    value: z.number().min(0).max(10_000),
    unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'none']),
  })
  .meta({
    id: 'CalendarDuration',
    description: 'A time limit: working days (0.5 = 4 h), working hours or calendar days',
  });
export type CalendarDuration = z.infer<typeof CalendarDuration>;

export const CalendarDayKind = z
  .enum(['holiday', 'compensatory', 'day_off', 'make_up_working', 'local_day_off', 'reception_day'])
  .meta({ id: 'CalendarDayKind' });
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarDayEntry = z
  .object({ date: isoDate, kind: CalendarDayKind, name: z.string().trim().min(1).max(200) })
  .meta({ id: 'CalendarDayEntry' });
export type CalendarDayEntry = z.infer<typeof CalendarDayEntry>;

export const CalendarCutoff = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('at'), time: timeOfDay }),
    z.object({ kind: z.literal('before_close'), minutes: z.number().int().min(0).max(600) }),
    z.object({ kind: z.literal('none') }),
  ])
  .meta({ id: 'CalendarCutoff', description: 'Intake cut-off: at 15:00, N minutes before closing, or none' });
export type CalendarCutoff = z.infer<typeof CalendarCutoff>;

export const OfficeSession = z.object({ start: timeOfDay, end: timeOfDay }).meta({ id: 'OfficeSession' });
export type OfficeSession = z.infer<typeof OfficeSession>;

/** Which calendar: a commune (with its province), a province, or the national calendar when both are absent. */
export const CalendarScopeQuery = z.object({ unitCode: unitCode.optional(), provinceCode: unitCode.optional() }); // no meta id: @fastify/swagger cannot expand a $ref'd querystring
export type CalendarScopeQuery = z.infer<typeof CalendarScopeQuery>;

// ---------------------------------------------------------------- due dates

export const PauseInput = z
  .object({
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    reason: z.string().max(500).optional(),
  })
  .meta({ id: 'PauseInput' });

export const StepInput = z
  .object({ key: z.string().min(1).max(60), name: z.string().max(300).optional(), duration: CalendarDuration })
  .meta({ id: 'StepInput' });

export const DueDateRequest = z
  .object({
    receivedAt: z.iso.datetime({ offset: true }).describe('When the complete dossier was received'),
    duration: CalendarDuration.optional().describe('Explicit time limit; or give procedureCode'),
    procedureCode: z.string().min(1).max(40).optional().describe("The procedure's legal time limit (and steps)"),
    unitCode: unitCode.optional(),
    provinceCode: unitCode.optional(),
    pauses: z.array(PauseInput).max(20).optional(),
    cutoff: CalendarCutoff.optional().describe("Default: the calendar's cut-off for day limits, none for hours"),
    pauseRule: z.enum(['restart', 'extend']).optional(),
    steps: z.array(StepInput).max(30).optional().describe('Internal process steps (else the procedure’s)'),
  })
  .refine((r) => r.duration !== undefined || r.procedureCode !== undefined, {
    message: 'duration or procedureCode is required',
    path: ['duration'],
  })
  .meta({ id: 'DueDateRequest' });
export type DueDateRequest = z.infer<typeof DueDateRequest>;

export const StepDeadlineView = z
  .object({
    key: z.string(),
    name: z.string().nullable(),
    duration: CalendarDuration,
    startsAt: z.string(),
    dueAt: z.string(),
    plannedDueAt: z.string(),
  })
  .meta({ id: 'StepDeadlineView' });

export const DueDateResponse = z
  .object({
    duration: CalendarDuration,
    calendarScope: z.string(),
    clockStartsAt: z.string(),
    runStartsAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    /** The due date in Vietnam time for display, 'YYYY-MM-DD HH:MM'. */
    dueAtLocal: z.string().nullable(),
    paused: z.boolean(),
    pauses: z.array(
      z.object({
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        reason: z.string().nullable(),
        workingHours: z.number().nullable(),
      }),
    ),
    /** Latest instant for an apology notice (one working day before the due date). */
    apologyNoticeBy: z.string().nullable(),
    /** Status now: undue, due soon or overdue. */
    status: z.enum(['undue', 'due_soon', 'overdue']),
    steps: z.array(StepDeadlineView),
  })
  .meta({ id: 'DueDateResponse' });
export type DueDateResponse = z.infer<typeof DueDateResponse>;

// ---------------------------------------------------------------- year view and schedules

export const CalendarDayView = z
  .object({
    date: isoDate,
    weekday: z.number().int().min(0).max(6),
    working: z.boolean(),
    reception: z.boolean(),
    entries: z.array(CalendarDayEntry),
  })
  .meta({ id: 'CalendarDayView' });
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarSettingsView = z
  .object({
    scopeCode: z.string(),
    officeHours: z.array(OfficeSession).min(1).max(4),
    cutoff: CalendarCutoff,
    dueSoonWithin: CalendarDuration,
  })
  .meta({ id: 'CalendarSettingsView' });
export type CalendarSettingsView = z.infer<typeof CalendarSettingsView>;

export const CalendarYearResponse = z
  .object({
    year: z.number().int(),
    scopeCode: z.string(),
    /** True when the national schedule of the year was announced (loaded); false: counted by the rules. */
    announced: z.boolean(),
    source: z.string().nullable(),
    workingDays: z.number().int(),
    settings: CalendarSettingsView,
    days: z.array(CalendarDayView),
  })
  .meta({ id: 'CalendarYearResponse' });
export type CalendarYearResponse = z.infer<typeof CalendarYearResponse>;

export const YearScheduleView = z
  .object({
    scopeCode: z.string(),
    year: z.number().int(),
    /** False: nothing stored; `entries` is the rule-derived draft (national) or empty (local). */
    stored: z.boolean(),
    source: z.string().nullable(),
    version: z.number().int().describe('Send back as expectedVersion (0 when not stored)'),
    updatedAt: z.string().nullable(),
    entries: z.array(CalendarDayEntry),
  })
  .meta({ id: 'YearScheduleView' });
export type YearScheduleView = z.infer<typeof YearScheduleView>;

export const PutYearScheduleRequest = z
  .object({
    unitCode: unitCode.optional(),
    provinceCode: unitCode.optional(),
    source: z.string().trim().max(1000).nullable(),
    entries: z.array(CalendarDayEntry).max(400),
    expectedVersion: z.number().int().min(0),
  })
  .meta({ id: 'PutYearScheduleRequest' });
export type PutYearScheduleRequest = z.infer<typeof PutYearScheduleRequest>;

export const DeleteYearScheduleQuery = CalendarScopeQuery.extend({
  expectedVersion: z.coerce.number().int().min(1),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring

export const PutCalendarSettingsRequest = z
  .object({
    unitCode: unitCode.optional(),
    provinceCode: unitCode.optional(),
    officeHours: z.array(OfficeSession).min(1).max(4),
    cutoff: CalendarCutoff,
    dueSoonWithin: CalendarDuration,
  })
  .meta({ id: 'PutCalendarSettingsRequest' });
export type PutCalendarSettingsRequest = z.infer<typeof PutCalendarSettingsRequest>;

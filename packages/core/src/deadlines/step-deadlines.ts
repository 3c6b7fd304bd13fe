import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';
import { classifyFinished, type FinishedClass } from './classification.js';
import { addDuration } from './due-date.js';
import { type Duration, totalDuration, workingMsOf } from './duration.js';

/** One step of a procedure's internal process, e.g. reception 0.5 day, department 1.5 days, approval 0.5 day. */
export type ProcessStep = Readonly<{ key: string; name?: string | undefined; duration: Duration }>;

/** When a step was actually handed over to the next one (finished), if it was. */
export type StepProgress = Readonly<{ key: string; finishedAt: Date | null }>;

export type StepDeadline = Readonly<{
  key: string;
  name?: string | undefined;
  duration: Duration;
  /** When the step starts: the previous step's actual finish, else its planned due (first step: clock start). */
  startsAt: Date;
  /** Due date of the step from its start. */
  dueAt: Date;
  /** Due date of the step on the plan (cumulative from the clock start); the last one is the legal due date. */
  plannedDueAt: Date;
  finishedAt: Date | null;
  /** On-time status of a finished step, for the process control sheet. */
  status: FinishedClass | null;
}>;

/**
 * Per-step deadlines of a procedure's internal process, started at the dossier's clock start. Each step is
 * due its own duration after it started (the previous step's actual hand-over when known); planned due
 * dates add up to the legal time limit.
 */
export function computeStepDeadlines(input: {
  clockStartsAt: Date;
  steps: ReadonlyArray<ProcessStep>;
  calendar: WorkingCalendar;
  progress?: ReadonlyArray<StepProgress>;
}): StepDeadline[] {
  const { clockStartsAt, steps, calendar } = input;
  if (steps.length === 0 || new Set(steps.map((s) => s.key)).size !== steps.length) {
    throw new AppError('CALENDAR_INVALID_STEPS', { details: { reason: 'steps must be non-empty with unique keys' } });
  }
  if (steps.some((s) => s.duration.unit === 'none')) {
    throw new AppError('CALENDAR_INVALID_STEPS', { details: { reason: 'every step needs a time limit' } });
  }
  totalDuration(
    steps.map((s) => s.duration),
    calendar,
  ); // throws on mixed kinds
  const finished = new Map((input.progress ?? []).map((p) => [p.key, p.finishedAt]));
  const out: StepDeadline[] = [];
  let planned = calendar.nextWorkingInstant(clockStartsAt);
  let start = planned;
  for (const step of steps) {
    const dueAt = addDuration(start, step.duration, calendar)!;
    planned = addDuration(planned, step.duration, calendar)!;
    const finishedAt = finished.get(step.key) ?? null;
    out.push({
      key: step.key,
      ...(step.name !== undefined ? { name: step.name } : {}),
      duration: step.duration,
      startsAt: start,
      dueAt,
      plannedDueAt: planned,
      finishedAt,
      status: finishedAt ? classifyFinished(finishedAt, dueAt) : null,
    });
    start = finishedAt ? calendar.nextWorkingInstant(finishedAt) : dueAt;
  }
  return out;
}

/** Do the steps add up to the legal time limit? (Working days and hours compare as working time.) */
export function stepsAddUp(steps: ReadonlyArray<ProcessStep>, legal: Duration, calendar: WorkingCalendar): boolean {
  const total = totalDuration(
    steps.map((s) => s.duration),
    calendar,
  );
  if (legal.unit === 'none') return false;
  if ((total.unit === 'calendar_days') !== (legal.unit === 'calendar_days')) return false;
  if (legal.unit === 'calendar_days') return Math.abs(total.value - legal.value) < 1e-9;
  return Math.abs(workingMsOf(total, calendar) - workingMsOf(legal, calendar)) < 1;
}

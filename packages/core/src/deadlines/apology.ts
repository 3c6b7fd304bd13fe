import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';

/**
 * The apology rule: when a dossier will be late, the agency sends a written apology with a new due date
 * at least one working day before the current due date, and may set a new date only once.
 */
export function latestApologyAt(dueAt: Date, calendar: WorkingCalendar): Date {
  return calendar.subtractWorkingMs(dueAt, calendar.dayWorkMs, true);
}

/**
 * The last moment an apology may be sent for a dossier whose clock started at `clockStartsAt`, or null when
 * there is no such moment: a limit shorter than one working day (e.g. half a day) leaves no room for the notice.
 */
export function apologyWindowEnd(dueAt: Date, clockStartsAt: Date, calendar: WorkingCalendar): Date | null {
  if (calendar.workingMsBetween(clockStartsAt, dueAt) < calendar.dayWorkMs) return null;
  return latestApologyAt(dueAt, calendar);
}

export function checkApology(input: {
  dueAt: Date;
  noticeAt: Date;
  newDueAt: Date;
  /** How many new due dates were already set for this dossier. */
  previousApologies: number;
  calendar: WorkingCalendar;
}): { latestNoticeAt: Date; newDueAt: Date } {
  const { dueAt, noticeAt, calendar } = input;
  if (input.previousApologies > 0) throw new AppError('APOLOGY_ALREADY_USED');
  const latestNoticeAt = latestApologyAt(dueAt, calendar);
  if (calendar.workingMsBetween(noticeAt, dueAt) < calendar.dayWorkMs) {
    throw new AppError('APOLOGY_TOO_LATE', { details: { latestNoticeAt: latestNoticeAt.toISOString() } });
  }
  const newDueAt = calendar.nextWorkingInstant(input.newDueAt);
  if (newDueAt.getTime() <= dueAt.getTime()) throw new AppError('APOLOGY_NEW_DUE_DATE_INVALID');
  return { latestNoticeAt, newDueAt };
}

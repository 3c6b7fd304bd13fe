/** Office hours and the intake cut-off of a working calendar. */
/** One office session, in minutes since midnight (Vietnam time): [start, end). */
export type OfficeSession = Readonly<{ start: number; end: number }>;

/**
 * The intake cut-off: a complete dossier received after it counts from the next working day.
 * `at` a fixed time (15:00 by default), `before_close` N minutes before the end of office hours
 * (1 hour for DVCQG e-procedures under Decree 297/2025), or `none`.
 */
export type Cutoff =
  | Readonly<{ kind: 'at'; minutes: number }>
  | Readonly<{ kind: 'before_close'; minutes: number }>
  | Readonly<{ kind: 'none' }>;

export const DEFAULT_OFFICE_HOURS: ReadonlyArray<OfficeSession> = [
  { start: 7 * 60, end: 11 * 60 + 30 },
  { start: 13 * 60 + 30, end: 17 * 60 },
];
export const DEFAULT_CUTOFF: Cutoff = { kind: 'at', minutes: 15 * 60 };

export function validateOfficeHours(sessions: ReadonlyArray<OfficeSession>): string | undefined {
  if (sessions.length === 0) return 'at least one session';
  let last = -1;
  for (const s of sessions) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return 'whole minutes';
    if (s.start < 0 || s.end > 24 * 60 || s.start >= s.end) return 'each session must start before it ends';
    if (s.start < last) return 'sessions must be ordered and must not overlap';
    last = s.end;
  }
  return undefined;
}

import type { DossierPause, DossierState } from './dossier-state-fields.js';

/** Total paused milliseconds up to an instant (open pauses count up to `at`). */
export function pausedMs(state: Pick<DossierState, 'pauses'>, at: Date): number {
  return state.pauses.reduce((sum, p) => {
    const end = p.to ?? at;
    return sum + Math.max(0, Math.min(end.getTime(), at.getTime()) - p.from.getTime());
  }, 0);
}

/** Progress of an open dossier (undue / due_soon / overdue) or the outcome of a finished one. */
export type DossierProgress = 'undue' | 'due_soon' | 'overdue' | 'early' | 'on_time' | 'late' | 'no_deadline';

/**
 * Classify against the due date. A finished dossier is early when it ended a day or more before the
 * due date; more than one supplement request during processing counts as late (index 766 rule).
 * `dueSoonAt` is the instant from which an open dossier counts as due soon (computed by the caller
 * with the working calendar, e.g. one working day before the due date).
 */
export function classifyProgress(state: DossierState, now: Date, dueSoonAt?: Date | null): DossierProgress {
  if (state.counters.processingSupplementRequests > 1) return state.finishedAt ? 'late' : 'overdue';
  const due = state.dueAt;
  const pausedNow = state.status === 'supplement_requested' || state.status === 'awaiting_payment';
  if (state.finishedAt) {
    if (!due) return 'no_deadline';
    const end = state.resultIssuedAt ?? state.finishedAt;
    if (end.getTime() > due.getTime()) return 'late';
    return due.getTime() - end.getTime() >= 24 * 3_600_000 ? 'early' : 'on_time';
  }
  if (!due) return 'no_deadline';
  if (!pausedNow && now.getTime() > due.getTime()) return 'overdue';
  if (dueSoonAt && now.getTime() >= dueSoonAt.getTime() && !pausedNow) return 'due_soon';
  return 'undue';
}

/** Pauses with any open one closed at `at` (to compute a due date at the moment a pause ends). */
export function closePausesAt(pauses: readonly DossierPause[], at: Date): DossierPause[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
}

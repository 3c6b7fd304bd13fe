import { DossierStatusName } from '@mot-cua/contracts';
import type { Channel, ComponentCheck, DossierAction, DossierStep, ReturnMethod } from './dossier-actions.js';

/**
 * Status of a dossier, derived from its action log. Each maps to one national status code (1–10),
 * see national-status.ts. The list has one home: the API contract (DossierStatusName).
 */
export type DossierStatus = DossierStatusName;

export const dossierStatuses: readonly DossierStatus[] = DossierStatusName.options;

/** Statuses after which nothing but a rating (after return) can happen. */
export const terminalStatuses: ReadonlySet<DossierStatus> = new Set(['returned', 'refused', 'withdrawn', 'stopped']);

export type DossierPause = { kind: 'supplement' | 'financial_obligation'; from: Date; to: Date | null };

export type CurrentStep = {
  order: number;
  name: string;
  role: string;
  assigneeId: string | null;
  assigneeName: string | null;
  startedAt: Date;
  dueAt: Date | null;
};

export type DossierState = {
  status: DossierStatus;
  /** intake: before acceptance; processing: accepted and open; closed: terminal. */
  phase: 'intake' | 'processing' | 'closed';
  channel: Channel | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  /** When the legal clock (re)started: receipt, or the complete supplement during processing. */
  clockStartsAt: Date | null;
  /** Current due date (after restarts and an apology). */
  dueAt: Date | null;
  /** Due date before any apology (for the late/on-time test of the index). */
  originalDueAt: Date | null;
  /** Deadline for accepting an online dossier (8 working hours). */
  intakeDueAt: Date | null;
  steps: DossierStep[];
  currentStep: CurrentStep | null;
  /** Competent unit after forwarding; null while it is the one recorded at creation. */
  forwardedToUnitCode: string | null;
  pauses: DossierPause[];
  openConsultations: string[];
  /** Components asked for in the latest supplement request. */
  pendingSupplement: ComponentCheck[];
  counters: {
    intakeSupplementRequests: number;
    processingSupplementRequests: number;
    apologies: number;
    forwards: number;
    consultations: number;
    assignments: number;
  };
  approvedAt: Date | null;
  resultIssuedAt: Date | null;
  returnedAt: Date | null;
  returnMethod: ReturnMethod | null;
  /** First of result issued > returned > stopped/refused/withdrawn (the index's end timestamp). */
  finishedAt: Date | null;
  rating: { level: number; criteria: Record<string, number> } | null;
  refusalReasons: string[];
  stopReason: string | null;
  lastStatusChangeAt: Date | null;
  lastActionSeq: number;
};

export const initialDossierState = (): DossierState => ({
  status: 'new',
  phase: 'intake',
  channel: null,
  submittedAt: null,
  receivedAt: null,
  clockStartsAt: null,
  dueAt: null,
  originalDueAt: null,
  intakeDueAt: null,
  steps: [],
  currentStep: null,
  forwardedToUnitCode: null,
  pauses: [],
  openConsultations: [],
  pendingSupplement: [],
  counters: {
    intakeSupplementRequests: 0,
    processingSupplementRequests: 0,
    apologies: 0,
    forwards: 0,
    consultations: 0,
    assignments: 0,
  },
  approvedAt: null,
  resultIssuedAt: null,
  returnedAt: null,
  returnMethod: null,
  finishedAt: null,
  rating: null,
  refusalReasons: [],
  stopReason: null,
  lastStatusChangeAt: null,
  lastActionSeq: 0,
});

/** Actions that start processing work: the first one moves a received dossier to processing. */
const startsWork = new Set([
  'assigned',
  'claimed',
  'step_completed',
  'forwarded',
  'consultation_requested',
  'financial_obligation_requested',
  'approved',
]);

function stepAt(steps: DossierStep[], order: number, startedAt: Date, dueAt: Date | null = null): CurrentStep | null {
  const s = steps.find((x) => x.order === order);
  if (!s) return null;
  return { order, name: s.name, role: s.role, assigneeId: null, assigneeName: null, startedAt, dueAt };
}

function closePause(pauses: DossierPause[], kind: DossierPause['kind'], at: Date): DossierPause[] {
  return pauses.map((p) => (p.kind === kind && p.to === null ? { ...p, to: at } : p));
}

/**
 * Apply one action to a state. Pure; it does not judge whether the action was allowed (see
 * dossier-transitions.ts), it only records its effect, so that a log is always foldable.
 */
export function applyDossierAction(prev: DossierState, a: DossierAction): DossierState {
  const s: DossierState = {
    ...prev,
    counters: { ...prev.counters },
    lastActionSeq: a.seq,
  };
  const setStatus = (status: DossierStatus) => {
    if (s.status !== status) s.lastStatusChangeAt = a.at;
    s.status = status;
    s.phase = terminalStatuses.has(status) ? 'closed' : s.phase;
  };
  if (startsWork.has(a.type) && s.status === 'received') setStatus('processing');

  switch (a.type) {
    case 'submitted':
      s.channel = a.channel;
      s.submittedAt = a.at;
      s.intakeDueAt = a.intakeDueAt ?? null;
      s.lastStatusChangeAt = a.at;
      s.status = 'new';
      s.phase = 'intake';
      break;
    case 'received':
      s.channel = a.channel;
      s.submittedAt = s.submittedAt ?? a.at;
      s.receivedAt = a.at;
      s.clockStartsAt = a.clockStartsAt;
      s.dueAt = a.dueAt;
      s.originalDueAt = a.dueAt;
      s.steps = a.steps;
      s.phase = 'processing';
      s.pendingSupplement = [];
      s.currentStep = a.steps.length > 0 ? stepAt(a.steps, a.steps[0]!.order, a.at, a.stepDueAt ?? null) : null;
      setStatus('received');
      break;
    case 'supplement_requested':
      if (s.phase === 'intake') s.counters.intakeSupplementRequests++;
      else s.counters.processingSupplementRequests++;
      s.pendingSupplement = a.items;
      if (s.phase === 'processing') s.pauses = [...s.pauses, { kind: 'supplement', from: a.at, to: null }];
      setStatus('supplement_requested');
      break;
    case 'supplemented':
      s.pendingSupplement = [];
      if (s.phase === 'processing') {
        s.pauses = closePause(s.pauses, 'supplement', a.at);
        // The time limit restarts after a complete supplement.
        if (a.clockStartsAt) s.clockStartsAt = a.clockStartsAt;
        if (a.dueAt !== undefined) {
          s.dueAt = a.dueAt;
          s.originalDueAt = a.dueAt;
        }
        setStatus('processing');
      } else {
        setStatus('new');
      }
      break;
    case 'refused':
      s.refusalReasons = a.reasons;
      s.currentStep = null;
      s.finishedAt = s.finishedAt ?? a.at;
      setStatus('refused');
      break;
    case 'assigned':
      s.counters.assignments++;
      if (s.currentStep)
        s.currentStep = { ...s.currentStep, assigneeId: a.assigneeId, assigneeName: a.assigneeName ?? null };
      break;
    case 'claimed':
      s.counters.assignments++;
      if (s.currentStep) s.currentStep = { ...s.currentStep, assigneeId: a.actorId, assigneeName: a.actorName ?? null };
      break;
    case 'step_completed': {
      const next = stepAt(s.steps, a.toStep, a.at, a.stepDueAt ?? null);
      s.currentStep = next
        ? { ...next, assigneeId: a.toAssigneeId ?? null, assigneeName: a.toAssigneeName ?? null }
        : null;
      break;
    }
    case 'forwarded':
      s.counters.forwards++;
      s.forwardedToUnitCode = a.toUnitCode;
      if (s.currentStep) s.currentStep = { ...s.currentStep, assigneeId: null, assigneeName: null, startedAt: a.at };
      break;
    case 'consultation_requested':
      s.counters.consultations++;
      s.openConsultations = [...s.openConsultations, a.consultationId];
      break;
    case 'consultation_answered':
      s.openConsultations = s.openConsultations.filter((c) => c !== a.consultationId);
      break;
    case 'financial_obligation_requested':
      s.pauses = [...s.pauses, { kind: 'financial_obligation', from: a.at, to: null }];
      setStatus('awaiting_payment');
      break;
    case 'financial_obligation_paid':
      s.pauses = closePause(s.pauses, 'financial_obligation', a.at);
      if (a.dueAt !== undefined) s.dueAt = a.dueAt;
      setStatus('processing');
      break;
    case 'approved':
      s.approvedAt = a.at;
      break;
    case 'result_issued':
      s.resultIssuedAt = a.at;
      s.finishedAt = s.finishedAt ?? a.at;
      s.currentStep = null;
      setStatus('result_ready');
      break;
    case 'apology_issued':
      s.counters.apologies++;
      s.dueAt = a.newDueAt;
      break;
    case 'withdrawn':
      s.stopReason = a.reason;
      s.currentStep = null;
      s.finishedAt = s.finishedAt ?? a.at;
      s.pauses = s.pauses.map((p) => (p.to === null ? { ...p, to: a.at } : p));
      setStatus('withdrawn');
      break;
    case 'stopped':
      s.stopReason = a.reason;
      s.currentStep = null;
      s.finishedAt = s.finishedAt ?? a.at;
      s.pauses = s.pauses.map((p) => (p.to === null ? { ...p, to: a.at } : p));
      setStatus('stopped');
      break;
    case 'returned':
      s.returnedAt = a.at;
      s.returnMethod = a.method;
      s.finishedAt = s.finishedAt ?? a.at;
      setStatus('returned');
      break;
    case 'rated':
      s.rating = { level: a.level, criteria: a.criteria ?? {} };
      break;
  }
  return s;
}

/** Fold a whole action log (in seq order) into the current state. */
export function deriveDossierState(actions: readonly DossierAction[]): DossierState {
  return [...actions].sort((x, y) => x.seq - y.seq).reduce(applyDossierAction, initialDossierState());
}

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

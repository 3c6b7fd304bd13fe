import type { DossierAction, DossierStep } from './dossier-actions.js';
import {
  type CurrentStep,
  type DossierPause,
  type DossierState,
  type DossierStatus,
  initialDossierState,
  terminalStatuses,
} from './dossier-state-fields.js';

/* A dossier's state is a fold of its action log: the state's fields and statuses are in dossier-state-fields.ts,
   its progress against the due date in dossier-progress.ts (both exported from here too). */

export * from './dossier-progress.js';
export * from './dossier-state-fields.js';

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

import type { DossierAction } from './dossier-actions.js';
import { classifyProgress, type DossierProgress, deriveDossierState } from './dossier-state.js';

/** One hand-over row of the process control sheet (form 05/06), derived from the action log. */
export type ControlSheetRow = {
  seq: number;
  at: Date;
  action: DossierAction['type'];
  stepName: string | null;
  from: string;
  to: string;
  /** Deadline of the step that ended with this hand-over, when known. */
  stepDueAt: Date | null;
  /** early / on_time / late for rows that close a step with a deadline. */
  outcome: 'early' | 'on_time' | 'late' | null;
  note: string | null;
};

export type ProcessControlSheet = {
  rows: ControlSheetRow[];
  dueAt: Date | null;
  /** Overall outcome: early / on_time / late once finished, undue / overdue while open. */
  progress: DossierProgress;
};

const who = (a: DossierAction) => a.actorName ?? a.actorId ?? a.actorRole;

function stepOutcome(at: Date, due: Date | null): ControlSheetRow['outcome'] {
  if (!due) return null;
  if (at.getTime() > due.getTime()) return 'late';
  return due.getTime() - at.getTime() >= 24 * 3_600_000 ? 'early' : 'on_time';
}

/** Build the process control sheet: one row per hand-over, with the on-time status of each step. */
export function buildProcessControlSheet(
  actions: readonly DossierAction[],
  opts: { now: Date; unitName?: (code: string) => string } = { now: new Date(0) },
): ProcessControlSheet {
  const unitName = opts.unitName ?? ((c: string) => c);
  const sorted = [...actions].sort((x, y) => x.seq - y.seq);
  const rows: ControlSheetRow[] = [];
  let steps: Array<{ order: number; name: string; role: string }> = [];
  let step: { order: number; name: string; dueAt: Date | null; holder: string } | null = null;
  const nameOf = (order: number) => steps.find((s) => s.order === order)?.name ?? `#${order}`;
  const row = (a: DossierAction, from: string, to: string, extra: Partial<ControlSheetRow> = {}) =>
    rows.push({
      seq: a.seq,
      at: a.at,
      action: a.type,
      stepName: step?.name ?? null,
      from,
      to,
      stepDueAt: null,
      outcome: null,
      note: a.note ?? null,
      ...extra,
    });

  for (const a of sorted) {
    switch (a.type) {
      case 'submitted':
        row(a, 'Người nộp hồ sơ', `${unitName(a.unitCode)}`);
        break;
      case 'received': {
        steps = a.steps;
        const first = a.steps[0];
        step = first ? { order: first.order, name: first.name, dueAt: a.stepDueAt ?? null, holder: who(a) } : null;
        row(a, 'Người nộp hồ sơ', `${who(a)} (${unitName(a.unitCode)})`);
        break;
      }
      case 'assigned':
        row(a, who(a), a.assigneeName ?? a.assigneeId);
        if (step) step.holder = a.assigneeName ?? a.assigneeId;
        break;
      case 'claimed':
        row(a, step?.holder ?? unitName(a.unitCode), who(a));
        if (step) step.holder = who(a);
        break;
      case 'step_completed': {
        const closing = step;
        const to = a.toAssigneeName ?? a.toAssigneeId ?? nameOf(a.toStep);
        row(a, who(a), to, {
          stepName: closing?.name ?? nameOf(a.fromStep),
          stepDueAt: closing?.dueAt ?? null,
          outcome: stepOutcome(a.at, closing?.dueAt ?? null),
        });
        step = { order: a.toStep, name: nameOf(a.toStep), dueAt: a.stepDueAt ?? null, holder: to };
        break;
      }
      case 'forwarded':
        row(a, `${who(a)} (${unitName(a.unitCode)})`, a.toUnitName ?? unitName(a.toUnitCode));
        break;
      case 'consultation_requested':
        row(a, who(a), a.agency, { stepDueAt: a.dueAt });
        break;
      case 'consultation_answered':
        row(a, 'Cơ quan phối hợp', who(a));
        break;
      case 'supplement_requested':
        row(a, who(a), 'Người nộp hồ sơ');
        break;
      case 'supplemented':
        row(a, 'Người nộp hồ sơ', who(a));
        break;
      case 'financial_obligation_requested':
        row(a, who(a), 'Người nộp hồ sơ');
        break;
      case 'financial_obligation_paid':
        row(a, 'Người nộp hồ sơ', who(a));
        break;
      case 'approved':
        row(a, step?.holder ?? who(a), who(a));
        break;
      case 'result_issued':
        row(a, who(a), unitName(a.unitCode), {
          stepDueAt: step?.dueAt ?? null,
          outcome: stepOutcome(a.at, step?.dueAt ?? null),
        });
        break;
      case 'returned':
        row(a, who(a), 'Người nộp hồ sơ');
        break;
      case 'refused':
      case 'withdrawn':
      case 'stopped':
      case 'apology_issued':
        row(a, who(a), 'Người nộp hồ sơ');
        break;
      case 'rated':
        break;
    }
  }
  const state = deriveDossierState(sorted);
  return { rows, dueAt: state.dueAt, progress: classifyProgress(state, opts.now) };
}

import { closePausesAt } from './dossier-state.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** The financial obligation is paid: processing resumes and the due date moves by the paused time. */
export async function recordPayment(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; note?: string | null },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: async (state, dossier) => {
      if (!state.clockStartsAt || state.status !== 'awaiting_payment') return { type: 'financial_obligation_paid' };
      const now = deps.clock.now();
      const due = await deps.deadlines.computeDueDate({
        unitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
        provinceCode: dossier.provinceCode,
        receivedAt: state.clockStartsAt,
        duration: dossier.duration,
        pauses: closePausesAt(state.pauses, now).filter(
          (p) => p.kind === 'financial_obligation' && p.from >= state.clockStartsAt!,
        ),
      });
      // An apology's later date stays if it is later than the paused due date.
      const dueAt =
        due.dueAt && state.dueAt && state.counters.apologies > 0 && state.dueAt > due.dueAt ? state.dueAt : due.dueAt;
      return { type: 'financial_obligation_paid', dueAt };
    },
  });
}

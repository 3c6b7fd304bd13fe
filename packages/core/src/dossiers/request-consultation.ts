import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Ask another agency for its opinion (liên thông), with its own deadline in working days. */
export async function requestConsultation(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    agency: string;
    question: string;
    workingDays: number;
  },
) {
  const consultationId = deps.newId();
  let dueAt: Date | null = null;
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.question,
    build: async (state, dossier) => {
      const due = await deps.deadlines.computeDueDate({
        unitCode: state.forwardedToUnitCode ?? dossier.competentUnitCode,
        provinceCode: dossier.provinceCode,
        receivedAt: deps.clock.now(),
        duration: { value: input.workingDays, unit: 'working_days' },
      });
      dueAt = due.dueAt;
      return { type: 'consultation_requested', consultationId, agency: input.agency, dueAt };
    },
    after: async ({ dossier, action }) => {
      await deps.dossiers.createConsultation({
        id: consultationId,
        dossierId: dossier.id,
        provinceCode: dossier.provinceCode,
        agency: input.agency,
        question: input.question,
        requestedAt: action.at,
        dueAt,
      });
    },
  });
}

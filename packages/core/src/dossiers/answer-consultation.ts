import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Record the consulted agency's answer. */
export async function answerConsultation(
  deps: DossierDeps,
  input: { dossierId: string; actor: DossierActor | ActorResolver; consultationId: string; answer: string },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.answer,
    build: () => ({ type: 'consultation_answered', consultationId: input.consultationId, answer: input.answer }),
    after: async ({ dossier, action }) => {
      await deps.dossiers.answerConsultation({
        id: input.consultationId,
        dossierId: dossier.id,
        answer: input.answer,
        answeredAt: action.at,
      });
    },
  });
}

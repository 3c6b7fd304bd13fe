import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/** Ask the applicant to pay a financial obligation (tax, fee); the clock pauses until paid. */
export async function requestFinancialObligation(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    amount?: number | null;
    description?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.description ?? null,
    build: () => ({
      type: 'financial_obligation_requested',
      amount: input.amount ?? null,
      description: input.description ?? null,
    }),
  });
}

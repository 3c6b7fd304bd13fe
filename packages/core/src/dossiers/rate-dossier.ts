import { RatingCriterionName } from '@mot-cua/contracts';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/**
 * Per-dossier evaluation criteria (domain.md §2, provincial practice; legal basis UNCONFIRMED), each
 * scored 1–5 like the overall satisfaction level. The list has one home: the API contract (RatingCriterionName).
 */
export const ratingCriteria = RatingCriterionName.options;
export type RatingCriterion = (typeof ratingCriteria)[number];

/** The applicant rates the service once the result is returned; once per dossier. */
export async function rateDossier(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    level: 1 | 2 | 3 | 4 | 5;
    criteria?: Partial<Record<RatingCriterion, number>>;
    comment?: string | null;
  },
) {
  const criteria = Object.fromEntries(
    Object.entries(input.criteria ?? {}).filter(([, v]) => v !== undefined),
  ) as Record<string, number>;
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.comment ?? null,
    build: () => ({ type: 'rated', level: input.level, criteria }),
    after: async ({ dossier, action }) => {
      await deps.dossiers.saveRating({
        dossierId: dossier.id,
        provinceCode: dossier.provinceCode,
        level: input.level,
        criteria,
        comment: input.comment ?? null,
        ratedAt: action.at,
      });
    },
  });
}

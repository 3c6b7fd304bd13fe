import type { ComponentCheck } from './dossier-actions.js';
import { type DossierActor, type DossierDeps, performDossierAction } from './perform-dossier-action.js';

/**
 * One consolidated supplement request (form 02) listing every missing or invalid component, at
 * intake or during processing (then the clock pauses). Allowed once per phase.
 */
export async function requestSupplement(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor;
    items: Array<{ key: string; name: string; state: 'missing' | 'invalid'; reason?: string | null }>;
    deadlineAt?: Date | null;
    note?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: () => ({
      type: 'supplement_requested',
      items: input.items.map((i): ComponentCheck => ({ ...i, reason: i.reason ?? null })),
      deadlineAt: input.deadlineAt ?? null,
    }),
  });
}

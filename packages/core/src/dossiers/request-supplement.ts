import type { ComponentCheck } from './dossier-actions.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';

/**
 * One consolidated supplement request (form 02) listing every missing or invalid component, at
 * intake or during processing (then the clock pauses). Allowed once per phase.
 */
export async function requestSupplement(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    /** Without a name, the component's name on the dossier's checklist (else its key). */
    items: Array<{ key: string; name?: string | null; state: 'missing' | 'invalid'; reason?: string | null }>;
    deadlineAt?: Date | null;
    note?: string | null;
  },
) {
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    build: (_state, dossier) => ({
      type: 'supplement_requested',
      items: input.items.map(
        (i): ComponentCheck => ({
          key: i.key,
          name: i.name ?? dossier.components.find((c) => c.key === i.key)?.name ?? i.key,
          state: i.state,
          reason: i.reason ?? null,
        }),
      ),
      deadlineAt: input.deadlineAt ?? null,
    }),
  });
}

import type { Action } from '../authorization/actions.js';
import { type Actor, decide, type Resource } from '../authorization/policy.js';
import type { ActorRole, DossierActionType } from './dossier-actions.js';
import type { DossierState } from './dossier-state.js';
import { authorizationActionFor, availableActions, supervisingRoles } from './dossier-transitions.js';
import { nextStep, refuseByProcess } from './internal-process-rules.js';
import type { DossierRecord } from './ports.js';

type Located = Pick<DossierRecord, 'receivingUnitCode' | 'competentUnitCode' | 'provinceCode'>;

/**
 * Which unit(s) an authorization action is checked against for a dossier: reception, return and
 * rating at the receiving center; reading, stopping and forwarding at either; everything else at
 * the competent unit.
 */
export function dossierResourceFor(d: Located, action: Action): Resource {
  const at = (unitCode: string): Resource => ({ kind: 'unit', unitCode, provinceCode: d.provinceCode });
  switch (action) {
    case 'dossier.receive':
    case 'dossier.return':
    case 'dossier.rate':
    case 'dossier.submit':
      return at(d.receivingUnitCode);
    case 'dossier.read':
    case 'dossier.stop':
    case 'dossier.forward':
      return {
        kind: 'units',
        units: [
          { unitCode: d.receivingUnitCode, provinceCode: d.provinceCode },
          { unitCode: d.competentUnitCode, provinceCode: d.provinceCode },
        ],
      };
    default:
      return at(d.competentUnitCode);
  }
}

/**
 * The actions this actor may take on this dossier now: the status allows it (availableActions), the
 * policy allows it for the actor's grants at the unit the action happens in (the same
 * authorizationActionFor + dossierResourceFor the API authorizes with), and the step rules hold
 * (a step held by someone else is handed over only by its holder or a head; the last step has no
 * hand-over; an apology only up to its latest instant). Pure.
 */
export function permittedActions(
  state: DossierState,
  dossier: Located,
  actor: Actor,
  opts: { now?: Date; apologyLatestAt?: Date | null } = {},
): DossierActionType[] {
  const step = state.currentStep;
  return availableActions(state).filter((type) => {
    const policy = authorizationActionFor(type, state.phase, step?.role);
    const d = decide(actor, policy, dossierResourceFor(dossier, policy));
    if (!d.allowed) return false;
    const role = d.via.role as ActorRole;
    if (!processAllows(state, type, actor.userId, role)) return false;
    switch (type) {
      case 'claimed':
      case 'assigned':
        return step !== null;
      case 'step_completed':
        if (!step || !state.steps.some((s) => s.order > step.order)) return false;
        return !step.assigneeId || step.assigneeId === actor.userId || supervisingRoles.has(role);
      case 'apology_issued':
        return !(opts.now && opts.apologyLatestAt && opts.now.getTime() > opts.apologyLatestAt.getTime());
      default:
        return true;
    }
  });
}

/** The internal-process gate for a UI offer, with a representative payload of each kind. */
function processAllows(state: DossierState, type: DossierActionType, actorId: string, role: ActorRole): boolean {
  const step = state.currentStep;
  const ctx = { actorId, actorRole: role };
  switch (type) {
    case 'claimed':
      return !step || !refuseByProcess(state, { type, stepOrder: step.order }, ctx);
    case 'step_completed': {
      const next = step ? nextStep(state.steps, step.order) : undefined;
      return !step || !next || !refuseByProcess(state, { type, fromStep: step.order, toStep: next.order }, ctx);
    }
    case 'approved':
      return !refuseByProcess(state, { type }, ctx);
    default:
      return true;
  }
}

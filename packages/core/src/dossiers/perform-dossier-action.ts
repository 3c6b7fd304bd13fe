import type { AuditPort } from '../audit.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { notifyDossierAction } from '../notifications/dossier-notifications.js';
import type { NotificationPort } from '../notifications/notify-applicant.js';
import type { ActionPayload, ActorRole, DossierAction } from './dossier-actions.js';
import { applyDossierAction, type DossierState, deriveDossierState, initialDossierState } from './dossier-state.js';
import { assertTransition, type TransitionContext } from './dossier-transitions.js';
import { type ProcessContext, refuseByProcess } from './internal-process-rules.js';
import { nationalStatusCode } from './national-status.js';
import type {
  DeadlinePort,
  DossierProjection,
  DossierRecord,
  DossiersRepository,
  ProcedurePort,
  UnitsPort,
} from './ports.js';
import { buildSyncPayload } from './sync-payload.js';

/** Who acts, in which role and unit (the grant the API authorized with). */
export type DossierActor = { userId: string | null; name: string | null; role: ActorRole; unitCode: string };

export type DossierDeps = {
  dossiers: DossiersRepository;
  clock: Clock;
  deadlines: DeadlinePort;
  units: UnitsPort;
  procedures: ProcedurePort;
  /** Random UUIDs (consultation ids), injected to keep core deterministic. */
  newId: () => string;
  /** Two-digit code of the agency owning the centralised system (config SYSTEM_CODE). */
  systemCode: string;
  /** The audit trail, in the same transaction (every write records its row; seeds may leave it out). */
  audit?: AuditPort;
  /** Applicant notifications (e-mail, SMS) queued in the same transaction; absent: nobody is notified (seeds). */
  notifications?: NotificationPort;
};

export type DossierActionResult = {
  dossier: DossierRecord;
  state: DossierState;
  action: DossierAction;
  /** The whole log after the action (the caller presents it without reading again). */
  actions: DossierAction[];
};

/**
 * Who acts, decided on the locked state: the API passes a resolver that authorizes the request's actor
 * with the action's policy line against the dossier as it is inside the transaction (never on an
 * unlocked read); seeds and internal callers pass a fixed actor.
 */
export type ActorResolver = (dossier: DossierRecord, state: DossierState) => DossierActor;

export const OUTBOX_TOPIC = 'dvcqg.dossier_status';

export function projectionOf(d: Pick<DossierRecord, 'competentUnitCode'>, s: DossierState): DossierProjection {
  return {
    status: s.status,
    nationalStatus: nationalStatusCode[s.status],
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    finishedAt: s.finishedAt,
    currentStepOrder: s.currentStep?.order ?? null,
    currentAssigneeId: s.currentStep?.assigneeId ?? null,
    competentUnitCode: s.forwardedToUnitCode ?? d.competentUnitCode,
    lastActionSeq: s.lastActionSeq,
  };
}

/**
 * Append one action to a dossier whose log is already loaded: persist the action, update the
 * status projection and, when the status changed, insert an outbox row with the national status code
 * and the sync payload. All through the repository, i.e. inside the caller's transaction.
 */
export async function appendDossierAction(
  deps: Pick<DossierDeps, 'dossiers' | 'notifications'>,
  dossier: DossierRecord,
  log: DossierAction[],
  state: DossierState,
  action: DossierAction,
): Promise<DossierActionResult> {
  const next = applyDossierAction(state, action);
  const projection = projectionOf(dossier, next);
  const updated: DossierRecord = { ...dossier, ...projection };
  const fullLog = [...log, action];
  const outbox =
    log.length === 0 || state.status !== next.status
      ? {
          provinceCode: dossier.provinceCode,
          topic: OUTBOX_TOPIC,
          aggregateId: dossier.id,
          idempotencyKey: `dossier:${dossier.id}:${action.seq}`,
          payload: buildSyncPayload(updated, next, fullLog),
        }
      : null;
  await deps.dossiers.recordAction({ dossier, action, projection, outbox });
  if (deps.notifications) await notifyDossierAction(deps.notifications, updated, action, next);
  return { dossier: updated, state: next, action, actions: fullLog };
}

export type PerformInput = {
  dossierId: string;
  actor: DossierActor | ActorResolver;
  note?: string | null;
  /** Build the action from the current state (e.g. compute a new due date); may throw AppError. */
  build: (state: DossierState, dossier: DossierRecord, actor: DossierActor) => Promise<ActionPayload> | ActionPayload;
  /** Extra facts for the guards (apology cut-off, a named assignee's qualification, ...), computed from the state. */
  context?: (
    state: DossierState,
    dossier: DossierRecord,
    payload: ActionPayload,
  ) => Promise<Partial<TransitionContext & ProcessContext>>;
  /** Side records written after the action (consultations, ratings). */
  after?: (result: DossierActionResult, actor: DossierActor) => Promise<void>;
};

/**
 * One pass per action: lock the dossier row, read its log once and fold it, decide who acts on that locked
 * state, build the action, check it against the status rules and the internal process, then append it
 * (log, projection, outbox) inside the caller's transaction. Returns the new state and the whole log.
 */
export async function performDossierAction(deps: DossierDeps, input: PerformInput): Promise<DossierActionResult> {
  const dossier = await deps.dossiers.lockDossier(input.dossierId);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const log = await deps.dossiers.listActions(dossier.id);
  const state = log.length ? deriveDossierState(log) : initialDossierState();
  const actor = typeof input.actor === 'function' ? input.actor(dossier, state) : input.actor;
  const now = deps.clock.now();
  const payload = await input.build(state, dossier, actor);
  const extra = input.context ? await input.context(state, dossier, payload) : {};
  assertTransition(state, payload, {
    now,
    actorId: actor.userId,
    actorRole: actor.role,
    competentUnitCode: dossier.competentUnitCode,
    ...extra,
  });
  const refusal = refuseByProcess(state, payload, { actorId: actor.userId, actorRole: actor.role, ...extra });
  if (refusal) throw new AppError(refusal.code, { details: refusal.details ?? {} });
  const action = {
    ...payload,
    seq: state.lastActionSeq + 1,
    at: now,
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    unitCode: actor.unitCode,
    note: input.note ?? null,
  } as DossierAction;
  const result = await appendDossierAction(deps, dossier, log, state, action);
  if (input.after) await input.after(result, actor);
  await deps.audit?.record({
    actorUserId: actor.userId,
    action: `dossier.${action.type}`,
    entityType: 'dossier',
    entityId: dossier.id,
    provinceCode: dossier.provinceCode,
    unitCode: actor.unitCode,
    data: { seq: action.seq, status: result.state.status },
  });
  return result;
}

/** Load a dossier with its log and derived state (no lock). */
export async function loadDossier(deps: Pick<DossierDeps, 'dossiers'>, id: string) {
  const dossier = await deps.dossiers.findDossier(id);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const actions = await deps.dossiers.listActions(id);
  return { dossier, actions, state: deriveDossierState(actions) };
}

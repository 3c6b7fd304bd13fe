/**
 * The pure middle of every dossier action, shared by the locked path (perform-dossier-action.ts) and the
 * one-statement path (one-statement-action.ts): fold the log, decide who acts, build and check the action,
 * and compute what it changes (projection, outbox row). No writes here.
 */
import { AppError } from '../errors.js';
import type { ComponentCheck, DossierAction } from './dossier-actions.js';
import { applyDossierAction, type DossierState, deriveDossierState, initialDossierState } from './dossier-state.js';
import { assertTransition } from './dossier-transitions.js';
import { refuseByProcess } from './internal-process-rules.js';
import { nationalStatusCode } from './national-status.js';
import type { DossierActor, DossierDeps, PerformInput } from './perform-dossier-action.js';
import type { DossierOwnRecords, DossierProjection, DossierRecord, OutboxMessage } from './ports.js';
import { buildSyncPayload } from './sync-payload.js';

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
 * The dossier as it is once the records an action rewrites are written (accept: its checklist and time limit),
 * built from the command, not read back: the checklist as the repository stores it (positions in the given
 * order, no reason stored as null, one copy by default, a component's origin flags kept from the row it
 * replaces when not given). The view and the outbox payload of the action are built from it.
 */
export function withOwnRecords(dossier: DossierRecord, records: DossierOwnRecords | undefined): DossierRecord {
  if (!records?.checklist && !records?.duration) return dossier;
  const before = new Map(dossier.components.map((c) => [c.key, c]));
  const components = records.checklist?.map((c): ComponentCheck => {
    const reused = c.reused ?? before.get(c.key)?.reused ?? false;
    const fromCitizenStore = c.fromCitizenStore ?? before.get(c.key)?.fromCitizenStore ?? false;
    return {
      key: c.key,
      name: c.name,
      state: c.state,
      reason: c.reason ?? null,
      copies: c.copies ?? 1,
      ...(reused ? { reused: true } : {}),
      ...(fromCitizenStore ? { fromCitizenStore: true } : {}),
    };
  });
  return {
    ...dossier,
    ...(components ? { components } : {}),
    ...(records.duration ? { duration: records.duration } : {}),
  };
}

/** What appending `action` to a dossier at `state` changes: the new state, projection and outbox row. */
export function outcomeOf(dossier: DossierRecord, log: DossierAction[], state: DossierState, action: DossierAction) {
  const next = applyDossierAction(state, action);
  const projection = projectionOf(dossier, next);
  const updated: DossierRecord = { ...dossier, ...projection };
  const fullLog = [...log, action];
  const outbox: OutboxMessage | null =
    log.length === 0 || state.status !== next.status
      ? {
          provinceCode: dossier.provinceCode,
          topic: OUTBOX_TOPIC,
          aggregateId: dossier.id,
          idempotencyKey: `dossier:${dossier.id}:${action.seq}`,
          payload: buildSyncPayload(updated, next, fullLog),
        }
      : null;
  return { next, projection, updated, fullLog, outbox };
}

/**
 * Fold the log once, decide who acts on that state, build the action and check it against the status rules
 * and the internal process. Throws the refusal; returns the action to append.
 */
export async function decideDossierAction(
  deps: Pick<DossierDeps, 'clock'>,
  input: PerformInput,
  dossier: DossierRecord,
  log: DossierAction[],
): Promise<{ state: DossierState; actor: DossierActor; action: DossierAction }> {
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
  return { state, actor, action };
}

/** The audit row of an action (the same for both paths). */
export function actionAudit(dossier: DossierRecord, actor: DossierActor, action: DossierAction, next: DossierState) {
  return {
    actorUserId: actor.userId,
    action: `dossier.${action.type}`,
    entityType: 'dossier',
    entityId: dossier.id,
    provinceCode: dossier.provinceCode,
    unitCode: actor.unitCode,
    data: { seq: action.seq, status: next.status },
  };
}

/**
 * A dossier action without a transaction: read the dossier and its log in one statement (one snapshot, with the
 * row's version), decide in core as the locked path does, then write everything the action changes in ONE
 * statement that applies only if the row is still at that version. When another writer moved the dossier in
 * between, nothing was written: the whole pass runs again on the new state (which may now refuse the action,
 * e.g. STEP_ALREADY_CLAIMED), a bounded number of times, then DOSSIER_BUSY (409).
 *
 * Why the guarantees of the locked path hold: every decision reads only the dossier's row (projection, units,
 * applicant) and its log, both from one snapshot; any write of that row (every action, forwarding, rehoming,
 * fee records) changes its version, and the write is conditioned on it, so an action is appended only to the
 * exact state it was checked against — the same serial order the row lock gave. The action, projection, outbox
 * row, audit row and notifications are one statement, so they commit or fail together (the aggregates'
 * triggers fire on the projection's update inside it). Use cases with other writes (`after`, accept's
 * checklist and time limit) keep the locked path in a transaction.
 */
import { AppError } from '../errors.js';
import { planDossierNotification } from '../notifications/dossier-notifications.js';
import { actionAudit, decideDossierAction, outcomeOf } from './decide-dossier-action.js';
import type { DossierActionType } from './dossier-actions.js';
import type { DossierActionResult, DossierDeps, PerformInput } from './perform-dossier-action.js';

/**
 * The actions whose use case writes more than the action (accept: checklist and time limit; consultations;
 * ratings; the result's files; the approval, which also hands the dossier on as a second action): they run on
 * the locked path in a transaction.
 */
export const actionsWithSideRecords: ReadonlySet<DossierActionType> = new Set<DossierActionType>([
  'received',
  'approved',
  'consultation_requested',
  'consultation_answered',
  'rated',
  'result_issued',
]);

/** Passes tried before giving up with DOSSIER_BUSY (each lost race means another action was appended). */
export const ONE_STATEMENT_ATTEMPTS = 5;

export async function performInOneStatement(deps: DossierDeps, input: PerformInput): Promise<DossierActionResult> {
  const repo = deps.dossiers;
  if (!repo.readForAction || !repo.commitAction) throw new Error('the repository has no one-statement path');
  if (input.after) throw new Error('an action with side records needs the locked path in a transaction');
  for (let attempt = 0; attempt < ONE_STATEMENT_ATTEMPTS; attempt++) {
    const read = await repo.readForAction(input.dossierId);
    if (!read) throw new AppError('DOSSIER_NOT_FOUND');
    const { dossier, actions: log, version } = read;
    const { state, actor, action } = await decideDossierAction(deps, input, dossier, log);
    const { next, projection, updated, fullLog, outbox } = outcomeOf(dossier, log, state, action);
    const notifications = deps.notifications
      ? await planDossierNotification(deps.notifications, updated, action, next)
      : [];
    const audit = deps.audit
      ? { ...actionAudit(dossier, actor, action, next), requestId: deps.audit.requestId ?? null }
      : null;
    const applied = await repo.commitAction({ dossier, version, action, projection, outbox, audit, notifications });
    if (applied) return { dossier: updated, state: next, action, actions: fullLog };
  }
  throw new AppError('DOSSIER_BUSY', { details: { attempts: ONE_STATEMENT_ATTEMPTS } });
}

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
 * triggers fire on the projection's update inside it). A follow-on action (the approval's hand-on) is decided
 * on the state the first leaves and written in the same statement; the dossier's own records an action sets
 * (accept's checklist, in another table, and time limit) too, conditioned on the same update: the checklist is
 * only ever written together with the dossier's row (receipt, accept), so the version covers it as well. Use
 * cases with side records of other kinds (`after`) keep the locked path in a transaction.
 */
import { AppError } from '../errors.js';
import { planDossierNotification } from '../notifications/dossier-notifications.js';
import { actionAudit, decideDossierAction, outcomeOf, withOwnRecords } from './decide-dossier-action.js';
import type { DossierAction, DossierActionType } from './dossier-actions.js';
import type { DossierActionResult, DossierDeps, PerformInput } from './perform-dossier-action.js';
import type { CommittedAction, DossierOwnRecords, DossierProjection, DossierRecord } from './ports.js';

/**
 * The actions whose use case writes records of other kinds than the dossier's own (consultations, their answers,
 * ratings): they run on the locked path in a transaction. Accept (its checklist and time limit), the result (its
 * files' rows) — the dossier's own records, `records` — and the approval (its hand-on, a follow-on action,
 * `followOn`) are written in the one statement.
 */
export const actionsWithSideRecords: ReadonlySet<DossierActionType> = new Set<DossierActionType>([
  'consultation_requested',
  'consultation_answered',
  'rated',
]);

/** Passes tried before giving up with DOSSIER_BUSY (each lost race means another action was appended). */
export const ONE_STATEMENT_ATTEMPTS = 5;

export async function performInOneStatement(deps: DossierDeps, input: PerformInput): Promise<DossierActionResult> {
  const repo = deps.dossiers;
  if (!repo.readForAction || !repo.commitAction) throw new Error('the repository has no one-statement path');
  for (let attempt = 0; attempt < ONE_STATEMENT_ATTEMPTS; attempt++) {
    const read = await repo.readForAction(input.dossierId);
    if (!read) throw new AppError('DOSSIER_NOT_FOUND');
    const { actions, records, projection, result } = await decideChain(deps, input, read.dossier, read.actions);
    const applied = await repo.commitAction({
      dossier: read.dossier,
      version: read.version,
      actions,
      projection,
      ...(records ? { records } : {}),
    });
    if (!applied) continue;
    // The files read with the row are those of the state written (any link moves the row's version), unless
    // this action linked files itself (the result): then the caller reads them.
    return read.attachments && !records?.resultFiles ? { ...result, attachments: read.attachments } : result;
  }
  throw new AppError('DOSSIER_BUSY', { details: { attempts: ONE_STATEMENT_ATTEMPTS } });
}

/**
 * Decide the action and its follow-ons (`followOn`), each on the state the previous one leaves, with what each
 * writes: the same decisions, audit rows, outbox rows and notifications as the locked path, nothing written.
 */
async function decideChain(deps: DossierDeps, first: PerformInput, dossier: DossierRecord, log: DossierAction[]) {
  const actions: CommittedAction[] = [];
  let records: DossierOwnRecords | undefined;
  let input: PerformInput | null = first;
  let current = { dossier, log };
  let result: DossierActionResult | undefined;
  let projection: DossierProjection | undefined;
  while (input) {
    if (input.after) throw new Error('an action with side records needs the locked path in a transaction');
    const { state, actor, action } = await decideDossierAction(deps, input, current.dossier, current.log);
    const own = input.records?.(actor);
    if (own) records = { ...records, ...own };
    const {
      next,
      updated,
      fullLog,
      outbox,
      projection: after,
    } = outcomeOf(withOwnRecords(current.dossier, own), current.log, state, action);
    const notifications = deps.notifications
      ? await planDossierNotification(deps.notifications, updated, action, next)
      : [];
    const audit = deps.audit
      ? { ...actionAudit(current.dossier, actor, action, next), requestId: deps.audit.requestId ?? null }
      : null;
    actions.push({ action, outbox, audit, notifications });
    result = { dossier: updated, state: next, action, actions: fullLog };
    projection = after;
    current = { dossier: updated, log: fullLog };
    input = input.followOn ? await input.followOn(result, actor) : null;
  }
  return { actions, records, projection: projection!, result: result! };
}

import type { AuditPort } from '../audit.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { notifyDossierAction } from '../notifications/dossier-notifications.js';
import type { NotificationPort } from '../notifications/notify-applicant.js';
import { actionAudit, decideDossierAction, outcomeOf, withOwnRecords } from './decide-dossier-action.js';
import type { ActionPayload, ActorRole, DossierAction } from './dossier-actions.js';
import { storeDossierFiles } from './dossier-files.js';
import { type DossierState, deriveDossierState } from './dossier-state.js';
import type { TransitionContext } from './dossier-transitions.js';
import type { ProcessContext } from './internal-process-rules.js';
import { performInOneStatement } from './one-statement-action.js';
import type {
  DeadlinePort,
  DossierAttachment,
  DossierOwnRecords,
  DossierRecord,
  DossiersRepository,
  ProcedurePort,
  UnitsPort,
} from './ports.js';

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
  /**
   * The ports are bound to the pool, not to a transaction: actions run in one statement with a version check
   * (one-statement-action.ts). Only for use cases without side records (the API picks them).
   */
  oneStatement?: boolean;
};

export type DossierActionResult = {
  dossier: DossierRecord;
  state: DossierState;
  action: DossierAction;
  /** The whole log after the action (the caller presents it without reading again). */
  actions: DossierAction[];
  /**
   * The dossier's files after the action, when known without another read (the one-statement path reads them
   * with the row, and the write applied at that row version; an action that links files leaves this out).
   */
  attachments?: DossierAttachment[];
};

/**
 * Who acts, decided on the locked state: the API passes a resolver that authorizes the request's actor
 * with the action's policy line against the dossier as it is inside the transaction (never on an
 * unlocked read); seeds and internal callers pass a fixed actor.
 */
export type ActorResolver = (dossier: DossierRecord, state: DossierState) => DossierActor;

export { OUTBOX_TOPIC, projectionOf } from './decide-dossier-action.js';

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
  const { next, projection, updated, fullLog, outbox } = outcomeOf(dossier, log, state, action);
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
  /**
   * The dossier's own records the action rewrites, as the last `build` decided them (accept: checklist, time
   * limit): written with the action, in its transaction or in its one statement.
   */
  records?: (actor: DossierActor) => DossierOwnRecords | undefined;
  /**
   * A follow-on action decided on the state this one leaves (the approval's hand-on), appended atomically with
   * it: in the same transaction, or in the same statement. Null: none.
   */
  followOn?: (result: DossierActionResult, actor: DossierActor) => Promise<PerformInput | null>;
};

/**
 * One pass per action: lock the dossier row, read its log once and fold it, decide who acts on that locked
 * state, build the action, check it against the status rules and the internal process, then append it
 * (log, projection, outbox) inside the caller's transaction. Returns the new state and the whole log.
 * With `deps.oneStatement` (no transaction) the same decision runs on a versioned read and the action is
 * written by one conditional statement (one-statement-action.ts).
 */
export async function performDossierAction(deps: DossierDeps, input: PerformInput): Promise<DossierActionResult> {
  if (deps.oneStatement) return performInOneStatement(deps, input);
  const dossier = await deps.dossiers.lockDossier(input.dossierId);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const log = await deps.dossiers.listActions(dossier.id);
  return performLocked(deps, input, dossier, log);
}

/** One action (and its follow-on) on the locked dossier, inside the caller's transaction. */
async function performLocked(
  deps: DossierDeps,
  input: PerformInput,
  dossier: DossierRecord,
  log: DossierAction[],
): Promise<DossierActionResult> {
  const { state, actor, action } = await decideDossierAction(deps, input, dossier, log);
  const records = input.records?.(actor);
  if (records?.checklist) await deps.dossiers.saveComponents(dossier, records.checklist);
  if (records?.duration) await deps.dossiers.saveDuration(dossier, records.duration);
  // The view and the outbox payload carry the records just written (built from the command, not read back).
  const result = await appendDossierAction(deps, withOwnRecords(dossier, records), log, state, action);
  if (records?.resultFiles) {
    const { files, uploadedBy } = records.resultFiles;
    await storeDossierFiles(deps, dossier, 'result', null, files, uploadedBy);
  }
  if (input.after) await input.after(result, actor);
  await deps.audit?.record(actionAudit(dossier, actor, action, result.state));
  const next = input.followOn ? await input.followOn(result, actor) : null;
  return next ? performLocked(deps, next, result.dossier, result.actions) : result;
}

/** Load a dossier with its log and derived state (no lock). */
export async function loadDossier(deps: Pick<DossierDeps, 'dossiers'>, id: string) {
  const dossier = await deps.dossiers.findDossier(id);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const actions = await deps.dossiers.listActions(id);
  return { dossier, actions, state: deriveDossierState(actions) };
}

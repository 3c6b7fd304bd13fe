import type { Cutoff } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';
import { planDossierNotification } from '../notifications/dossier-notifications.js';
import { withEformComponentTicked } from '../procedures/component-condition.js';
import { vnDate } from '../time/vn-time.js';
import { checkCompleteness } from './completeness.js';
import type { Channel, ComponentCheck, DossierAction, ReturnMethod } from './dossier-actions.js';
import { dossierCodePrefix, fallbackAgencyIdentifier } from './dossier-code.js';
import { applyDossierAction, deriveDossierState, initialDossierState } from './dossier-state.js';
import {
  type DossierActionResult,
  type DossierActor,
  type DossierDeps,
  OUTBOX_TOPIC,
  projectionOf,
} from './perform-dossier-action.js';
import type { Agent, Applicant, DossierRecord, OutboxMessage, ReceptionProcedure, UnitInfo } from './ports.js';
import { buildSyncPayload } from './sync-payload.js';
import { resolveTimeLimit, type SuppliedTimeLimit } from './time-limit.js';

export type ReceiveDossierInput = {
  /**
   * receive: the checklist is complete and the dossier is accepted now (form 01);
   * request_supplement: incomplete at the counter, registered with one supplement request (form 02);
   * submit: registered as new, to be accepted or corrected by an official (online and postal intake).
   */
  mode: 'receive' | 'request_supplement' | 'submit';
  channel: Channel;
  procedureCode: string;
  /** Center that receives; any center of the province may receive. */
  receivingUnitCode: string;
  /** Unit that decides; defaults to the receiving unit. Must be in the same province. */
  competentUnitCode?: string | null;
  applicant: Applicant;
  agent?: Agent | null;
  components: Array<{
    key: string;
    state: ComponentCheck['state'];
    reason?: string | null;
    copies?: number;
    /** Where the component came from (online dossiers from the national portal). */
    reused?: boolean;
    fromCitizenStore?: boolean;
  }>;
  /** Fees and charges collected at the counter (VND), only with mode receive. */
  feeCollectedVnd?: number | null;
  returnMethod: ReturnMethod;
  vneidVerified?: boolean;
  /** Paid online on the national portal (online dossiers imported from it). */
  paidOnline?: boolean;
  /** The submission comes with its structured e-form (checked by the caller): its checklist row is ticked. */
  eformGiven?: boolean;
  /** The national portal's dossier code (online dossiers imported from it). */
  portalCode?: string | null;
  note?: string | null;
  /**
   * Time limit entered by the receiving official when the procedure has none for the channel and the unit's
   * internal process sets none (required when the clock starts now); refused when the procedure has one.
   */
  timeLimit?: SuppliedTimeLimit | null;
};

export type ReceiveDossierResult = DossierActionResult;

async function requireUnit(deps: DossierDeps, code: string, onDate: string): Promise<UnitInfo> {
  const u = await deps.units.findUnit(code, onDate);
  if (!u) throw new AppError('DOSSIER_UNIT_NOT_FOUND', { details: { unitCode: code } });
  return u;
}

/**
 * Intake cut-off of online dossiers (domain.md §1.6, §3; Decree 297/2025 for the national portal's
 * e-procedures): received later than one hour before the end of office hours, the time limit counts from the
 * next working day. The calendar settings have a single cut-off (15:00 by default, for the counter and post),
 * so the online rule is this constant, relative to each unit's own closing time.
 */
export const ONLINE_INTAKE_CUTOFF: Cutoff = Object.freeze({ kind: 'before_close', minutes: 60 });

/** The cut-off that applies to a receipt through a channel; undefined: the calendar's own (15:00 by default). */
export function intakeCutoff(channel: Channel): Cutoff | undefined {
  return channel === 'online' ? ONLINE_INTAKE_CUTOFF : undefined;
}

/** Due date of the whole procedure and of the first step, from the competent unit's calendar. */
export async function dueDatesAtReceipt(
  deps: DossierDeps,
  p: { unitCode: string; provinceCode: string },
  procedure: Pick<ReceptionProcedure, 'duration' | 'steps'>,
  at: Date,
  channel: Channel,
) {
  const cutoff = intakeCutoff(channel);
  const due = await deps.deadlines.computeDueDate({ ...p, receivedAt: at, duration: procedure.duration, cutoff });
  const first = procedure.steps[0];
  const step = first
    ? await deps.deadlines.computeDueDate({ ...p, receivedAt: at, duration: first.duration, cutoff })
    : null;
  return { clockStartsAt: due.clockStartsAt, dueAt: due.dueAt, stepDueAt: step?.dueAt ?? null };
}

/**
 * Receive a dossier through any channel: completeness check against the procedure version's
 * components, dossier code (§1.5) from a daily sequence of the handling agency, then the first
 * actions of the log (submitted, received or supplement_requested). Runs inside the caller's transaction.
 */
export async function receiveDossier(
  deps: DossierDeps,
  actor: DossierActor,
  input: ReceiveDossierInput,
): Promise<ReceiveDossierResult> {
  const now = deps.clock.now();
  const today = vnDate(now);
  const receiving = await requireUnit(deps, input.receivingUnitCode, today);
  const competent = input.competentUnitCode ? await requireUnit(deps, input.competentUnitCode, today) : receiving;
  if (competent.provinceCode !== receiving.provinceCode) throw new AppError('UNIT_NOT_IN_PROVINCE');

  const procedure = await deps.procedures.findProcedureForReception({
    procedureCode: input.procedureCode,
    competentUnitCode: competent.code,
    channel: input.channel,
    onDate: today,
  });
  if (!procedure) throw new AppError('PROCEDURE_NOT_AVAILABLE');

  // The e-form given with the submission (online, or filled in at the counter) is the interactive e-form component.
  const check = checkCompleteness(
    procedure.components,
    withEformComponentTicked(procedure.components, input.components, input.eformGiven === true),
  );
  if (check.unknownKeys.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: check.unknownKeys } });
  if (input.mode === 'receive' && !check.complete) {
    throw new AppError('COMPONENTS_INCOMPLETE', { details: { problems: check.problems.map((p) => p.key) } });
  }
  if (input.mode === 'request_supplement' && check.complete) throw new AppError('SUPPLEMENT_ITEMS_REQUIRED');
  const feeCollected = input.feeCollectedVnd ? { amountVnd: input.feeCollectedVnd, at: now } : null;
  if (feeCollected && input.mode !== 'receive') {
    throw new AppError('VALIDATION_FAILED', { details: { feeCollectedVnd: 'only when the dossier is received' } });
  }

  const duration = resolveTimeLimit({
    procedure: procedure.duration,
    supplied: input.timeLimit,
    required: input.mode === 'receive',
  });

  const agencyIdentifier =
    competent.agencyIdentifier ?? fallbackAgencyIdentifier(competent.code, competent.provinceCode);
  const code = dossierCodePrefix({ agencyIdentifier, receivedAt: now, systemCode: deps.systemCode });

  // The first actions of the log, folded in memory: the dossier is written once with its projection.
  const base = {
    at: now,
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    unitCode: receiving.code,
    note: input.note ?? null,
  };
  const log: DossierAction[] = [];
  if (input.mode === 'receive') {
    const due = await dueDatesAtReceipt(
      deps,
      { unitCode: competent.code, provinceCode: competent.provinceCode },
      { ...procedure, duration },
      now,
      input.channel,
    );
    log.push({ ...base, seq: 1, type: 'received', channel: input.channel, steps: procedure.steps, ...due });
  } else {
    const intake =
      input.channel === 'online'
        ? await deps.deadlines.computeDueDate({
            unitCode: receiving.code,
            provinceCode: receiving.provinceCode,
            receivedAt: now,
            duration: { value: 8, unit: 'working_hours' },
          })
        : null;
    log.push({ ...base, seq: 1, type: 'submitted', channel: input.channel, intakeDueAt: intake?.dueAt ?? null });
    if (input.mode === 'request_supplement') {
      log.push({ ...base, seq: 2, type: 'supplement_requested', items: check.problems });
    }
  }
  const state = deriveDossierState(log);
  const id = deps.newId();
  const fields = {
    code: `~${id}`,
    provinceCode: receiving.provinceCode,
    receivingUnitCode: receiving.code,
    competentUnitCode: competent.code,
    procedureVersionId: procedure.versionId,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    fieldCode: procedure.fieldCode,
    fieldName: procedure.fieldName,
    channel: input.channel,
    applicant: input.applicant,
    agent: input.agent ?? null,
    returnMethod: input.returnMethod,
    duration,
    components: check.checks,
    feeTotal: procedure.feeTotal,
    paidOnline: input.paidOnline ?? false,
    vneidVerified: input.vneidVerified ?? false,
    ...(input.portalCode ? { portalCode: input.portalCode } : {}),
    submittedAt: now,
    feeCollected,
  };
  const inserted: DossierRecord = { ...fields, id, ...projectionOf(fields, state), createdAt: now };
  // One outbox row per status the log went through (received; or new, then supplement requested).
  const outbox: OutboxMessage[] = [];
  let folded = initialDossierState();
  for (const [i, a] of log.entries()) {
    const next = applyDossierAction(folded, a);
    if (i === 0 || next.status !== folded.status) {
      outbox.push({
        provinceCode: inserted.provinceCode,
        topic: OUTBOX_TOPIC,
        aggregateId: inserted.id,
        idempotencyKey: `dossier:${inserted.id}:${a.seq}`,
        payload: buildSyncPayload({ ...inserted, ...projectionOf(inserted, next) }, next, log.slice(0, i + 1)),
      });
    }
    folded = next;
  }
  // The applicant hears of the receipt: the messages carry the placeholder code, replaced by the writer.
  const notifications = deps.notifications
    ? await planDossierNotification(deps.notifications, inserted, log[log.length - 1]!, state)
    : [];
  // One statement: numbers, dossier, checklist, log, outbox, audit row and notifications (see insertReceipt).
  const assigned = await deps.dossiers.insertReceipt({
    dossier: inserted,
    actions: log,
    outbox,
    placeholder: fields.code,
    numbering: {
      scope: agencyIdentifier,
      day: today,
      prefix: code.prefix,
      minDigits: code.minDigits,
      book: { unitCode: receiving.code, provinceCode: receiving.provinceCode, year: Number(today.slice(0, 4)) },
    },
    audit: deps.audit
      ? {
          actorUserId: actor.userId,
          action: 'dossier.received',
          entityType: 'dossier',
          entityId: inserted.id,
          provinceCode: inserted.provinceCode,
          unitCode: receiving.code,
          data: { mode: input.mode, channel: input.channel, procedureCode: procedure.code },
          requestId: deps.audit.requestId ?? null,
        }
      : null,
    notifications,
  });
  const dossier: DossierRecord = { ...inserted, code: assigned };
  return { dossier, state, action: log[log.length - 1]!, actions: log };
}

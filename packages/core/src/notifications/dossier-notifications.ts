import type { DossierAction } from '../dossiers/dossier-actions.js';
import type { DossierState } from '../dossiers/dossier-state.js';
import type { DossierRecord } from '../dossiers/ports.js';
import {
  type NotificationPlanItem,
  type NotificationPort,
  type NotifyApplicantInput,
  type NotifyApplicantResult,
  notifyApplicant,
  planApplicantNotification,
} from './notify-applicant.js';
import type { NotificationContext, NotificationEvent } from './templates.js';

/** Which applicant notification an action of the dossier's log gives, if any. */
export function dossierNotificationFor(
  action: DossierAction,
  state: Pick<DossierState, 'dueAt'>,
): { event: NotificationEvent; extra: Partial<NotificationContext> } | null {
  switch (action.type) {
    case 'received':
      return { event: 'receipt', extra: { dueAt: action.dueAt } };
    case 'submitted':
      return action.channel === 'online' ? { event: 'online_registered', extra: {} } : null;
    case 'supplement_requested':
      return {
        event: 'supplement_requested',
        extra: { items: action.items.map((i) => (i.reason ? `${i.name} (${i.reason})` : i.name)) },
      };
    case 'financial_obligation_requested':
      return { event: 'financial_obligation', extra: { amount: action.amount ?? null } };
    case 'apology_issued':
      return { event: 'apology', extra: { dueAt: action.newDueAt, reason: action.reason } };
    case 'result_issued':
      return { event: 'result_ready', extra: { dueAt: state.dueAt } };
    case 'returned':
      return { event: 'returned', extra: {} };
    case 'refused':
      return { event: 'refused', extra: { items: action.reasons } };
    default:
      return null;
  }
}

/** What notifying the applicant of an action of their dossier sends (null: the action notifies nobody). */
function dossierNotification(
  dossier: DossierRecord,
  action: DossierAction,
  state: Pick<DossierState, 'dueAt'>,
): NotifyApplicantInput | null {
  const n = dossierNotificationFor(action, state);
  if (!n) return null;
  return {
    about: { type: 'dossier', id: dossier.id, code: dossier.code },
    provinceCode: dossier.provinceCode,
    recipient: { email: dossier.applicant.email, phone: dossier.applicant.phone },
    message: {
      event: n.event,
      context: {
        dossierCode: dossier.code,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicant.fullName,
        ...n.extra,
      },
    },
    key: `dossier:${dossier.id}:${action.seq}`,
  };
}

/**
 * Notify the applicant of an action of their dossier (after it is written, in the same transaction). The
 * key is the action's position in the log, so the same action never notifies twice.
 */
export async function notifyDossierAction(
  port: NotificationPort,
  dossier: DossierRecord,
  action: DossierAction,
  state: Pick<DossierState, 'dueAt'>,
): Promise<NotifyApplicantResult | null> {
  const input = dossierNotification(dossier, action, state);
  return input ? notifyApplicant(port, input) : null;
}

/** The same notification as a plan, for a writer that decides the opt-outs in its own statement (the receipt). */
export async function planDossierNotification(
  port: Pick<NotificationPort, 'lookupUrl' | 'unsubscribeUrl' | 'recordSkipped'>,
  dossier: DossierRecord,
  action: DossierAction,
  state: Pick<DossierState, 'dueAt'>,
): Promise<NotificationPlanItem[]> {
  const input = dossierNotification(dossier, action, state);
  if (!input) return [];
  const plan = await planApplicantNotification(port, input);
  // A port that does not log skips (absent recordSkipped) gets none.
  return port.recordSkipped ? plan : plan.flatMap((i) => ('send' in i ? [{ ...i, ifOptedOut: null }] : []));
}

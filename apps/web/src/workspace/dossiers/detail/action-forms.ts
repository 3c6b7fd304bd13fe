import { type DossierActionKind, type DossierDetail, vnLocalToIso } from '@mot-cua/contracts';

export type Field =
  | 'reason'
  | 'note'
  | 'newDueAt'
  | 'toUnitCode'
  | 'agency'
  | 'question'
  | 'workingDays'
  | 'answer'
  | 'amount'
  | 'timeLimitDays';

/** The dialog of each action: the route under /api/dossiers/:id/ and the fields it asks for. */
export const forms: Partial<Record<DossierActionKind, { path: (d: DossierDetail) => string; fields: Field[] }>> = {
  received: { path: () => 'accept', fields: ['note'] },
  supplemented: { path: () => 'supplement', fields: ['note'] },
  refused: { path: () => 'refuse', fields: ['reason'] },
  claimed: { path: () => 'claim', fields: [] },
  step_completed: { path: () => 'complete-step', fields: ['note'] },
  forwarded: { path: () => 'forward', fields: ['toUnitCode', 'note'] },
  consultation_requested: { path: () => 'consultations', fields: ['agency', 'question', 'workingDays'] },
  consultation_answered: { path: (d) => `consultations/${d.openConsultations[0]}/answer`, fields: ['answer'] },
  financial_obligation_requested: { path: () => 'financial-obligation', fields: ['amount', 'note'] },
  financial_obligation_paid: { path: () => 'payment', fields: ['note'] },
  approved: { path: () => 'approve', fields: ['note'] },
  apology_issued: { path: () => 'apology', fields: ['reason', 'newDueAt'] },
  withdrawn: { path: () => 'withdraw', fields: ['reason'] },
  stopped: { path: () => 'stop', fields: ['reason'] },
};

export const numberFields: ReadonlySet<Field> = new Set(['workingDays', 'amount', 'timeLimitDays']);

/**
 * The request body of an action from the dialog's values. Acceptance carries the checklist as the official ticked
 * it (`components`), so a dossier whose missing rows are conditional can be accepted, not only supplemented.
 */
export function bodyFor(
  type: DossierActionKind,
  d: DossierDetail,
  v: Record<string, string>,
  components?: ReadonlyArray<{ key: string; state: string; reason: string | null }>,
): unknown {
  switch (type) {
    case 'refused':
      return { reasons: [v.reason ?? ''] };
    case 'claimed':
      return { stepOrder: d.currentStep?.order ?? 1 };
    case 'step_completed':
      return { fromStep: d.currentStep?.order ?? 1, note: v.note || null };
    case 'consultation_requested':
      return { agency: v.agency, question: v.question, workingDays: Number(v.workingDays || 5) };
    case 'financial_obligation_requested':
      return { amount: v.amount ? Number(v.amount) : null, description: v.note || null };
    case 'apology_issued':
      return {
        reason: v.reason,
        newDueAt: v.newDueAt ? new Date(vnLocalToIso(`${v.newDueAt}T17:00`)).toISOString() : '',
      };
    case 'withdrawn':
    case 'stopped':
      return { reason: v.reason };
    case 'forwarded':
      return { toUnitCode: (v.toUnitCode ?? '').toUpperCase(), note: v.note || null };
    case 'consultation_answered':
      return { answer: v.answer };
    case 'received':
      return {
        note: v.note || null,
        ...(components ? { components } : {}),
        ...(v.timeLimitDays ? { timeLimit: { value: Number(v.timeLimitDays), unit: 'working_days' } } : {}),
      };
    default:
      return { note: v.note || null };
  }
}

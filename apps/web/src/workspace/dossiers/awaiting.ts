import type { DossierDetail } from '@mot-cua/contracts';
import type { TFunction } from 'i18next';
import { vnDateTime } from '../../api/dossiers.js';

/**
 * One sentence saying who holds the dossier now and what is awaited, from the status and current step the
 * server sent (nothing is decided here: the words only).
 */
export function awaitingSentence(t: TFunction, d: DossierDetail): string {
  const step = d.currentStep;
  const due = step?.dueAt ? ` (${t('dossiers.awaiting.stepDue', { at: vnDateTime(step.dueAt) })})` : '';
  switch (d.status) {
    case 'new':
      return t('dossiers.awaiting.new');
    case 'supplement_requested':
      return t('dossiers.awaiting.supplement', { name: d.applicant.fullName });
    case 'awaiting_payment':
      return t('dossiers.awaiting.payment', { name: d.applicant.fullName });
    case 'result_ready':
      return step?.assigneeName
        ? t('dossiers.awaiting.resultHeld', { holder: step.assigneeName, name: d.applicant.fullName })
        : t('dossiers.awaiting.result', { name: d.applicant.fullName });
    case 'returned':
    case 'refused':
    case 'withdrawn':
    case 'stopped':
      return t('dossiers.awaiting.closed', { status: t(`dossiers.status.${d.status}`).toLowerCase() });
    default:
      if (d.openConsultations.length > 0) return t('dossiers.awaiting.consultation');
      if (!step) return t('dossiers.awaiting.noStep');
      return step.assigneeName
        ? t('dossiers.awaiting.held', { holder: step.assigneeName, step: `${step.order}. ${step.name}` }) + due
        : t('dossiers.awaiting.unclaimed', { role: t(`roles.${step.role}`), step: `${step.order}. ${step.name}` }) +
            due;
  }
}

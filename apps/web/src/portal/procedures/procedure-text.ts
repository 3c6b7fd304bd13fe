import type { ProcedureFee } from '@mot-cua/contracts';
import type { TFunction } from 'i18next';
import { formatVnd } from '../../api/procedures.js';

/** A fee of a channel in words: free, an amount, the rule as written, or unknown. */
export function feeText(t: TFunction, f: ProcedureFee): string {
  switch (f.kind) {
    case 'free':
      return t('procedures.free');
    case 'amount':
      return formatVnd(f.amount ?? 0, f.currency);
    case 'rule':
      return f.note ?? '';
    default:
      return t('procedures.feeUnknown');
  }
}

/**
 * A curation note in the reader's language: each reason is written "Vietnamese / English" and reasons are
 * joined with " | "; a Vietnamese page shows no English sentence.
 */
export function noteIn(note: string, language: string): string {
  return note
    .split(' | ')
    .map((reason) => {
      const cut = reason.lastIndexOf(' / ');
      if (cut < 0) return reason;
      return language === 'en' ? reason.slice(cut + 3) : reason.slice(0, cut);
    })
    .join(' | ');
}

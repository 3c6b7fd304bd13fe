import { ApiError } from '../../api/client.js';
import i18n from '../../i18n/index.js';

/** The server's message in the reader's language, or the generic error. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError) return i18n.language === 'en' ? e.problem.message.en : e.problem.message.vi;
  return i18n.t('common.error');
}

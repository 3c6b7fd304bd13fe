import { accountsErrors } from './accounts.js';
import { adminUnitsErrors } from './admin-units.js';
import { calendarErrors } from './calendar.js';
import { citizensErrors } from './citizens.js';
import { commonErrors } from './common.js';
import { dossiersErrors } from './dossiers.js';
import { edgeErrors } from './edge.js';
import { feedbackErrors } from './feedback.js';
import { filesErrors } from './files.js';
import { outboxErrors } from './outbox.js';
import { proceduresErrors } from './procedures.js';
import { queueErrors } from './queue.js';
import { searchErrors } from './search.js';
import { supervisionErrors } from './supervision.js';
import type { ErrorEntry } from './types.js';

export { type FieldIssue, type FieldMessage, fieldErrorsUnder, fieldMessage } from './field-messages.js';
export type { ErrorCatalog, ErrorEntry } from './types.js';

/** The one catalog of error codes: status and bilingual message for each stable code. */
export const errorCatalog = {
  ...commonErrors,
  ...adminUnitsErrors,
  ...calendarErrors,
  ...proceduresErrors,
  ...dossiersErrors,
  ...searchErrors,
  ...outboxErrors,
  ...citizensErrors,
  ...feedbackErrors,
  ...queueErrors,
  ...edgeErrors,
  ...supervisionErrors,
  ...filesErrors,
  ...accountsErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export function errorEntry(code: string): ErrorEntry {
  return (errorCatalog as Record<string, ErrorEntry>)[code] ?? errorCatalog.INTERNAL_ERROR;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}

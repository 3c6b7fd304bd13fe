import type { ErrorCode } from '@mot-cua/contracts';

/**
 * The one error type of the domain. Core throws it with a stable code; the API maps the code to an
 * HTTP problem response in one place. Never throw HTTP errors from core.
 */
/** A field's error: `message` as written; `messages` when the rule already knows both languages. */
export type FieldError = { field: string; message: string; messages?: { vi: string; en: string } };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly fieldErrors: ReadonlyArray<FieldError> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      details?: Record<string, unknown>;
      fieldErrors?: FieldError[];
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.fieldErrors = options.fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

import { type ErrorCode, errorEntry, type FieldIssue, fieldMessage, type Problem } from '@mot-cua/contracts';
import { isAppError } from '@mot-cua/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type Lang = 'vi' | 'en';

/** Vietnamese unless the client clearly prefers English. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('vi')) return 'vi';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

/** A field's error before the language is chosen: its path and its text in both languages. */
export type FieldError = { field: string; messages: { vi: string; en: string } };

type Classified = {
  code: ErrorCode;
  fieldErrors?: FieldError[];
  headers?: Record<string, string>;
};

/** The zod issue of a validation error: fastify-type-provider-zod gives its code as `keyword`, the rest as `params`. */
const issueOf = (v: { keyword?: string; message?: string | undefined; params?: unknown }): FieldIssue => ({
  ...((v.params as FieldIssue | undefined) ?? {}),
  code: v.keyword,
  message: v.message,
});

/** The one place where any thrown value becomes a stable error code. */
export function classifyError(error: unknown): Classified {
  if (isAppError(error)) {
    const fieldErrors = error.fieldErrors?.map((f) => ({ field: f.field, messages: f.messages ?? fieldMessage(f) }));
    return { code: error.code, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const ctx = (error as { validationContext?: string }).validationContext ?? 'body';
    return {
      code: 'VALIDATION_FAILED',
      fieldErrors: error.validation.map((v) => ({
        field: [ctx, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        messages: fieldMessage(issueOf(v)),
      })),
    };
  }
  const fe = error as Partial<FastifyError> & { statusCode?: number };
  if (fe?.validation) {
    return {
      code: 'VALIDATION_FAILED',
      fieldErrors: fe.validation.map((v) => ({
        field: `${fe.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        messages: fieldMessage(issueOf(v)),
      })),
    };
  }
  // The database is saturated or slow: no free connection in time (pool), a statement or an idle transaction
  // cancelled by the server (57014 query_canceled, 25P03 idle_in_transaction_session_timeout). Retry later.
  if (
    (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) ||
    fe?.code === '57014' ||
    fe?.code === '25P03'
  ) {
    return { code: 'SERVICE_UNAVAILABLE' };
  }
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_REQUEST' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'MALFORMED_REQUEST' };
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return { code: 'RATE_LIMITED' };
  }
  if (fe?.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (fe?.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (fe?.statusCode === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (fe?.statusCode === 400 && fe.name === 'SyntaxError') return { code: 'MALFORMED_REQUEST' };
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { code: 'MALFORMED_REQUEST' };
  return { code: 'INTERNAL_ERROR' };
}

/** The problem of a code, in the request's language (Vietnamese by default); each field's error in both. */
export function buildProblem(code: ErrorCode, req: FastifyRequest, fieldErrors?: FieldError[]): Problem {
  const entry = errorEntry(code);
  const lang = pickLanguage(req.headers['accept-language']);
  return {
    type: `/api/docs/errors#${code}`,
    title: code,
    status: entry.status,
    code,
    detail: entry[lang],
    message: { vi: entry.vi, en: entry.en },
    instance: req.url,
    requestId: String(req.id),
    ...(fieldErrors?.length
      ? { errors: fieldErrors.map((f) => ({ field: f.field, message: f.messages[lang], messages: f.messages })) }
      : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  return reply
    .status(problem.status)
    .headers({ 'content-language': pickLanguage(reply.request.headers['accept-language']), ...headers })
    .type('application/problem+json')
    .send(problem);
}

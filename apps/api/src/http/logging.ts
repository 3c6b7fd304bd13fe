import type { FastifyRequest } from 'fastify';

/**
 * What the logs may hold: the method, the route and the request id, never a cookie, a CSRF token, a query value
 * (codes, phone and ID numbers, search terms), SQL or its parameters. Errors keep their type, code and stack
 * frames; quoted values in their message (PostgreSQL quotes the input it refuses) are cut out.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: { req: serializeRequest, err: serializeError },
  };
}

/** The request as logged: the query string's values masked, the path kept (ids only; codes are in the query). */
export function serializeRequest(req: FastifyRequest | { method?: string; url?: string; id?: unknown }) {
  return {
    method: req.method,
    url: maskQuery(String(req.url ?? '')),
    requestId: String(req.id ?? ''),
  };
}

export function maskQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

type LoggedError = { type: string; code?: string; message: string; stack: string; [key: string]: unknown };

/** An error as logged: no SQL text, no parameters, no quoted input, no `detail`/`where` of the database. */
export function serializeError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[non-error thrown]', stack: '' };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .join('\n');
  return {
    type: err.constructor?.name ?? 'Error',
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubMessage(err.message),
    stack: frames,
  };
}

/** Quoted values and anything after a SQL keyword are cut from a message. */
export function scrubMessage(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/=\([^)]*\)/g, '=(…)')
    .replace(/\b(select\s|insert\s+into|update\s+\S+\s+set|delete\s+from)[\s\S]*/i, '[sql omitted]')
    .slice(0, 300);
}

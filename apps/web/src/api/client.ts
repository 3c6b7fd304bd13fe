import { CSRF_HEADER, Problem } from '@mot-cua/contracts';
import i18n from '../i18n/index.js';

/** An API failure carrying the server's problem+json. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (t: string | undefined) => {
  csrfToken = t;
};

/** A response schema from @mot-cua/contracts (any Zod schema): the answer is parsed with it, never cast. */
export type Schema<T> = { parse(data: unknown): T };

/** `body` is sent as JSON; `rawBody` (a file) as is with its `contentType`. */
type Init = { method?: string; body?: unknown; rawBody?: Blob; contentType?: string };

/**
 * Fetch from the JSON API and parse the answer with its contracts schema: same-origin cookies, CSRF header on
 * writes, language header, problem errors.
 */
export async function api<T>(schema: Schema<T>, path: string, init: Init = {}): Promise<T> {
  return schema.parse(await request(path, init));
}

/** A write whose answer the page does not read (204, or a body it ignores). */
export async function send(path: string, init: Init = {}): Promise<void> {
  await request(path, init);
}

async function request(path: string, init: Init): Promise<unknown> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': i18n.language === 'en' ? 'en' : 'vi' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.rawBody !== undefined) headers['content-type'] = init.contentType ?? 'application/octet-stream';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.rawBody !== undefined ? { body: init.rawBody } : {}),
  });
  if (res.status === 204) return undefined;
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    throw new ApiError(
      Problem.safeParse(data).success
        ? Problem.parse(data)
        : {
            type: 'about:blank',
            title: 'HTTP',
            status: res.status,
            code: 'INTERNAL_ERROR',
            detail: res.statusText,
            message: { vi: res.statusText, en: res.statusText },
          },
    );
  }
  return data;
}

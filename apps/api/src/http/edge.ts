import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { normalizeIP } from '@fastify/rate-limit';
import { type ErrorCode, errorEntry } from '@mot-cua/contracts';
import { AppError } from '@mot-cua/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, sendProblem } from './problem.js';

/** Deeper JSON than this is refused before anything walks it (no schema of ours nests half as deep). */
export const MAX_NESTING = 32;

/**
 * Why a value may not reach the database: PostgreSQL refuses NUL in text and JSON, and a lone surrogate would be
 * stored silently altered. Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function unsafeInput(value: unknown): 'INVALID_CHARACTERS' | 'NESTING_TOO_DEEP' | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return 'INVALID_CHARACTERS';
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_NESTING) return 'NESTING_TOO_DEEP';
      if (Buffer.isBuffer(v)) continue;
      for (const [k, child] of Object.entries(v)) {
        if (!isSafeText(k)) return 'INVALID_CHARACTERS';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** Text PostgreSQL stores as given: no NUL, well-formed UTF-16 (no lone surrogate). */
export function isSafeText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The preValidation hook: query, path parameters and parsed body checked before validation and handlers. */
export async function rejectUnsafeInput(req: FastifyRequest): Promise<void> {
  const why = unsafeInput(req.params) ?? unsafeInput(req.query) ?? unsafeInput(req.body);
  if (why) throw new AppError(why);
}

/** HTTP/1.1 requires a Host header (RFC 9112 §3.2): without one, 400 MALFORMED_REQUEST as problem+json. */
export async function requireHost(req: FastifyRequest): Promise<void> {
  if (req.raw.httpVersion === '1.1' && !req.headers.host) throw new AppError('MALFORMED_REQUEST');
}

/**
 * The rate limiter's key: the client address as the plugin normalises it (IPv6 grouped by /56). A request whose
 * connection is already gone (a broken chunked body makes Node close the socket right after the headers) has no
 * address; the plugin's own key threw on it, logged as a 500.
 */
export function rateLimitKey(req: FastifyRequest): string {
  return req.ip === undefined ? 'connection-closed' : normalizeIP(req.ip);
}

/** Router errors raised before a route is found (Fastify's `frameworkErrors`): bad URL encoding, too long a parameter. */
export function frameworkErrors(error: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
  req.log.info({ code }, 'request refused by the router');
  reply.header('x-request-id', req.id);
  return sendProblem(reply, buildProblem(code, req));
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (431 headers too large, 408, 400 unparsable): a
 * problem+json written on the socket, English and Vietnamese, then the connection closed as Node does.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'MALFORMED_REQUEST';
  writeProblemAndClose(socket, code);
}

/** A problem+json written straight on a socket (no request object to speak of), then the connection closed. */
function writeProblemAndClose(socket: Duplex, code: ErrorCode) {
  const entry = errorEntry(code);
  const body = JSON.stringify({
    type: `/api/docs/errors#${code}`,
    title: code,
    status: entry.status,
    code,
    detail: entry.vi,
    message: { vi: entry.vi, en: entry.en },
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${entry.status} ${STATUS_CODES[entry.status] ?? code}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Language: vi\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Requests Node's HTTP server answers by itself, before Fastify (fuzz-9): CONNECT (the socket was dropped without a
 * word) and an Expect other than 100-continue (a bare 417). Both get a problem+json like everything else.
 */
export function guardServerEvents(server: Server) {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => writeProblemAndClose(socket, 'METHOD_NOT_ALLOWED'));
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const entry = errorEntry('EXPECTATION_FAILED');
    const body = JSON.stringify({
      type: '/api/docs/errors#EXPECTATION_FAILED',
      title: 'EXPECTATION_FAILED',
      status: entry.status,
      code: 'EXPECTATION_FAILED',
      detail: entry.vi,
      message: { vi: entry.vi, en: entry.en },
    });
    res.shouldKeepAlive = false;
    res.writeHead(entry.status, {
      'content-type': 'application/problem+json',
      'content-language': 'vi',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    res.end(body);
  });
}

/** TRUST_PROXY as a hop count: the n nearest addresses of the X-Forwarded-For chain are proxies. */
export function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

import type { Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw, type WireAnswer } from '../fuzz/wire-fuzz-helpers.js';
import { buildTestApp } from '../testing.js';
import { loggerOptions } from './logging.js';

function expectProblem(a: WireAnswer | 'timeout' | 'reset', status: number, code: string) {
  expect(a).not.toBe('timeout');
  expect(a).not.toBe('reset');
  const answer = a as WireAnswer;
  expect(answer.status, answer.raw.slice(0, 300)).toBe(status);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(answer.body) as { code: string; message: { vi: string; en: string } };
  expect(body.code).toBe(code);
  expect(body.message.vi).toBeTruthy();
  expect(body.message.en).toBeTruthy();
}

/** What Node's HTTP server used to answer by itself, outside Fastify and its error handler (fuzz-9). */
describe('requests Node answers before Fastify: problem+json on the wire (fuzz-9)', () => {
  let database: Database;
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('CONNECT: 405 METHOD_NOT_ALLOWED, not a connection dropped without an answer', async () => {
    const a = await sendRaw(port, Buffer.from('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'));
    expectProblem(a, 405, 'METHOD_NOT_ALLOWED');
  });

  it('an Expect other than 100-continue: 417 EXPECTATION_FAILED as problem+json, not an empty 417', async () => {
    const a = await sendRaw(
      port,
      Buffer.from('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n'),
    );
    expectProblem(a, 417, 'EXPECTATION_FAILED');
  });

  it('HTTP/1.1 without Host: 400 MALFORMED_REQUEST as problem+json, not an empty 400; HTTP/1.0 still served', async () => {
    const a = await sendRaw(port, Buffer.from('GET /api/procedures HTTP/1.1\r\nConnection: close\r\n\r\n'));
    expectProblem(a, 400, 'MALFORMED_REQUEST');
    const old = await sendRaw(port, Buffer.from('GET /healthz HTTP/1.0\r\n\r\n'));
    expect((old as WireAnswer).status).toBe(200);
  });
});

describe('a request whose connection is gone before it is handled (fuzz-9)', () => {
  let database: Database;
  let app: FastifyInstance;
  let port: number;
  const logLines: string[] = [];
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, {
      logger: loggerOptions('info', { write: (line: string) => logLines.push(line) }),
    }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('a broken chunked body on a rate-limited route: 400 on the wire and no 500 in the log', async () => {
    const a = await sendRaw(
      port,
      Buffer.from(
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
      ),
    );
    expectProblem(a, 400, 'MALFORMED_REQUEST');
    await new Promise((r) => setTimeout(r, 300));
    expect(logLines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});

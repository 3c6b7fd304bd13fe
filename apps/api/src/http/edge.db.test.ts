import { connect } from 'node:net';
import type { Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../testing.js';
import { loggerOptions } from './logging.js';

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
}

/** Send raw bytes to a listening server and return the whole answer. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('utf8');
    });
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
  });
}

describe('any input gets a clear answer: the edge of the API (issue 16)', () => {
  let database: Database;
  let app: FastifyInstance;
  let official: Signed;
  const logLines: string[] = [];
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, {
      logger: loggerOptions('info', { write: (line: string) => logLines.push(line) }),
      register: async (api) => {
        // A database error carrying personal data in its parameters, as a repository bug would raise.
        api.get('/test/sql-crash', async () => {
          await sql`select ${'Nguyễn Văn Bí 0912345678'}::int as n`.execute(database.db);
          return {};
        });
      },
    }));
    official = await signIn(app, database);
  });
  afterAll(async () => {
    await app.close();
  });

  it('NUL in the public lookup query: 400 INVALID_CHARACTERS, not 500', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/dossiers/public/lookup?code=000.00.01.H01-260302-0001%00&secondFactor=0912345678',
    });
    expectProblem(res, 400, 'INVALID_CHARACTERS');
  });

  it('a date that does not exist (2026-02-30) in a query: 400 VALIDATION_FAILED, not a 500 from the database', async () => {
    // Found by `npm run fuzz` (the long budget): the shape was checked, the calendar was not.
    for (const url of [
      '/api/admin-units/units/79?onDate=2026-02-30',
      '/api/admin-units/units/79/children?onDate=2025-02-29',
      '/api/admin-units/readiness/no-online-approver?onDate=2026-02-30&provinceCode=79',
      '/api/dossiers/stats?from=2026-04-31',
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: official.headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
    }
  });

  it('NUL or a lone surrogate in a JSON body: 400 INVALID_CHARACTERS', async () => {
    for (const payload of ['{"username":"a\\u0000b","password":"x"}', '{"username":"a\\ud800","password":"x"}']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectProblem(res, 400, 'INVALID_CHARACTERS');
    }
  });

  it('NUL in a search term and in a path parameter of a signed-in official: 400', async () => {
    const search = await app.inject({
      method: 'GET',
      url: '/api/search/procedures?q=h%00o',
      headers: official.headers,
    });
    expect(search.statusCode).toBe(400);
    expect(search.json().code).toMatch(/INVALID_CHARACTERS|VALIDATION_FAILED/);
    const byId = await app.inject({ method: 'GET', url: '/api/dossiers/ab%00cd', headers: official.headers });
    expectProblem(byId, 400, 'INVALID_CHARACTERS');
  });

  it('deeply nested JSON: 400 NESTING_TOO_DEEP', async () => {
    const payload = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":${payload},"password":"x"}`,
    });
    expectProblem(res, 400, 'NESTING_TOO_DEEP');
  });

  it('414 for a path parameter longer than the router allows, as problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/dossiers/${'a'.repeat(500)}`, headers: official.headers });
    expectProblem(res, 414, 'URI_TOO_LONG');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('400 for a URL that does not decode, as problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dossiers/%E0%A4%A', headers: official.headers });
    expectProblem(res, 400, 'MALFORMED_REQUEST');
  });

  it('multipart without a boundary, or cut off: 400 MULTIPART_MALFORMED', async () => {
    const url = '/api/dossiers/00000000-0000-4000-8000-000000000000/attachments';
    const noBoundary = await app.inject({
      method: 'POST',
      url,
      headers: { ...official.headers, 'content-type': 'multipart/form-data' },
      payload: 'whatever',
    });
    expectProblem(noBoundary, 400, 'MULTIPART_MALFORMED');
    const truncated = await app.inject({
      method: 'POST',
      url,
      headers: { ...official.headers, 'content-type': 'multipart/form-data; boundary=XyZ' },
      payload:
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut',
    });
    expectProblem(truncated, 400, 'MULTIPART_MALFORMED');
  });

  it('NUL in a multipart field: 400 INVALID_CHARACTERS', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/dossiers/00000000-0000-4000-8000-000000000000/attachments',
      headers: { ...official.headers, 'content-type': 'multipart/form-data; boundary=XyZ' },
      payload: '--XyZ\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\nk\u0000ey\r\n--XyZ--\r\n',
    });
    expectProblem(res, 400, 'INVALID_CHARACTERS');
  });

  it('431 for oversized headers, as problem+json on the wire', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const answer = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('content-type: application/problem+json'.replace('content-type', 'Content-Type'));
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).code).toBe('HEADERS_TOO_LARGE');
  });

  it('a database error is logged without SQL, parameters or personal data; the query string is masked', async () => {
    logLines.length = 0;
    const res = await app.inject({ method: 'GET', url: '/api/test/sql-crash?name=Tr%E1%BA%A7n' });
    expectProblem(res, 500, 'INTERNAL_ERROR');
    const log = logLines.join('\n');
    expect(log).toContain('request failed');
    expect(log).not.toMatch(/Nguy|0912345678|select|Trần|Tr%E1/i);
    const lookup = await app.inject({
      method: 'GET',
      url: '/api/dossiers/public/lookup?code=000.00.01.H01-260302-0001&secondFactor=0912345678',
      headers: { cookie: 'motcua_session=abc' },
    });
    expect(lookup.statusCode).toBeLessThan(500);
    const after = logLines.join('\n');
    expect(after).not.toMatch(/0912345678|H01-260302|motcua_session=abc/);
    expect(after).toContain('secondFactor=…');
  });
});

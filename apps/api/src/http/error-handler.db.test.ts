import { AppError } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp } from '../testing.js';

/** Routes that fail on purpose, mounted under /api/test. */
async function failingRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/test/echo',
    { schema: { body: z.object({ name: z.string().min(2), age: z.number().int().positive() }) } },
    async (req) => req.body,
  );
  r.get('/test/conflict', async () => {
    throw new AppError('CONFLICT');
  });
  r.get('/test/forbidden', async () => {
    throw new AppError('FORBIDDEN');
  });
  r.get('/test/missing', async () => {
    throw new AppError('NOT_FOUND');
  });
  // What node-postgres throws when no pool connection frees up in connectionTimeoutMillis, and PostgreSQL's
  // statement_timeout / idle_in_transaction_session_timeout cancellations.
  r.get('/test/pool-timeout', async () => {
    throw new Error('timeout exceeded when trying to connect');
  });
  r.get('/test/statement-timeout', async () => {
    throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  });
  r.get('/test/idle-timeout', async () => {
    throw Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' });
  });
  r.get('/test/crash', async () => {
    throw new Error('database password is hunter2 at /srv/secret.ts:42');
  });
}

describe('error handler: every failure is problem+json with a stable code', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, {
      env: { BODY_LIMIT_BYTES: '2048', LOGIN_RATE_LIMIT_PER_MINUTE: '3' },
      register: failingRoutes,
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('400 names the invalid fields, in Vietnamese by default', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'A', age: -1 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.detail).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(p.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.age', 'body.name']);
    expect(p.requestId).toBe(res.headers['x-request-id']);
  });

  it("each field's error is in Vietnamese by default, with both languages beside it", async () => {
    const payload = { name: 'A', age: -1 };
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload });
    const byField = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e]));
    expect(byField['body.name']).toMatchObject({
      message: 'Cần ít nhất 2 ký tự.',
      messages: { vi: 'Cần ít nhất 2 ký tự.', en: expect.stringMatching(/^Too small/) },
    });
    expect(byField['body.age'].message).toBe('Phải lớn hơn 0.');
    const en = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'accept-language': 'en' },
      payload,
    });
    const enName = en.json().errors.find((e: { field: string }) => e.field === 'body.name');
    expect(enName.message).toMatch(/^Too small/);
    expect(enName.messages.vi).toBe('Cần ít nhất 2 ký tự.');
  });

  it('speaks English when the client prefers it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' },
      payload: {},
    });
    expect(res.json().detail).toBe('The request data is invalid.');
    expect(res.headers['content-language']).toBe('en');
  });

  it('400 for malformed JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_REQUEST');
  });

  it('401 when a protected route is called without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('403, 404, 409 from AppError codes', async () => {
    for (const [url, status, code] of [
      ['/api/test/forbidden', 403, 'FORBIDDEN'],
      ['/api/test/missing', 404, 'NOT_FOUND'],
      ['/api/test/conflict', 409, 'CONFLICT'],
      ['/api/no-such-thing', 404, 'ROUTE_NOT_FOUND'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json().code, url).toBe(code);
    }
  });

  it('413 when the body exceeds the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'x'.repeat(5000), age: 3 },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('415 for an unsupported content type', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<name>x</name>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('500 without leaking the message or stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL_ERROR');
    expect(res.body).not.toMatch(/hunter2|secret\.ts|at \//);
  });

  it('503 SERVICE_UNAVAILABLE when the database is saturated (pool, statement or idle-in-transaction time-out)', async () => {
    for (const url of ['/api/test/pool-timeout', '/api/test/statement-timeout', '/api/test/idle-timeout']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('429 after too many login attempts, with Retry-After', async () => {
    const attempt = () =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await attempt();
    expect(res.json().code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('operational endpoints', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database));
  });
  afterAll(async () => {
    await app.close();
  });

  it('/healthz and /readyz report process and database', async () => {
    expect((await app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', migrations: { pending: 0 } });
  });

  it('/metrics exposes request counts and latency by route in Prometheus format', async () => {
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/motcua_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('motcua_http_request_duration_seconds_bucket');
  });

  it('serves an OpenAPI 3.1 document generated from the Zod schemas', async () => {
    const res = await app.inject('/api/docs/json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
    const ref: string = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.$ref;
    const schema = doc.components.schemas[ref.split('/').pop() as string];
    expect(schema.required).toEqual(['username', 'password']);
    expect(doc.components.schemas.SessionInfo ?? doc.components.schemas.SessionInfoOutput).toBeDefined();
  });

  it('sets security headers', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

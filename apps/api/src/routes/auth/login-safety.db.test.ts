import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

const login = (app: FastifyInstance, username: string, password: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username, password },
  });

async function auditRows(database: Database, action: string) {
  const r = await sql<{ entityId: string; data: { ip?: string } }>`
    select entity_id, data from audit_events where action = ${action} order by id`.execute(database.db);
  return r.rows;
}

describe('proxies: X-Forwarded-For is not trusted by default (issue 16)', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('a forged X-Forwarded-For neither resets the per-IP login limit nor reaches the audit log', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(app, `nobody${i}`, 'wrong', `203.0.113.${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const failed = await auditRows(database, 'auth.login_failed');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((r) => r.data.ip === '127.0.0.1')).toBe(true);
  });
});

describe('proxies: a listed proxy is trusted; logins are locked per username (issue 16)', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, {
      env: { TRUST_PROXY: '127.0.0.1', LOGIN_FAILURES_PER_USERNAME: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('the client address comes from the trusted proxy’s X-Forwarded-For', async () => {
    const o = await newOfficial(database);
    expect((await login(app, o.username, o.password, '198.51.100.7')).statusCode).toBe(200);
    const rows = await auditRows(database, 'auth.login');
    expect(rows.at(-1)?.data.ip).toBe('198.51.100.7');
  });

  it('after 3 failures from 3 addresses the username is locked, even for the right password; the audit shows it', async () => {
    const o = await newOfficial(database);
    for (let i = 0; i < 3; i++) expect((await login(app, o.username, 'wrong', `192.0.2.${i}`)).statusCode).toBe(401);
    const locked = await login(app, o.username, o.password, '192.0.2.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const lockouts = await auditRows(database, 'auth.lockout');
    expect(lockouts.map((r) => r.entityId)).toContain(o.username.toLowerCase());
    // Another username is not affected.
    const other = await newOfficial(database);
    expect((await login(app, other.username, other.password, '192.0.2.1')).statusCode).toBe(200);
  });

  it('logout is audited', async () => {
    const o = await newOfficial(database);
    const res = await login(app, o.username, o.password);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const rows = await createAuditRepository(database.db).listAudit('user', o.id);
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.logout']);
  });
});

describe('production cookies (issue 16)', () => {
  it('the session cookie is Secure in production even with the default http PUBLIC_URL', async () => {
    const database = await createTestDb();
    const { app } = await buildTestApp(database, {
      env: {
        NODE_ENV: 'production',
        PORTAL_URL: 'https://dvc.example.vn',
        SMTP_URL: 'smtp://mail.example.vn:587',
        SMS_GATEWAY_URL: 'https://sms.example.vn',
        OIDC_ISSUER: 'https://sso.vneid.example.vn',
        PAYMENT_GATEWAY_URL: 'https://pay.example.vn',
        PAYMENT_SECRET: 'a-long-shared-secret-0123',
      },
    });
    try {
      const o = await newOfficial(database);
      const res = await login(app, o.username, o.password);
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  });
});

import { SESSION_COOKIE } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../testing.js';

describe('official sign-in with server-side sessions', () => {
  let database: Database;
  let app: FastifyInstance;
  const clock = fixedClock('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, {
      clock,
      env: { SESSION_TTL_HOURS: '8', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs in with an httpOnly SameSite=Lax cookie and returns grants and a CSRF token', async () => {
    const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode: '26743' }] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username.toUpperCase(), password: o.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.user.grants).toEqual([{ role: 'reception', unitCode: '26743' }]);
    // What the pages may offer, decided by the policy: a receptionist receives and returns in her ward only.
    expect(body.allowed).toContainEqual({ action: 'dossier.receive', unitCode: '26743' });
    expect(body.allowed.map((a: { action: string }) => a.action)).not.toContain('procedure.configure');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const audit = await createAuditRepository(database.db).listAudit('user', o.id);
    expect(audit.map((a) => a.action)).toContain('auth.login');
  });

  it('refuses a wrong password and an unknown user with the same code', async () => {
    const o = await newOfficial(database);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username, password: 'x' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khong-ton-tai', password: 'x' },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect([wrong.json().code, unknown.json().code]).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
  });

  it('refuses a disabled account', async () => {
    const o = await newOfficial(database, { isActive: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username, password: o.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('the session cookie identifies the official until logout', async () => {
    const s = await signIn(app, database, [{ role: 'specialist', unitCode: '00070' }]);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.grants).toEqual([{ role: 'specialist', unitCode: '00070' }]);

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const s = await signIn(app, database);
    const noToken = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const badToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(badToken.json().code).toBe('CSRF_TOKEN_INVALID');
    // the session survived the forged requests
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
  });

  it('expires an idle session after the TTL and says so', async () => {
    const s = await signIn(app, database);
    clock.advance(7 * 3_600_000); // within 8 h: sliding expiry extends it
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    clock.advance(8 * 3_600_000 + 1000);
    const res = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    // the expired session is gone: a second call is a plain 401
    const again = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(again.json().code).toBe('UNAUTHENTICATED');
  });

  it('revokes every session of the official', async () => {
    const o = await newOfficial(database);
    const login = async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: o.username, password: o.password },
      });
      return { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: r.json().csrfToken as string };
    };
    const a = await login();
    const b = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    });
    expect(res.json()).toEqual({ revoked: 2 });
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
  });

  it('grants follow their period: a grant that starts tomorrow is not effective today', async () => {
    clock.set('2026-03-02T16:59:00Z'); // 23:59 on 2 March in Vietnam
    const o = await newOfficial(database, {
      grants: [{ role: 'reception', unitCode: '26743', validFrom: '2026-03-03' }],
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username, password: o.password },
    });
    expect(res.json().user.grants).toEqual([]);
    clock.set('2026-03-02T17:00:00Z'); // midnight in Vietnam: the grant is now effective
    const later = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username, password: o.password },
    });
    expect(later.json().user.grants).toEqual([{ role: 'reception', unitCode: '26743' }]);
  });
});

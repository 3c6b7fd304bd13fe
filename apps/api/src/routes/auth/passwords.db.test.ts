import { createFirstAdministrator, isAppError } from '@mot-cua/core';
import {
  createAuditPort,
  createAuditRepository,
  createUsersRepository,
  type Database,
  migrate,
  openDatabase,
} from '@mot-cua/db';
import { createScratchDatabase, createTestDb, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../http/auth.js';
import { buildTestApp } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database));
});
afterAll(async () => {
  await app.close();
});

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('password change (issue 16)', () => {
  it('needs the current password, follows the policy, ends the other sessions and is audited', async () => {
    const o = await newOfficial(database);
    const first = await login(o.username, o.password);
    const second = await login(o.username, o.password);
    const headers = {
      cookie: String(first.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': first.json().csrfToken,
    };
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword, newPassword } });

    expect((await change('wrong', 'a-long-enough-passphrase')).json().code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await change(o.password, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    expect((await change(o.password, `${o.username}-2026!`)).json().code).toBe('PASSWORD_TOO_WEAK');

    const ok = await change(o.password, 'ba con mèo trèo cây cau');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ revokedSessions: 1 });
    // The other session is gone, this one stays; the new password signs in, the old does not.
    const otherCookie = String(second.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/session', headers })).statusCode).toBe(200);
    expect((await login(o.username, o.password)).statusCode).toBe(401);
    expect((await login(o.username, 'ba con mèo trèo cây cau')).statusCode).toBe(200);
    const actions = (await createAuditRepository(database.db).listAudit('user', o.id)).map((r) => r.action);
    expect(actions).toContain('auth.password_changed');
  });
});

describe('first administrator (npm run admin:create)', () => {
  // An installation of its own (on PostgreSQL the shared test database already has administrators).
  let fresh: Database;
  let freshApp: FastifyInstance;
  let drop = async () => {};
  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      const scratch = await createScratchDatabase(url);
      drop = scratch.drop;
      fresh = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
      await migrate(fresh);
    } else fresh = await createTestDb();
    ({ app: freshApp } = await buildTestApp(fresh));
  });
  afterAll(async () => {
    await freshApp.close();
    await drop();
  });
  const create = (username: string, password: string) =>
    fresh.db
      .transaction()
      .execute((trx) =>
        createFirstAdministrator(
          { username, fullName: 'Quản Trị Viên', password },
          { users: createUsersRepository(trx), hasher: passwordHasher, audit: createAuditPort(trx, 'test') },
        ),
      );
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e) => (isAppError(e) ? e.code : String(e)),
    );

  it('refuses a weak password, creates a nationwide administrator who can sign in, then refuses a second', async () => {
    expect(await codeOf(create('quantri', 'matkhau12345'))).toBe('PASSWORD_TOO_WEAK');
    const { userId } = await create('quantri', 'một mật khẩu rất dài 2026');
    const res = await freshApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri', password: 'một mật khẩu rất dài 2026' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.grants).toEqual([{ role: 'system_admin', unitCode: 'VN' }]);
    const audit = await createAuditRepository(fresh.db).listAudit('user', userId);
    expect(audit.map((r) => r.action)).toContain('user.first_administrator_created');
    expect(await codeOf(create('quantri2', 'một mật khẩu rất dài 2027'))).toBe('ADMINISTRATOR_EXISTS');
  });
});

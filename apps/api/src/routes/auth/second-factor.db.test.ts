import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let clock: { now(): Date; advance(ms: number): void };

beforeAll(async () => {
  database = await createTestDb();
  const built = await buildTestApp(database);
  app = built.app;
  clock = built.clock as unknown as typeof clock;
});
afterAll(async () => {
  await app.close();
});

type Headers = { cookie: string; 'x-csrf-token': string };
const login = (username: string, password: string, secondFactor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(secondFactor ? { secondFactor } : {}) },
    headers: { 'user-agent': 'Thử nghiệm/1.0' },
  });
const headersOf = (r: Awaited<ReturnType<typeof login>>): Headers => ({
  cookie: String(r.headers['set-cookie']).split(';')[0]!,
  'x-csrf-token': r.json().csrfToken,
});
const codeAt = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
const actionsOf = async (userId: string) =>
  (await createAuditRepository(database.db).listAudit('user', userId)).map((r) => r.action);

describe('TOTP second factor (issue 16)', () => {
  it('enrol with a QR code, confirm with a code, then sign-in asks for a code used once; recovery codes once', async () => {
    const admin = await newOfficial(database, { grants: [{ role: 'system_admin', unitCode: 'VN' }] });
    const headers = headersOf(await login(admin.username, admin.password));
    const session = (await app.inject({ url: '/api/auth/session', headers })).json();
    expect(session.account).toEqual({ mustChangePassword: false, secondFactor: false, secondFactorOffered: true });

    const enrol = await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers });
    expect(enrol.statusCode, enrol.body).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = enrol.json();
    expect(otpauthUri).toContain(`otpauth://totp/`);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not on until confirmed: sign-in still needs no code.
    expect((await login(admin.username, admin.password)).statusCode).toBe(200);

    const confirm = (code: string) =>
      app.inject({ method: 'POST', url: '/api/auth/second-factor/confirm', headers, payload: { code } });
    const wrong = await confirm((Number(await codeAt(secret)) ^ 1).toString().padStart(6, '0'));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const ok = await confirm(await codeAt(secret));
    expect(ok.statusCode, ok.body).toBe(200);
    const { recoveryCodes } = ok.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Only hashes are stored.
    const stored = await database.db
      .selectFrom('userRecoveryCodes')
      .select('codeHash')
      .where('userId', '=', admin.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);

    // The code used to confirm cannot sign in (same time step); the next step's code can, once.
    const needs = await login(admin.username, admin.password);
    expect(needs.statusCode).toBe(401);
    expect(needs.json().code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await login(admin.username, admin.password, await codeAt(secret))).json().code).toBe(
      'SECOND_FACTOR_INVALID',
    );
    clock.advance(30_000);
    const code = await codeAt(secret);
    const withCode = await login(admin.username, admin.password, code);
    expect(withCode.statusCode, withCode.body).toBe(200);
    expect(withCode.json().account.secondFactor).toBe(true);
    expect((await login(admin.username, admin.password, code)).json().code).toBe('SECOND_FACTOR_INVALID');
    // A wrong password never reaches the code question.
    expect((await login(admin.username, 'sai-mat-khau-roi', code)).json().code).toBe('INVALID_CREDENTIALS');

    // A recovery code works once, typed in capitals and without dashes.
    const recovery = recoveryCodes[3]!.replaceAll('-', '').toUpperCase();
    expect((await login(admin.username, admin.password, recovery)).statusCode).toBe(200);
    expect((await login(admin.username, admin.password, recovery)).json().code).toBe('SECOND_FACTOR_INVALID');

    // Turning it off asks for the password.
    const h2 = headersOf(withCode);
    const off = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/second-factor/disable', headers: h2, payload: { password } });
    expect((await off('sai-mat-khau-roi')).json().code).toBe('CURRENT_PASSWORD_WRONG');
    expect((await off(admin.password)).statusCode).toBe(204);
    expect((await login(admin.username, admin.password)).statusCode).toBe(200);

    expect(await actionsOf(admin.id)).toEqual(
      expect.arrayContaining([
        'auth.totp_enrolment_started',
        'auth.totp_confirm_failed',
        'auth.totp_enabled',
        'auth.totp_disabled',
      ]),
    );
  });

  it('wrong codes count towards the per-username lockout', async () => {
    const supervisor = await newOfficial(database, { grants: [{ role: 'supervisor', unitCode: 'VN' }] });
    const headers = headersOf(await login(supervisor.username, supervisor.password));
    const { secret } = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers })).json();
    await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/confirm',
      headers,
      payload: { code: await codeAt(secret) },
    });
    clock.advance(30_000);
    for (let i = 0; i < 10; i++) {
      expect((await login(supervisor.username, supervisor.password, '000000')).statusCode).toBe(401);
    }
    const locked = await login(supervisor.username, supervisor.password, await codeAt(secret));
    expect(locked.statusCode).toBe(429);
    clock.advance(16 * 60_000);
  });

  it('is offered to administrators and supervisors only', async () => {
    const clerk = await newOfficial(database, { grants: [{ role: 'reception', unitCode: '26734' }] });
    const headers = headersOf(await login(clerk.username, clerk.password));
    const r = await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('SECOND_FACTOR_NOT_OFFERED');
  });
});

describe('sessions listed and revoked by their owner', () => {
  it('lists one’s own sessions, ends one of them, and cannot touch another official’s', async () => {
    const o = await newOfficial(database);
    const first = headersOf(await login(o.username, o.password));
    const second = headersOf(await login(o.username, o.password));
    const list = await app.inject({ url: '/api/auth/sessions', headers: first });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<{ id: string; current: boolean; userAgent: string }>;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items[0]!.userAgent).toBe('Thử nghiệm/1.0');
    const other = items.find((s) => !s.current)!;

    const someoneElse = await newOfficial(database);
    const theirs = headersOf(await login(someoneElse.username, someoneElse.password));
    const stolen = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: theirs });
    expect(stolen.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/auth/session', headers: second })).statusCode).toBe(200);

    const revoked = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: first });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/session', headers: second })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/session', headers: first })).statusCode).toBe(200);
    expect(await actionsOf(o.id)).toContain('auth.session_revoked');
  });
});

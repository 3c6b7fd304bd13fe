import type { Role } from '@mot-cua/contracts';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, newOfficial, uniqueSuffix } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let clock: Awaited<ReturnType<typeof buildTestApp>>['clock'] & { advance?(ms: number): void };
// Province A with communes a1, a2; province B with commune b1 (fake codes, unique to this run).
let A: string;
let a1: string;
let a2: string;
let B: string;
let b1: string;

type Headers = { cookie: string; 'x-csrf-token': string };
async function signIn(username: string, password: string, secondFactor?: string): Promise<Headers> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(secondFactor ? { secondFactor } : {}) },
  });
  expect(r.statusCode, r.body).toBe(200);
  return { cookie: String(r.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': r.json().csrfToken };
}
async function official(...grants: Array<{ role: Role; unitCode: string }>) {
  const o = await newOfficial(database, { grants, fullName: `Cán Bộ ${uniqueSuffix()}` });
  return { ...o, headers: await signIn(o.username, o.password) };
}
const createUser = (headers: Headers, grants: Array<{ role: string; unitCode: string }>, username?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers,
    payload: { username: username ?? `nv-${uniqueSuffix()}`, fullName: 'Lê Thị Mới', grants },
  });

beforeAll(async () => {
  database = await createTestDb();
  ({ app, clock } = await buildTestApp(database));
  const pa = await insertDossierTestUnits(database.db, 2);
  const pb = await insertDossierTestUnits(database.db, 1);
  [A, a1, a2, B, b1] = [
    pa.provinceCode,
    pa.communeCodes[0]!,
    pa.communeCodes[1]!,
    pb.provinceCode,
    pb.communeCodes[0]!,
  ];
});
afterAll(async () => {
  await app.close();
});

describe('creating accounts: the authorization matrix over HTTP', () => {
  it('grants only within one’s jurisdiction and never above one’s own role', async () => {
    const national = await official({ role: 'system_admin', unitCode: 'VN' });
    const province = await official({ role: 'system_admin', unitCode: A });
    const director = await official({ role: 'center_director', unitCode: a1 });
    const clerk = await official({ role: 'reception', unitCode: a1 });
    const cases: Array<[string, Headers, string, string, number, string | null]> = [
      ['national', national.headers, 'system_admin', 'VN', 201, null],
      ['national', national.headers, 'reception', b1, 201, null],
      ['province', province.headers, 'specialist', a2, 201, null],
      ['province', province.headers, 'system_admin', A, 201, null],
      ['province', province.headers, 'reception', b1, 403, 'OUT_OF_JURISDICTION'],
      ['province', province.headers, 'supervisor', B, 403, 'OUT_OF_JURISDICTION'],
      ['province', province.headers, 'system_admin', 'VN', 403, 'OUT_OF_JURISDICTION'],
      ['director', director.headers, 'reception', a1, 201, null],
      ['director', director.headers, 'department_head', a1, 201, null],
      ['director', director.headers, 'reception', a2, 403, 'OUT_OF_JURISDICTION'],
      ['director', director.headers, 'leader', a1, 403, 'GRANT_ABOVE_OWN_ROLE'],
      ['director', director.headers, 'center_director', a1, 403, 'GRANT_ABOVE_OWN_ROLE'],
      ['director', director.headers, 'system_admin', a1, 403, 'GRANT_ABOVE_OWN_ROLE'],
      ['clerk', clerk.headers, 'reception', a1, 403, 'FORBIDDEN'],
    ];
    for (const [who, headers, role, unit, status, code] of cases) {
      const r = await createUser(headers, [{ role, unitCode: unit }]);
      expect(r.statusCode, `${who} → ${role}@${unit}: ${r.body}`).toBe(status);
      if (code) expect(r.json().code).toBe(code);
      else expect(r.json().oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    }
    // The citizen role is never granted by hand; an unknown unit is refused.
    expect((await createUser(national.headers, [{ role: 'citizen', unitCode: 'VN' }])).statusCode).toBe(400);
    expect((await createUser(national.headers, [{ role: 'reception', unitCode: 'ZZ999' }])).json().code).toBe(
      'ADMIN_UNIT_NOT_FOUND',
    );
    // Refused creations wrote nothing: no account, no audit row for them.
    const name = `nv-${uniqueSuffix()}`;
    await createUser(province.headers, [{ role: 'reception', unitCode: b1 }], name);
    expect(await signInStatus(name, 'whatever-password')).toBe(401);
    // Anonymous: 401.
    expect((await app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });
});

const signInStatus = async (username: string, password: string) =>
  (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;

describe('one-time password and forced change', () => {
  it('a new account signs in with its one-time password, may only change it, then works; audited', async () => {
    const admin = await official({ role: 'system_admin', unitCode: A });
    const username = `nv-${uniqueSuffix()}`;
    const created = await createUser(admin.headers, [{ role: 'reception', unitCode: a1 }], username);
    expect(created.statusCode, created.body).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(user).toMatchObject({ username, isActive: true, mustChangePassword: true, manageable: true });
    expect(user.grants).toMatchObject([{ role: 'reception', unitCode: a1, validFrom: '2026-03-02', revocable: true }]);

    const headers = await signIn(username, oneTimePassword);
    const session = await app.inject({ url: '/api/auth/session', headers });
    expect(session.json().account).toEqual({
      mustChangePassword: true,
      secondFactor: false,
      secondFactorOffered: false,
    });
    const blocked = await app.inject({ url: '/api/dossiers', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: oneTimePassword },
    });
    expect(same.json().code).toBe('PASSWORD_REUSED');
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: 'mùa thu lá vàng rơi đầy sân' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await app.inject({ url: '/api/auth/session', headers })).json().account.mustChangePassword).toBe(false);
    expect((await app.inject({ url: '/api/dossiers', headers })).statusCode).not.toBe(403);

    const audit = await createAuditRepository(database.db).listAudit('user', user.id);
    const createdRow = audit.find((r) => r.action === 'user.created');
    expect(createdRow?.actorUserId).toBe(admin.id);
    expect(audit.map((r) => r.action)).toContain('auth.password_changed');
  });

  it('a one-time password stops working after three days', async () => {
    const admin = await official({ role: 'system_admin', unitCode: 'VN' });
    const username = `nv-${uniqueSuffix()}`;
    const { oneTimePassword } = (
      await createUser(admin.headers, [{ role: 'specialist', unitCode: b1 }], username)
    ).json();
    const at = clock.now();
    clock.advance!(3 * 24 * 3_600_000 + 1_000);
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: oneTimePassword },
      });
      expect(r.json().code).toBe('ONE_TIME_PASSWORD_EXPIRED');
    } finally {
      (clock as unknown as { set(d: Date): void }).set(at);
    }
  });
});

describe('disable, enable, reset', () => {
  it('disabling ends every session at once; reset gives a new one-time password and ends sessions; audited', async () => {
    const admin = await official({ role: 'system_admin', unitCode: A });
    const target = await official({ role: 'specialist', unitCode: a2 });
    const other = await official({ role: 'specialist', unitCode: b1 });
    const post = (url: string, payload?: object) =>
      app.inject({ method: 'POST', url, headers: admin.headers, ...(payload ? { payload } : {}) });

    const off = await post(`/api/admin/users/${target.id}/disable`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().isActive).toBe(false);
    expect((await app.inject({ url: '/api/auth/session', headers: target.headers })).statusCode).toBe(401);
    expect(await signInStatus(target.username, target.password)).toBe(403);
    expect((await post(`/api/admin/users/${target.id}/enable`)).json().isActive).toBe(true);
    expect(await signInStatus(target.username, target.password)).toBe(200);

    const again = await signIn(target.username, target.password);
    const reset = await post(`/api/admin/users/${target.id}/reset-password`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await app.inject({ url: '/api/auth/session', headers: again })).statusCode).toBe(401);
    expect(await signInStatus(target.username, target.password)).toBe(401);
    expect(await signInStatus(target.username, reset.json().oneTimePassword)).toBe(200);

    // Outside the province: not even visible; oneself: refused.
    expect((await post(`/api/admin/users/${other.id}/disable`)).json().code).toBe('OUT_OF_JURISDICTION');
    expect((await post(`/api/admin/users/${other.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/admin/users/${other.id}`, headers: admin.headers })).statusCode).toBe(404);
    expect((await post(`/api/admin/users/${admin.id}/disable`)).json().code).toBe('CANNOT_MANAGE_SELF');

    const actions = (await createAuditRepository(database.db).listAudit('user', target.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled', 'user.password_reset']));
  });

  it('a province administrator cannot reset a nationwide administrator nor a director their leader', async () => {
    const province = await official({ role: 'system_admin', unitCode: A });
    const nationwide = await official({ role: 'system_admin', unitCode: 'VN' }, { role: 'reception', unitCode: a1 });
    const director = await official({ role: 'center_director', unitCode: a1 });
    const leader = await official({ role: 'leader', unitCode: a1 });
    const reset = (h: Headers, id: string) =>
      app.inject({ method: 'POST', url: `/api/admin/users/${id}/reset-password`, headers: h, payload: {} });
    expect((await reset(province.headers, nationwide.id)).json().code).toBe('OUT_OF_JURISDICTION');
    expect((await reset(director.headers, leader.id)).json().code).toBe('GRANT_ABOVE_OWN_ROLE');
    // Both accounts still sign in with their passwords.
    expect(await signInStatus(nationwide.username, nationwide.password)).toBe(200);
    expect(await signInStatus(leader.username, leader.password)).toBe(200);
  });
});

describe('grants', () => {
  it('added and revoked within one’s jurisdiction; a revoked grant no longer counts; audited', async () => {
    const admin = await official({ role: 'system_admin', unitCode: A });
    const target = await official({ role: 'reception', unitCode: a1 });
    const add = (unitCode: string, role = 'specialist', validFrom?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/admin/users/${target.id}/grants`,
        headers: admin.headers,
        payload: { role, unitCode, ...(validFrom ? { validFrom } : {}) },
      });
    const added = await add(a2);
    expect(added.statusCode, added.body).toBe(201);
    expect((await add(a2)).json().code).toBe('GRANT_DUPLICATE');
    expect((await add(b1)).json().code).toBe('OUT_OF_JURISDICTION');
    expect((await add(a2, 'leader', '2026-01-01')).statusCode).toBe(400);
    expect((await add(a2, 'leader', '2026-02-31')).json().code).toBe('VALIDATION_FAILED');
    expect((await add(a2, 'leader', '2026-99-99')).statusCode).toBe(400);
    const future = await add(a2, 'leader', '2026-04-01');
    expect(future.statusCode).toBe(201);

    const grants = future.json().grants as Array<{ id: string; role: string; unitCode: string; validFrom: string }>;
    const reception = grants.find((g) => g.role === 'reception')!;
    const leader = grants.find((g) => g.role === 'leader')!;
    const del = (id: string, headers = admin.headers) =>
      app.inject({ method: 'DELETE', url: `/api/admin/users/${target.id}/grants/${id}`, headers });
    expect((await del(reception.id)).statusCode).toBe(204);
    expect((await del(leader.id)).statusCode).toBe(204);
    expect((await del(leader.id)).json().code).toBe('GRANT_NOT_FOUND');

    const view = (await app.inject({ url: `/api/admin/users/${target.id}`, headers: admin.headers })).json();
    expect(view.grants.map((g: { role: string }) => g.role)).toEqual(['specialist']);
    const session = (await app.inject({ url: '/api/auth/session', headers: target.headers })).json();
    expect(session.user.grants).toEqual([{ role: 'specialist', unitCode: a2 }]);

    // Another province's administrator may not revoke it; the target may not be given grants by themselves.
    const otherAdmin = await official({ role: 'system_admin', unitCode: B });
    const specialist = view.grants[0].id as string;
    expect((await del(specialist, otherAdmin.headers)).json().code).toBe('OUT_OF_JURISDICTION');
    const audit = (await createAuditRepository(database.db).listAudit('user', target.id)).map((r) => r.action);
    expect(audit.filter((a) => a === 'user.grant_added')).toHaveLength(2);
    expect(audit.filter((a) => a === 'user.grant_revoked')).toHaveLength(2);
  });
});

describe('the list', () => {
  it('shows officials within one’s jurisdiction only, searched without accents', async () => {
    const province = await official({ role: 'system_admin', unitCode: A });
    const national = await official({ role: 'system_admin', unitCode: 'VN' });
    const tag = uniqueSuffix();
    const inA = await newOfficial(database, {
      fullName: `Đặng Thị Hương ${tag}`,
      grants: [{ role: 'reception', unitCode: a1 }],
    });
    const inB = await newOfficial(database, {
      fullName: `Đặng Văn Hùng ${tag}`,
      grants: [{ role: 'reception', unitCode: b1 }],
    });
    const list = async (h: Headers, q: string) =>
      (await app.inject({ url: `/api/admin/users?q=${encodeURIComponent(q)}`, headers: h })).json();
    const p = await list(province.headers, `dang ${tag}`);
    expect(p.items.map((u: { id: string }) => u.id)).toEqual([inA.id]);
    const n = await list(national.headers, `ĐẶNG ${tag}`);
    expect(n.items.map((u: { id: string }) => u.id).sort()).toEqual([inA.id, inB.id].sort());
    expect(n.total).toBe(2);
    const byUnit = await app.inject({ url: `/api/admin/users?unitCode=${B}&q=${tag}`, headers: national.headers });
    expect(byUnit.json().items.map((u: { id: string }) => u.id)).toEqual([inB.id]);
  });
});

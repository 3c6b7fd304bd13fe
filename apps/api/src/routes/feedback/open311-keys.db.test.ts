import type { Database } from '@mot-cua/db';
import { createTestDb, fixedClock, insertDossierTestUnits } from '@mot-cua/test-kit';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let units: { provinceCode: string; communeCodes: string[] };
let admin: Signed;
let provinceAdmin: Signed;
let director: Signed;
const xml = new XMLParser({ parseTagValue: false });
let n = 0;

const postRequest = (key: string, extra: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: key,
      jurisdiction_id: units.communeCodes[0]!,
      service_code: 'report',
      lat: '10.7769',
      long: '106.7009',
      description: 'Đèn đường hỏng trước trường tiểu học',
      ...extra,
    }).toString(),
    remoteAddress: `10.9.${n >> 8}.${n++ & 255}`,
  });

beforeAll(async () => {
  database = await createTestDb();
  units = await insertDossierTestUnits(database.db, 2);
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z') }));
  admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
  provinceAdmin = await signIn(app, database, [{ role: 'system_admin', unitCode: units.provinceCode }]);
  director = await signIn(app, database, [{ role: 'center_director', unitCode: units.communeCodes[0]! }]);
});
afterAll(async () => {
  await app.close();
});

describe('Open311 API keys', () => {
  it('a national administrator issues a key shown once; it signs requests until revoked, each step audited', async () => {
    const name = `Ứng dụng thử ${Math.random().toString(36).slice(2, 8)}`;
    const issued = await app.inject({
      method: 'POST',
      url: '/api/feedback/open311-keys',
      headers: admin.headers,
      payload: { name },
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { id, key } = issued.json() as { id: string; key: string };
    expect(key).toMatch(/^mc311_[A-Za-z0-9_-]{32}$/);

    const list = await app.inject({ url: '/api/feedback/open311-keys', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const mine = (list.json() as { items: Array<Record<string, unknown>> }).items.find((k) => k.id === id)!;
    expect(mine).toMatchObject({ name, prefix: key.slice(0, 12), revokedAt: null, createdBy: admin.userId });
    expect(list.body).not.toContain(key);

    expect((await postRequest(key)).statusCode).toBe(201);

    const revoked = await app.inject({
      method: 'POST',
      url: `/api/feedback/open311-keys/${id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const refused = await postRequest(key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: 'Invalid api_key' }]);

    const again = await app.inject({
      method: 'POST',
      url: `/api/feedback/open311-keys/${id}/revoke`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('OPEN311_KEY_ALREADY_REVOKED');

    const audit = await sql<{
      action: string;
    }>`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY id`.execute(database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['open311.key_issued', 'open311.key_revoked']);
  });

  it('refuses a provincial administrator, a director, anonymous callers, a bad name and an unknown key id', async () => {
    for (const who of [provinceAdmin, director]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/feedback/open311-keys',
        headers: who.headers,
        payload: { name: 'Không được phép' },
      });
      expect(res.statusCode).toBe(403);
      expect((await app.inject({ url: '/api/feedback/open311-keys', headers: who.headers })).statusCode).toBe(403);
    }
    expect((await app.inject({ url: '/api/feedback/open311-keys' })).statusCode).toBe(401);
    const short = await app.inject({
      method: 'POST',
      url: '/api/feedback/open311-keys',
      headers: admin.headers,
      payload: { name: 'ab' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/feedback/open311-keys/00000000-0000-4000-8000-000000000000/revoke',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('OPEN311_KEY_NOT_FOUND');
  });
});

describe('Open311 service discovery', () => {
  it('points generic clients to the GeoReport v2 endpoint in JSON and XML', async () => {
    const res = await app.inject({ url: '/open311/discovery.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(doc.endpoints).toHaveLength(1);
    expect(doc.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(doc.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const x = await app.inject({ url: '/open311/discovery.xml' });
    expect(x.headers['content-type']).toContain('text/xml');
    const parsed = xml.parse(x.body).discovery;
    expect(parsed.endpoints.endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(parsed.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    expect((await app.inject({ url: '/open311/discovery.csv' })).statusCode).toBe(400);
  });
});

describe('jurisdiction_id on services', () => {
  it('answers the list and a definition for a known jurisdiction and 404 in the spec format for an unknown one', async () => {
    const ok = await app.inject({ url: `/open311/v2/services.json?jurisdiction_id=${units.provinceCode}` });
    expect(ok.statusCode).toBe(200);
    const unknown = await app.inject({ url: '/open311/v2/services.json?jurisdiction_id=ZZ999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'jurisdiction_id "ZZ999" not found' }]);
    const def = await app.inject({ url: '/open311/v2/services/report.xml?jurisdiction_id=ZZ999' });
    expect(def.statusCode).toBe(404);
    expect(xml.parse(def.body).errors.error.code).toBe('404');
    const twice = await app.inject({ url: '/open311/v2/services.json?jurisdiction_id=01&jurisdiction_id=02' });
    expect(twice.statusCode).toBe(400);
  });
});

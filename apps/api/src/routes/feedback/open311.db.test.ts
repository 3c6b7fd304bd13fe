import { createHash } from 'node:crypto';
import { createFeedbackRepository, type Database } from '@mot-cua/db';
import { createTestDb, fixedClock, insertDossierTestUnits } from '@mot-cua/test-kit';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
let units: { provinceCode: string; communeCodes: string[] };
const API_KEY = `key-${Math.random().toString(36).slice(2)}`;
const xml = new XMLParser({ parseTagValue: false });
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
let n = 0;

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const postForm = (url: string, body: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(body),
    remoteAddress: `10.1.${n >> 8}.${n++ & 255}`,
  });
const get = (url: string) => app.inject({ url });

beforeAll(async () => {
  database = await createTestDb();
  units = await insertDossierTestUnits(database.db, 2);
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z') }));
  await createFeedbackRepository(database.db).addApiKey(
    createHash('sha256').update(API_KEY).digest('hex'),
    'test client',
  );
});
afterAll(async () => {
  await app.close();
});

const valid = () => ({
  api_key: API_KEY,
  jurisdiction_id: units.communeCodes[0]!,
  service_code: 'report',
  lat: '10.7769',
  long: '106.7009',
  description: 'Vỉa hè trước trụ sở bị lấn chiếm',
  email: 'dan@example.vn',
  first_name: 'Lê',
  last_name: 'Dân',
  'attribute[field]': 'Hạ tầng kỹ thuật',
});

describe('GET services', () => {
  it('lists the services in JSON with the specification fields', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const services = res.json();
    expect(services).toHaveLength(4);
    expect(services[0]).toEqual({
      service_code: 'question',
      service_name: 'Hỏi đáp thủ tục hành chính',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.any(String),
      group: expect.any(String),
    });
  });

  it('and in XML, UTF-8 with the declaration, <services><service>', async () => {
    const res = await get(`/open311/v2/services.xml?jurisdiction_id=${units.provinceCode}`);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = xml.parse(res.body);
    expect(doc.services.service).toHaveLength(4);
    expect(doc.services.service[1]).toMatchObject({ service_code: 'complaint', metadata: 'true', type: 'realtime' });
  });

  it('gives a service definition with its attributes, and 404 in the specification error format', async () => {
    const def = (await get('/open311/v2/services/report.json')).json();
    expect(def.service_code).toBe('report');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['commune_code', 'field', 'dossier_code']);
    expect(def.attributes[0]).toMatchObject({ variable: true, datatype: 'string', required: false, order: 1 });
    const defXml = xml.parse((await get('/open311/v2/services/report.xml')).body);
    expect(defXml.service_definition.attributes.attribute).toHaveLength(3);

    const missing = await get('/open311/v2/services/pothole.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_code "pothole" not found' }]);
    const missingXml = await get('/open311/v2/services/pothole.xml');
    expect(xml.parse(missingXml.body).errors).toEqual({
      error: { code: '404', description: 'service_code "pothole" not found' },
    });
    expect((await get('/open311/v2/services.csv')).json()[0].code).toBe(400);
  });
});

describe('POST requests', () => {
  it('refuses a missing or wrong api_key with 403', async () => {
    const { api_key: _, ...noKey } = valid();
    const res = await postForm('/open311/v2/requests.json', noKey);
    expect([res.statusCode, res.json()[0].code]).toEqual([403, 403]);
    expect((await postForm('/open311/v2/requests.json', { ...valid(), api_key: 'nope' })).json()).toEqual([
      { code: 403, description: 'Invalid api_key' },
    ]);
  });

  it('refuses missing parameters with 400 naming them', async () => {
    const { lat: _a, long: _b, ...noPlace } = valid();
    expect((await postForm('/open311/v2/requests.json', noPlace)).json()[0]).toMatchObject({
      code: 400,
      description: expect.stringContaining('location'),
    });
    expect((await postForm('/open311/v2/requests.json', { ...valid(), service_code: 'x' })).statusCode).toBe(404);
    expect((await postForm('/open311/v2/requests.json', { ...valid(), lat: 'abc' })).json()[0].code).toBe(400);
    expect((await postForm('/open311/v2/requests.json', { ...valid(), jurisdiction_id: '999' })).statusCode).toBe(404);
    expect((await postForm('/open311/v2/requests.xml', { ...valid(), email: 'no' })).body).toContain(
      '<code>400</code>',
    );
  });

  let id: string;
  let token: string;
  it('creates a request: service_request_id, token and service_notice (JSON and XML)', async () => {
    const res = await postForm('/open311/v2/requests.json', valid());
    expect(res.statusCode).toBe(201);
    const [r] = res.json();
    expect(r).toMatchObject({
      service_request_id: expect.stringMatching(/^PA-/),
      token: expect.any(String),
      account_id: null,
    });
    ({ service_request_id: id, token } = r);
    const x = await postForm('/open311/v2/requests.xml', {
      ...valid(),
      service_code: 'question',
      description: 'Hỏi giờ làm việc',
    });
    expect(xml.parse(x.body).service_requests.request.service_request_id).toMatch(/^PA-/);
  });

  it('finds it by token and by id, open, with W3C dates and nothing personal before publication', async () => {
    expect((await get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([{ service_request_id: id, token }]);
    const [r] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'Đã tiếp nhận, đang xem xét',
      service_code: 'report',
      description: expect.stringContaining('Hạ tầng kỹ thuật'),
      address: expect.stringMatching(/^Phường Thử 1, Tỉnh Thử /),
      lat: null,
      long: null,
      media_url: null,
    });
    // Before publication: the kind and field, the commune's address; never the submitter's words or place.
    expect(r.description).not.toContain('Vỉa hè');
    expect(r.requested_datetime).toMatch(W3C);
    expect(r.expected_datetime).toBe('2026-03-04T09:00:00+07:00');
    const one = xml.parse((await get(`/open311/v2/requests/${id}.xml`)).body);
    expect(one.service_requests.request.status).toBe('open');
    expect((await get('/open311/v2/requests/PA-00-000000-000000.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/unknown-token-0000000.xml')).body).toContain('<code>404</code>');
  });

  it('lists with the filters of the specification', async () => {
    const base = `/open311/v2/requests.json?jurisdiction_id=${units.communeCodes[0]}`;
    expect((await get(base)).json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    expect((await get(`${base}&status=closed`)).json()).toEqual([]);
    expect((await get(`${base}&service_code=question`)).json()).toHaveLength(1);
    expect((await get(`${base}&service_request_id=${id},PA-x`)).json()).toHaveLength(1);
    expect((await get(`${base}&end_date=2026-03-01T00:00:00%2B07:00`)).json()).toEqual([]);
    expect((await get(`${base}&start_date=2026-03-03T00:00:00Z`)).json()[0].description).toContain('start_date');
    expect((await get(`${base}&start_date=yesterday`)).json()[0]).toMatchObject({ code: 400 });
    expect((await get(`${base}&status=pending`)).statusCode).toBe(400);
  });

  it('keeps a client-hosted media_url as a link, shown once published, and refuses a non-http one', async () => {
    const media = 'https://cdn.example.org/anh/via-he.jpg';
    const res = await postForm('/open311/v2/requests.json', { ...valid(), media_url: media });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json()[0].service_request_id as string;
    const stored = await database.db
      .selectFrom('feedbackItems')
      .select(['content', 'mediaUrl'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ content: valid().description, mediaUrl: media });
    expect((await get(`/open311/v2/requests/${code}.json`)).json()[0].media_url).toBeNull();
    await sql`UPDATE feedback_items SET status = 'published', public_question = 'Vỉa hè bị lấn chiếm' WHERE code = ${code}`.execute(
      database.db,
    );
    expect((await get(`/open311/v2/requests/${code}.json`)).json()[0].media_url).toBe(media);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const r = await postForm('/open311/v2/requests.json', { ...valid(), media_url: bad });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual([{ code: 400, description: 'media_url must be an http or https URL' }]);
    }
  });

  it('with service_request_id ignores the other filters, as the specification says', async () => {
    const base = `/open311/v2/requests.json?service_request_id=${id}`;
    const ignored = await get(`${base}&status=closed&service_code=question&end_date=2026-03-01T00:00:00%2B07:00`);
    expect(ignored.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
  });

  it('filters by status before the 1,000-row limit', async () => {
    // One closed request, then 1,001 open ones received after it in the same commune.
    const closed = await postForm('/open311/v2/requests.json', { ...valid(), jurisdiction_id: units.communeCodes[1]! });
    const closedCode = closed.json()[0].service_request_id as string;
    await sql`UPDATE feedback_items SET status = 'refused' WHERE code = ${closedCode}`.execute(database.db);
    const open = await postForm('/open311/v2/requests.json', { ...valid(), jurisdiction_id: units.communeCodes[1]! });
    const openCode = open.json()[0].service_request_id as string;
    const cols = await sql<{ columnName: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_name = 'feedback_items' AND table_schema = current_schema()
        AND column_name NOT IN ('id', 'code', 'token', 'received_at')`.execute(database.db);
    const list = sql.raw(cols.rows.map((c) => `"${c.columnName}"`).join(', '));
    await sql`INSERT INTO feedback_items (id, code, token, received_at, ${list})
      SELECT gen_random_uuid(), code || '-' || g, token || '-' || g, received_at + g * interval '1 second', ${list}
      FROM feedback_items, generate_series(1, 1001) g WHERE code = ${openCode}`.execute(database.db);
    const base = `/open311/v2/requests.json?jurisdiction_id=${units.communeCodes[1]}&start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z`;
    expect((await get(base)).json()).toHaveLength(1000);
    const onlyClosed = (await get(`${base}&status=closed`)).json();
    expect(onlyClosed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closedCode]);
  });

  it('resolves address_id (a commune or ward code) to the commune and its address, inside the jurisdiction', async () => {
    const { lat: _a, long: _b, jurisdiction_id: _j, ...noPlace } = valid();
    const res = await postForm('/open311/v2/requests.json', {
      ...noPlace,
      jurisdiction_id: units.provinceCode,
      address_id: units.communeCodes[0]!,
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json()[0].service_request_id as string;
    const stored = await database.db
      .selectFrom('feedbackItems')
      .select(['communeCode', 'address', 'unitCode'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      communeCode: units.communeCodes[0],
      address: expect.stringMatching(/^Phường Thử 1, Tỉnh Thử /),
      unitCode: units.communeCodes[0],
    });
    const [r] = (await get(`/open311/v2/requests/${code}.json`)).json();
    expect(r).toMatchObject({ address_id: units.communeCodes[0], address: expect.stringMatching(/^Phường Thử 1, /) });
    const one = xml.parse((await get(`/open311/v2/requests/${code}.xml`)).body);
    expect(one.service_requests.request.address_id).toBe(units.communeCodes[0]);

    const bad = async (extra: Record<string, string>) =>
      (await postForm('/open311/v2/requests.json', { ...noPlace, ...extra })).json();
    expect(await bad({ address_id: 'ZZ999' })).toEqual([
      { code: 400, description: 'address_id "ZZ999" is not the code of a commune or ward' },
    ]);
    expect((await bad({ address_id: units.provinceCode }))[0].code).toBe(400);
    expect(
      (await bad({ address_id: units.communeCodes[0]!, jurisdiction_id: units.communeCodes[1]! }))[0].description,
    ).toContain('outside jurisdiction_id');
    expect(
      (await bad({ address_id: units.communeCodes[0]!, 'attribute[commune_code]': units.communeCodes[1]! }))[0]
        .description,
    ).toBe('address_id and attribute[commune_code] name different communes');
  });

  it('fuzzing: any parameters give 201 or a 4xx in the specification error format', async () => {
    const keys = [
      'api_key',
      'service_code',
      'lat',
      'long',
      'address_string',
      'description',
      'email',
      'phone',
      'jurisdiction_id',
      'address_id',
      'attribute[commune_code]',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constant(API_KEY), fc.constant('report')),
        ),
        async (body) => {
          const res = await postForm('/open311/v2/requests.json', body);
          if (res.statusCode === 201) return;
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.json()).toEqual([{ code: res.statusCode, description: expect.any(String) }]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

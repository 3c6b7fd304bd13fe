import { readFileSync } from 'node:fs';
import type { AssistantAnswer, CatalogProcedure, SearchResponse } from '@mot-cua/contracts';
import { createProcedureConfigRepository, type Database } from '@mot-cua/db';
import { loadProceduresMasterData } from '@mot-cua/db/seed/procedures';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';
import { CATALOG_FILE } from './catalog-index.js';

let database: Database;
let app: FastifyInstance;
const catalog = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogProcedure[];

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database));
});
afterAll(async () => {
  await app?.close();
});

const search = (query: Record<string, string>) => app.inject({ method: 'GET', url: '/api/search', query });
const ask = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/search/assistant', payload });

describe('GET /api/search (public)', () => {
  it('finds with and without accents, everyday commune procedure first', async () => {
    for (const q of ['làm giấy khai sinh', 'lam giay khai sinh', 'dang ky khia sinh']) {
      const res = await search({ q });
      expect(res.statusCode, q).toBe(200);
      const body = res.json() as SearchResponse;
      expect(body.items[0]).toMatchObject({ code: '1.001193', levels: ['commune'] });
      expect(body.total).toBeGreaterThan(1);
    }
  });

  it('reports typo corrections and the understood query', async () => {
    const body = (await search({ q: 'dang ky khia sinh' })).json() as SearchResponse;
    expect(body.corrections).toContainEqual({ from: 'khia', to: 'khai' });
    expect(body.understood).toBe('dang ky khai sinh');
  });

  it('filters by level and field, and pages', async () => {
    const prov = (await search({ q: 'giay chung nhan', level: 'province', limit: '50' })).json() as SearchResponse;
    expect(prov.items.length).toBeGreaterThan(0);
    expect(prov.items.every((i) => i.levels.includes('province'))).toBe(true);
    const field = (await search({ q: 'dang ky', field: 'Hộ tịch', limit: '100' })).json() as SearchResponse;
    expect(field.items.every((i) => i.field === 'Hộ tịch')).toBe(true);
    const all = (await search({ q: 'dang ky', limit: '10' })).json() as SearchResponse;
    const page = (await search({ q: 'dang ky', limit: '5', offset: '5' })).json() as SearchResponse;
    expect(page.items.map((i) => i.code)).toEqual(all.items.slice(5).map((i) => i.code));
  });

  it('restricts to the procedures a unit receives: catalog level by default, its configuration when set', async () => {
    await loadProceduresMasterData(database, () => {});
    const { unitCode } = testUnit();
    const codesAt = async (unit: string) =>
      ((await search({ q: 'khai sinh', unit, limit: '50' })).json() as SearchResponse).items.map((i) => i.code);
    // a commune receives the commune-level birth registration without any configuration
    expect(await codesAt(unitCode)).toContain('1.001193');
    // a province (Hồ Chí Minh City) does not: it is a commune-level procedure
    expect(await codesAt('79')).not.toContain('1.001193');
    // the commune turns it off: gone from its search, still found elsewhere
    await createProcedureConfigRepository(database.db).putUnitConfig({
      unitCode,
      procedureCode: '1.001193',
      enabled: false,
      localFeeVnd: null,
      localFeeNote: null,
      updatedBy: null,
    });
    expect(await codesAt(unitCode)).not.toContain('1.001193');
    expect(await codesAt(testUnit().unitCode)).toContain('1.001193');
  });

  it('refuses empty, too long and malformed queries with stable codes', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'SEARCH_QUERY_EMPTY'],
      [{ q: '   ' }, 'SEARCH_QUERY_EMPTY'],
      [{ q: '?!' }, 'SEARCH_QUERY_EMPTY'],
      [{ q: 'a'.repeat(201) }, 'SEARCH_QUERY_TOO_LONG'],
      [{ q: 'khai sinh', limit: '0' }, 'VALIDATION_FAILED'],
      [{ q: 'khai sinh', level: 'galaxy' }, 'VALIDATION_FAILED'],
      [{ q: 'khai sinh', unit: 'x' }, 'VALIDATION_FAILED'],
      [{ q: 'khai sinh', unit: 'ab-cd' }, 'UNIT_CODE_INVALID'],
      [{ q: 'khai sinh', unit: 'x!' }, 'UNIT_CODE_INVALID'],
    ];
    for (const [query, code] of cases) {
      const res = await search(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().code, JSON.stringify(query)).toBe(code);
    }
  });
});

describe('POST /api/search/assistant (public)', () => {
  it('answers a clear question with cards copied from the catalog', async () => {
    const res = await ask({ question: 'làm giấy khai sinh' });
    expect(res.statusCode).toBe(200);
    const a = res.json() as AssistantAnswer;
    expect(a).toMatchObject({ status: 'answered', answerer: 'retrieval' });
    const card = a.cards[0]!;
    const record = catalog.find((r) => r.code === card.code)!;
    expect(card.code).toBe('1.001193');
    expect(card).toMatchObject({
      name: record.name,
      field: record.field,
      timeLimit: record.timeLimit,
      sourceUrl: record.sourceUrl,
      decisionNumber: record.decisionNumber,
      documentsTotal: record.components.length,
    });
    expect(card.documents.map((d) => d.name)).toEqual(record.components.slice(0, 15).map((c) => c.name));
    expect(card.channels.map((c) => c.fees)).toEqual(record.channels.map((c) => c.fees));
    for (const f of card.followUps) expect(catalog.find((r) => r.code === f.code)?.name).toBe(f.name);
  });

  it('offers household business registration first for "mở quán cà phê" ("Có phải bạn muốn…")', async () => {
    const a = (await ask({ question: 'mở quán cà phê cần đăng ký gì' })).json() as AssistantAnswer;
    expect(a.status).toBe('suggest');
    expect(a.cards).toEqual([]);
    expect(a.candidates[0]?.code).toBe('1.001612');
  });

  it('says it is not sure for nonsense, with no card', async () => {
    for (const question of ['thời tiết hôm nay thế nào', 'cach nau pho bo', 'asdf qwerty zxcv']) {
      const a = (await ask({ question })).json() as AssistantAnswer;
      expect(a.status, question).toBe('not_sure');
      expect(a.cards).toEqual([]);
    }
  });

  it('refuses empty and too long questions with stable codes', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ question: '' }, 'SEARCH_QUERY_EMPTY'],
      [{ question: 'x'.repeat(501) }, 'SEARCH_QUERY_TOO_LONG'],
      [{}, 'VALIDATION_FAILED'],
      [{ question: 42 }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await ask(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
    }
  });
});

import type { AssistantChoiceSummary } from '@mot-cua/contracts';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database));
});
afterAll(async () => {
  await app?.close();
});

/** A question unique to this run (letters only: digits are masked when stored), for a shared PostgreSQL database. */
const unique = () =>
  `sang ten so do ${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const choose = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/search/assistant/choices', payload });

describe('POST /api/search/assistant/choices (public, anonymous)', () => {
  it('records the pick with an audit row in the same transaction, the question anonymised', async () => {
    const question = `${unique()}, sdt 0912345678`;
    const res = await choose({ question, status: 'suggest', offered: ['1.013831', '1.012787'], picked: '1.013831' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: number };
    const row = await database.db
      .selectFrom('assistantChoices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'suggest', pickedCode: '1.013831', unitCode: null });
    expect(row.offeredCodes).toEqual(['1.013831', '1.012787']);
    expect(row.question).not.toMatch(/\d/);
    expect(row.question).toContain('sdt #');
    const audit = await createAuditRepository(database.db).listAudit('assistant_choice', String(id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'search.assistant_choice', actorUserId: null });
  });

  it('records "none of these" and refuses a pick that was not offered, or an empty question', async () => {
    const none = await choose({ question: unique(), status: 'not_sure', offered: ['1.013831'], picked: null });
    expect(none.statusCode).toBe(201);
    const wrong = await choose({ question: unique(), status: 'suggest', offered: ['1.013831'], picked: '1.000894' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('ASSISTANT_CHOICE_NOT_OFFERED');
    const empty = await choose({ question: '  ?! ', status: 'suggest', offered: ['1.013831'], picked: null });
    expect(empty.json().code).toBe('SEARCH_QUERY_EMPTY');
    const invalid = await choose({ question: unique(), status: 'maybe', offered: [], picked: null });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('GET /api/search/assistant/choices (curators)', () => {
  it('summarises per question what was picked and how often none fitted, for a system administrator only', async () => {
    const question = unique();
    for (const picked of ['1.013831', '1.013831', null]) {
      await choose({ question, status: 'suggest', offered: ['1.013831', '1.012787'], picked });
    }
    expect((await app.inject({ method: 'GET', url: '/api/search/assistant/choices' })).statusCode).toBe(401);
    const clerk = await signIn(app, database, [{ role: 'reception', unitCode: '26743' }]);
    const refused = await app.inject({ method: 'GET', url: '/api/search/assistant/choices', headers: clerk.headers });
    expect(refused.statusCode).toBe(403);
    const admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
    const res = await app.inject({
      method: 'GET',
      url: '/api/search/assistant/choices?limit=500',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const mine = (res.json() as AssistantChoiceSummary).items.find((i) => i.question === question);
    expect(mine).toMatchObject({ times: 3, noneOfThese: 1, picked: [{ code: '1.013831', times: 2 }] });
    expect(mine!.picked[0]!.name).toMatch(/^Đăng ký biến động/);
  });

  it('orders by "none of these" or by the latest question when asked', async () => {
    const admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
    const [often, never] = [unique(), unique()];
    for (let i = 0; i < 40; i++)
      await choose({ question: often, status: 'suggest', offered: ['1.013831'], picked: null });
    await choose({ question: never, status: 'suggest', offered: ['1.013831'], picked: '1.013831' });
    const list = async (sort: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/search/assistant/choices?limit=2&sort=${sort}`,
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(200);
      return (res.json() as AssistantChoiceSummary).items;
    };
    const none = await list('noneOfThese');
    expect(none.map((i) => i.noneOfThese)).toEqual([...none.map((i) => i.noneOfThese)].sort((a, b) => b - a));
    expect(none[0]!.noneOfThese).toBeGreaterThanOrEqual(40);
    const latest = await list('lastAt');
    expect(Date.parse(latest[0]!.lastAt)).toBeGreaterThanOrEqual(Date.parse(latest[1]!.lastAt));
    expect(latest[0]!.lastAt >= (none.find((i) => i.question === often)?.lastAt ?? '')).toBe(true);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/search/assistant/choices?sort=name',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});

import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { createTestDb, insertDossierTestUnits } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';
import { signInCitizen, startTestIdentity } from '../citizens/oidc-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let sim: IdSim;
let commune: string;

beforeAll(async () => {
  database = await createTestDb();
  const t = await startTestIdentity();
  sim = t.sim;
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-02T02:00:00Z'), identity: t.identity }));
  commune = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
}, 300_000); // in-memory database, migrations and simulators: slow on a loaded machine
afterAll(async () => {
  await app.close();
  await sim.close();
});

const userOf = async (id: string) =>
  (
    await database.db
      .selectFrom('feedbackItems')
      .select(['submitterUserId', 'submitterName'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).submitterUserId;

describe('a citizen signed in with the electronic identity sends feedback', () => {
  it('keeps it with the account, unless it is sent anonymously', async () => {
    const hoa = await signInCitizen(app, '079190001234');
    expect(hoa.userId).not.toBe('');
    const body = {
      kind: 'question',
      title: 'Hỏi về cấp đổi căn cước',
      content: 'Cấp đổi căn cước cần mang gì?',
      communeCode: commune,
      submitterName: 'Nguyễn Thị Hoa',
      submitterPhone: '0912000111',
    };
    const signed = await app.inject({ method: 'POST', url: '/api/feedback', headers: hoa.headers, payload: body });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(await userOf(signed.json().id)).toBe(hoa.userId);

    const anon = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: hoa.headers,
      remoteAddress: '10.3.0.2',
      payload: { ...body, anonymous: true, submitterName: undefined, submitterPhone: undefined },
    });
    expect(anon.statusCode, anon.body).toBe(201);
    expect(await userOf(anon.json().id)).toBeNull();

    const nobody = await app.inject({ method: 'POST', url: '/api/feedback', remoteAddress: '10.3.0.3', payload: body });
    expect(await userOf(nobody.json().id)).toBeNull();
  });
});

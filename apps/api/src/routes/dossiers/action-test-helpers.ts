import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

/**
 * What the action tests over HTTP on one commune share (action-race, accept-checklist and dossier-files-with-row
 * db tests): the app on a test database, one commune with the test procedure (step 2 is the specialist's), signed-in
 * officials, dossiers brought to a step. `useActionTestApp()` at the top of a test file sets them up before its
 * tests; the exported `let`s are ES live bindings, so the test file reads the values set up.
 */
export let database: Database;
export let app: FastifyInstance;
export const clock = fixedClock('2026-03-02T02:00:00Z');
export let A: string;
let procedureCode: string;
export let reception: Signed;
export const specialists: Signed[] = [];
export const leaders: Signed[] = [];
export const receptions: Signed[] = [];

export const post = (s: Signed, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

/** A dossier at step 2 (the specialist's), not yet taken. */
export async function atStepTwo(): Promise<string> {
  const res = await post(reception, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: A,
    applicant: { fullName: 'Lê Thị Tranh Chấp', phone: '0909000222' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'present' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as DossierDetail).id;
  const handed = await post(reception, `/api/dossiers/${id}/complete-step`, { fromStep: 1 });
  expect(handed.statusCode, handed.body).toBe(200);
  return id;
}

/** A dossier at step 3, the leader's approval. */
export async function atApproval(): Promise<string> {
  const id = await atStepTwo();
  for (const [url, body] of [
    ['claim', { stepOrder: 2 }],
    ['complete-step', { fromStep: 2 }],
  ] as const) {
    const res = await post(specialists[0]!, `/api/dossiers/${id}/${url}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

/** A dossier registered by post (status new), waiting to be accepted. */
export async function registered(): Promise<string> {
  const res = await post(reception, '/api/dossiers', {
    mode: 'submit',
    channel: 'postal',
    returnMethod: 'post',
    procedureCode,
    receivingUnitCode: A,
    applicant: { fullName: 'Phạm Văn Chấp Nhận', phone: '0909000333' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'missing' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

export async function componentsOf(id: string) {
  return database.db
    .selectFrom('dossierComponents')
    .select(['key', 'state', 'position', 'reused'])
    .where('dossierId', '=', id)
    .orderBy('position')
    .execute();
}

export async function claimsOf(id: string) {
  const log = await database.db
    .selectFrom('dossierActions')
    .select(['seq', 'type', 'actorUserId'])
    .where('dossierId', '=', id)
    .orderBy('seq')
    .execute();
  const audit = (await createAuditRepository(database.db).listAudit('dossier', id)).filter(
    (a) => a.action === 'dossier.claimed',
  );
  return { log, claims: log.filter((a) => a.type === 'claimed'), audit };
}

export function useActionTestApp(): void {
  beforeAll(async () => {
    database = await createTestDb();
    ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
    A = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
    procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
    reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
    for (let i = 0; i < 4; i++) specialists.push(await signIn(app, database, [{ role: 'specialist', unitCode: A }]));
    for (let i = 0; i < 2; i++) leaders.push(await signIn(app, database, [{ role: 'leader', unitCode: A }]));
    for (let i = 0; i < 2; i++) receptions.push(await signIn(app, database, [{ role: 'reception', unitCode: A }]));
  }, 900_000); // migrating the embedded database on a loaded machine
  afterAll(async () => {
    await app.close();
  });
}

import type { ChecklistPreview, ComponentConditions } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z');
let A: string;
let B: string;
let procedureCode: string;
const who: Record<string, Signed> = {};
const url = (unit: string) => `/api/procedures/units/${unit}/procedures/${procedureCode}/component-conditions`;

const put = (s: Signed, unit: string, conditions: unknown[]) =>
  app.inject({ method: 'PUT', url: url(unit), headers: s.headers, payload: { conditions } });

const checklist = async (unit: string, channel = 'in_person'): Promise<ChecklistPreview> => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers/checklist',
    headers: who[`reception${unit === A ? 'A' : 'B'}`]!.headers,
    payload: { procedureCode, receivingUnitCode: unit, channel },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  const u = await insertDossierTestUnits(database.db, 2);
  [A, B] = u.communeCodes as [string, string];
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A, channelForms: true })).code;
  await loadDossierTestProcedure(database.db, { unitCode: B, channelForms: true });
  who.receptionA = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  who.receptionB = await signIn(app, database, [{ role: 'reception', unitCode: B }]);
  who.directorA = await signIn(app, database, [{ role: 'center_director', unitCode: A }]);
});
afterAll(async () => {
  await app.close();
});

describe('component conditions set by an administrator (issue 11)', () => {
  it('GET shows the catalog’s parsed condition of each handed-in component, no override yet', async () => {
    const res = await app.inject({ method: 'GET', url: url(A) });
    expect(res.statusCode, res.body).toBe(200);
    const c: ComponentConditions = res.json();
    expect(c.components.map((x) => [x.key, x.parsed.kind, x.override, x.effective.kind])).toEqual([
      ['c01', 'always', null, 'always'],
      ['c02', 'always', null, 'always'],
      ['c03', 'if_applicable', null, 'if_applicable'],
      ['c04', 'channel', null, 'channel'],
      ['c05', 'channel', null, 'channel'],
    ]);
  });

  it('a director makes c02 conditional and the paper form c04 also online: the counter’s checklist follows at once, audited', async () => {
    const res = await put(who.directorA!, A, [
      {
        key: 'c02',
        condition: { kind: 'if_applicable', text: '  Trường hợp  cha mẹ đã kết hôn ', channels: ['online'] },
      },
      { key: 'c04', condition: { kind: 'channel', text: null, channels: ['online', 'in_person', 'postal'] } },
    ]);
    // all three channels is "always", not "per channel"
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('COMPONENT_CONDITION_INVALID');

    const ok = await put(who.directorA!, A, [
      {
        key: 'c02',
        condition: { kind: 'if_applicable', text: '  Trường hợp  cha mẹ đã kết hôn ', channels: ['online'] },
      },
      { key: 'c04', condition: { kind: 'channel', text: null, channels: ['online', 'in_person'] } },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const c: ComponentConditions = ok.json();
    expect(c.components.find((x) => x.key === 'c02')).toMatchObject({
      override: {
        kind: 'if_applicable',
        text: 'Trường hợp cha mẹ đã kết hôn',
        channels: ['in_person', 'online', 'postal'],
      },
      source: 'unit',
    });
    const counter = await checklist(A);
    expect(counter.rows.map((r) => [r.key, r.initialState])).toEqual([
      ['c01', 'missing'],
      ['c02', 'not_applicable'],
      ['c03', 'not_applicable'],
      ['c04', 'missing'],
    ]);
    const online = await checklist(A, 'online');
    expect(online.rows.map((r) => r.key)).toEqual(['c01', 'c02', 'c03', 'c04', 'c05']);
    // another unit keeps the catalog's conditions
    expect((await checklist(B)).rows.find((r) => r.key === 'c02')?.initialState).toBe('missing');

    const audit = await createAuditRepository(database.db).listAudit(
      'procedure_component_conditions',
      `${A}:${procedureCode}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'procedure.configure', actorUserId: who.directorA!.userId, unitCode: A });
    expect(audit[0]!.data).toMatchObject({
      before: { c02: null, c04: null },
      after: { c02: { kind: 'if_applicable' } },
    });
  });

  it('null clears an override: the catalog’s condition applies again', async () => {
    const res = await put(who.directorA!, A, [{ key: 'c02', condition: null }]);
    expect(res.statusCode, res.body).toBe(200);
    expect((await checklist(A)).rows.find((r) => r.key === 'c02')?.initialState).toBe('missing');
    const audit = await createAuditRepository(database.db).listAudit(
      'procedure_component_conditions',
      `${A}:${procedureCode}`,
    );
    expect(audit).toHaveLength(2);
  });

  it('refuses an official without the right, another unit’s director, an unknown component, a case without text', async () => {
    const body = [{ key: 'c01', condition: { kind: 'if_applicable', text: 'Nếu có', channels: ['in_person'] } }];
    expect((await put(who.receptionA!, A, body)).statusCode).toBe(403);
    expect((await put(who.directorA!, B, body)).statusCode).toBe(403);
    const unknown = await put(who.directorA!, A, [{ key: 'c99', condition: null }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_COMPONENT');
    const noText = await put(who.directorA!, A, [
      { key: 'c01', condition: { kind: 'if_applicable', text: ' ', channels: ['in_person'] } },
    ]);
    expect(noText.json().code).toBe('COMPONENT_CONDITION_INVALID');
  });
});

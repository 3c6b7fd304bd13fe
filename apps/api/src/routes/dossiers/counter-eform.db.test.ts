import type { ChecklistPreview } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { loadProceduresMasterData } from '@mot-cua/db/seed/procedures';
import { createTestDb, insertDossierTestUnits } from '@mot-cua/test-kit';
import { EFORM_SAMPLES } from '@mot-cua/test-kit/eform-samples';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Reception fills in the structured e-form for the applicant (issue 17): the shipped birth registration (1.001193).
const BIRTH = '1.001193';
const values = EFORM_SAMPLES[BIRTH]!;
// Today's clock: the catalog on a shared PostgreSQL database may have been loaded (valid from that day) before.
const clock = fixedClock(new Date());

let database: Database;
let app: FastifyInstance;
let A: string;
let reception: Signed;
let otherReception: Signed;

const preview = (body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/dossiers/checklist',
    headers: reception.headers,
    payload: { procedureCode: BIRTH, receivingUnitCode: A, ...body },
  });

/** Every row the channel requires, ticked (what the official does at the counter). */
async function requiredTicked(channel: string) {
  const p: ChecklistPreview = (await preview({ channel })).json();
  return p.rows.filter((r) => r.initialState === 'missing').map((r) => ({ key: r.key, state: 'present' }));
}

const receive = (body: Record<string, unknown>, lang?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...reception.headers, ...(lang ? { 'accept-language': lang } : {}) },
    payload: {
      mode: 'receive',
      procedureCode: BIRTH,
      receivingUnitCode: A,
      applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '001196012345', phone: '0912345678' },
      ...body,
    },
  });

const pdf = async (url: string, s: Signed = reception) => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  expect(r.statusCode, r.body).toBe(200);
  return (await pdfText(r.rawPayload)).text.replace(/\s+/g, ' ');
};

beforeAll(async () => {
  database = await createTestDb();
  await loadProceduresMasterData(database, () => {}, { asOf: '2025-07-01' });
  ({ app } = await buildTestApp(database, { clock }));
  const units = await insertDossierTestUnits(database.db, 2);
  A = units.communeCodes[0]!;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  otherReception = await signIn(app, database, [{ role: 'reception', unitCode: units.communeCodes[1]! }]);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('the e-form filled in at the counter', () => {
  it('is checked exactly as online: 422 EFORM_INVALID per field, in the request’s language', async () => {
    const components = await requiredTicked('in_person');
    const bad = await receive({
      channel: 'in_person',
      components,
      eform: { values: { ...values, motherIdNumber: '12', childBirthDate: '2999-01-01' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('EFORM_INVALID');
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['eform.motherIdNumber', 'eform.childBirthDate']));
    const en = await receive({ channel: 'in_person', components, eform: { values: { childFullName: 'X' } } }, 'en');
    expect(en.statusCode).toBe(422);
    expect(en.json().errors[0].message).toMatch(/[A-Za-z]/);
    expect(en.json().errors.some((e: { message: string }) => /Mother/i.test(e.message))).toBe(true);
    // A procedure without an e-form refuses one, as online.
    expect(
      (await receive({ channel: 'in_person', components, procedureCode: '1.000656', eform: { values } })).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });

  it('the checklist shows the interactive e-form row handed in once the form is filled in', async () => {
    const without: ChecklistPreview = (await preview({ channel: 'online' })).json();
    const row = without.rows.find((r) => /điện tử tương tác/.test(r.name))!;
    expect(row.state).toBe('missing');
    const withForm: ChecklistPreview = (await preview({ channel: 'online', eformGiven: true })).json();
    expect(withForm.rows.find((r) => r.key === row.key)).toMatchObject({ state: 'present', problem: false });
  });

  it('assisted online submission at the counter: stored, its row ticked, printed in the receipt and the declaration, audited', async () => {
    const components = (await requiredTicked('online')).filter((c) => !/điện tử tương tác/.test(JSON.stringify(c)));
    const checklist: ChecklistPreview = (await preview({ channel: 'online' })).json();
    const interactive = checklist.rows.find((r) => /điện tử tương tác/.test(r.name))!.key;
    const res = await receive({
      channel: 'online',
      components: components.filter((c) => c.key !== interactive),
      eform: { values },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.components.find((c: { key: string }) => c.key === interactive).state).toBe('present');
    const eform = (
      await app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/eform`, headers: { cookie: reception.cookie } })
    ).json();
    expect(JSON.stringify(eform)).toContain('Trần Gia Bảo');
    const receipt = await pdf(`/api/dossiers/${d.id}/slips/receipt`);
    expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
    expect(receipt).toContain('Thông tin khai trên');
    expect(receipt).toContain('Trần Gia Bảo');
    expect(receipt).toContain('Nguyễn Thị Lan');
    const declaration = await pdf(`/api/dossiers/${d.id}/declaration`);
    expect(declaration).toContain('Trần Gia Bảo');
    expect(declaration).toContain('(ký, ghi rõ họ tên)');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['actorUserId'])
      .where('action', '=', 'dossier.eform_recorded')
      .where('entityId', '=', d.id)
      .execute();
    expect(audit).toEqual([{ actorUserId: reception.userId }]);
    // Another unit's official does not read it.
    const other = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/eform`,
      headers: { cookie: otherReception.cookie },
    });
    expect(other.statusCode).toBe(403);
  });

  it('at the counter in person: optional, stored when given, and the public lookup’s slip never carries it', async () => {
    const components = await requiredTicked('in_person');
    const plain = await receive({ channel: 'in_person', components });
    expect(plain.statusCode, plain.body).toBe(201);
    // no e-form stored: 200 with null (not a 404, which every dossier page would log as an error)
    const none = await app.inject({
      method: 'GET',
      url: `/api/dossiers/${plain.json().id}/eform`,
      headers: { cookie: reception.cookie },
    });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toBeNull();
    const res = await receive({ channel: 'in_person', components, eform: { values } });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(await pdf(`/api/dossiers/${d.id}/slips/receipt`)).toContain('Trần Gia Bảo');
    const lookup = await app.inject({
      method: 'GET',
      url: `/api/dossiers/public/slips/receipt?code=${encodeURIComponent(d.code)}&secondFactor=0912345678`,
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const text = (await pdfText(lookup.rawPayload)).text;
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
    expect(text).not.toContain('Trần Gia Bảo');
  });
});

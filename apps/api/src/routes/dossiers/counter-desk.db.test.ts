import type { ChecklistPreview } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z');
let A: string;
let B: string;
let procedureCode: string;
const who: Record<string, Signed> = {};

const preview = (s: Signed, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/dossiers/checklist',
    headers: s.headers,
    payload: { procedureCode, receivingUnitCode: A, channel: 'in_person', ...body },
  });

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  const u = await insertDossierTestUnits(database.db, 2);
  [A, B] = u.communeCodes as [string, string];
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A, channelForms: true })).code;
  who.receptionA = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  who.specialistA = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  who.leaderA = await signIn(app, database, [{ role: 'leader', unitCode: A }]);
});
afterAll(async () => {
  await app.close();
});

describe('POST /api/dossiers/checklist (the server decides completeness)', () => {
  it('at the counter: required rows start missing, the conditional one "not applicable", the online e-form is left out', async () => {
    const res = await preview(who.receptionA!, {});
    expect(res.statusCode, res.body).toBe(200);
    const p: ChecklistPreview = res.json();
    expect(p.rows.map((r) => [r.key, r.condition.kind, r.initialState, r.problem])).toEqual([
      ['c01', 'always', 'missing', true],
      ['c02', 'always', 'missing', true],
      ['c03', 'if_applicable', 'not_applicable', false],
      ['c04', 'channel', 'missing', true],
    ]);
    expect(p.rows[2]?.condition.text).toBe('Trường hợp ủy quyền');
    expect(p).toMatchObject({ complete: false, problemCount: 3, needsTimeLimit: false });
  });

  it('complete once the required rows are ticked; a conditional row marked missing makes it incomplete again', async () => {
    const ticked = ['c01', 'c02', 'c04'].map((key) => ({ key, state: 'present' }));
    const ok: ChecklistPreview = (await preview(who.receptionA!, { components: ticked })).json();
    expect(ok).toMatchObject({ complete: true, problemCount: 0 });
    const withCase: ChecklistPreview = (
      await preview(who.receptionA!, { components: [...ticked, { key: 'c03', state: 'missing' }] })
    ).json();
    expect(withCase).toMatchObject({ complete: false, problemCount: 1 });
  });

  it('online: the e-form replaces the paper form', async () => {
    const p: ChecklistPreview = (await preview(who.receptionA!, { channel: 'online' })).json();
    expect(p.rows.map((r) => r.key)).toEqual(['c01', 'c02', 'c03', 'c05']);
  });

  it('reception follows the same verdict: receiving with the required rows only succeeds, the receipt lists them', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: who.receptionA!.headers,
      payload: {
        mode: 'receive',
        channel: 'in_person',
        procedureCode,
        receivingUnitCode: A,
        applicant: { fullName: 'Nguyễn Thị Ánh' },
        components: ['c01', 'c02', 'c04'].map((key) => ({ key, state: 'present' })),
        feeCollectedVnd: 8000,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id: string = res.json().id;
    const slip = async (kind: string) => {
      const r = await app.inject({
        method: 'GET',
        url: `/api/dossiers/${id}/slips/${kind}`,
        headers: who.receptionA!.headers,
      });
      expect(r.statusCode, r.body).toBe(200);
      return (await pdfText(r.rawPayload)).text.replace(/\s+/g, ' ');
    };
    // Form 01: only what was handed in, the book line (first of the unit this year) and the fee.
    const receipt = await slip('receipt');
    expect(receipt).toContain('Quyển số: 2026 Số thứ tự: 1');
    expect(receipt).not.toContain('Văn bản ủy quyền');
    expect(receipt).toContain('8.000 đồng');
    const fee = await slip('fee-receipt');
    expect(fee).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(fee).toContain('8.000 đồng');
    const detail = (
      await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: who.receptionA!.headers })
    ).json();
    expect(detail).toMatchObject({ book: { year: 2026, number: 1 }, feeCollected: { amountVnd: 8000 } });
    // The collection is the dossier's fee record (issue 17): channel, receipt number, who took the money.
    const fees = (
      await app.inject({ method: 'GET', url: `/api/dossiers/${id}/fees`, headers: who.receptionA!.headers })
    ).json().items;
    expect(fees).toHaveLength(1);
    expect(fees[0]).toMatchObject({ channel: 'counter', amountVnd: 8000, gateway: null, orderRef: null });
    expect(fees[0].collectedByName).toBeTruthy();
    expect(fee).toContain(`Số biên lai: ${fees[0].receiptNumber}`);
    expect(fee).toContain(`Người thu tiền: ${fees[0].collectedByName}`);
    expect(receipt).toContain(`biên lai số ${fees[0].receiptNumber}`);
    expect(res.json().components.map((c: { key: string; state: string }) => [c.key, c.state])).toEqual([
      ['c01', 'present'],
      ['c02', 'present'],
      ['c03', 'not_applicable'],
      ['c04', 'present'],
    ]);
  });

  it('refuses a component of another channel, an official without reception there, an unknown procedure', async () => {
    const wrong = await preview(who.receptionA!, { components: [{ key: 'c05', state: 'present' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('UNKNOWN_COMPONENT');
    expect((await preview(who.specialistA!, {})).statusCode).toBe(403);
    expect((await preview(who.receptionA!, { receivingUnitCode: B })).statusCode).toBe(403);
    const unknown = await preview(who.receptionA!, { procedureCode: '9.999999' });
    expect(unknown.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });
});

describe('the desk: the leader approves in one action, "waiting for me" follows the holder', () => {
  const post = (s: Signed, url: string, payload: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url, headers: s.headers, payload });
  const waiting = async (s: Signed) =>
    (
      (
        await app.inject({ method: 'GET', url: '/api/dossiers?view=waiting', headers: { cookie: s.cookie } })
      ).json() as {
        items: Array<{ id: string }>;
      }
    ).items.map((d) => d.id);

  it('hand-overs, then approval moves the dossier on to the official who received it', async () => {
    const received = await post(who.receptionA!, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode,
      receivingUnitCode: A,
      applicant: { fullName: 'Trần Văn Bình' },
      components: ['c01', 'c02', 'c04'].map((key) => ({ key, state: 'present' })),
    });
    expect(received.statusCode, received.body).toBe(201);
    const id: string = received.json().id;
    // Step 1 (reception) waits for reception, not for the specialist.
    expect(await waiting(who.receptionA!)).toContain(id);
    expect(await waiting(who.specialistA!)).not.toContain(id);
    expect((await post(who.receptionA!, `/api/dossiers/${id}/claim`, { stepOrder: 1 })).statusCode).toBe(200);
    expect((await post(who.receptionA!, `/api/dossiers/${id}/complete-step`, { fromStep: 1 })).statusCode).toBe(200);
    expect(await waiting(who.specialistA!)).toContain(id);
    expect(await waiting(who.receptionA!)).not.toContain(id);
    // A leader of A who is a specialist only in B: the free specialist step of A's dossier is not theirs.
    const mixed = await signIn(app, database, [
      { role: 'leader', unitCode: A },
      { role: 'specialist', unitCode: B },
    ]);
    expect(await waiting(mixed)).not.toContain(id);
    expect((await post(who.specialistA!, `/api/dossiers/${id}/claim`, { stepOrder: 2 })).statusCode).toBe(200);
    expect((await post(who.specialistA!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    expect(await waiting(who.leaderA!)).toContain(id);
    // …but the approval step in A is.
    expect(await waiting(mixed)).toContain(id);

    const approved = await post(who.leaderA!, `/api/dossiers/${id}/approve`, { note: 'Đồng ý' });
    expect(approved.statusCode, approved.body).toBe(200);
    const d = approved.json();
    // One action for the leader: approved and handed on to step 4 (return), held by who received it.
    expect(d.currentStep).toMatchObject({ order: 4, role: 'reception', assigneeId: who.receptionA!.userId });
    expect(d.timeline.slice(-2).map((a: { type: string }) => a.type)).toEqual(['approved', 'step_completed']);
    expect(await waiting(who.leaderA!)).not.toContain(id);
    expect(await waiting(who.receptionA!)).toContain(id);
  });
});

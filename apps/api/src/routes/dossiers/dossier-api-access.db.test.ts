import type { DossierDetail } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import { createDossiersRepository, type Database } from '@mot-cua/db';
import { loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import type { Signed } from '../../testing.js';
import { applicant, complete, dossierApiCalls, setUpDossierApi } from './dossier-api-test-helpers.js';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let A: string; // commune A (competent for most dossiers)
let C: string; // commune C, same province (outsider)
let procedureCode: string;
const who: Record<string, Signed> = {};
const { post, get, receive } = dossierApiCalls(() => ({ app, A, procedureCode }));

beforeAll(async () => {
  ({ database, app, A, C, procedureCode } = await setUpDossierApi(clock, who));
});
afterAll(async () => {
  await app.close();
});

describe('dossier API: authorization, errors, lists, public lookup', () => {
  it('a commune official cannot reach into another commune’s dossier; a province supervisor can read', async () => {
    const d = await receive(who.receptionA!, {});
    for (const [method, url] of [
      ['GET', `/api/dossiers/${d.id}`],
      ['GET', `/api/dossiers/${d.id}/slips/receipt`],
      ['POST', `/api/dossiers/${d.id}/claim`],
      ['POST', `/api/dossiers/${d.id}/stop`],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: method === 'GET' ? { cookie: who.specialistC!.cookie } : who.specialistC!.headers,
        ...(method === 'POST' ? { payload: { stepOrder: 1, reason: 'x' } } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('OUT_OF_JURISDICTION');
    }
    expect(
      (await get(who.specialistC, '/api/dossiers?view=all')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(d.id);
    expect((await get(who.supervisor, `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const approve = await post(who.specialistA, `/api/dossiers/${d.id}/approve`);
    expect(approve.statusCode).toBe(403);
    expect(approve.json().code).toBe('FORBIDDEN');
    const receiveElsewhere = await post(who.receptionA, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode,
      receivingUnitCode: C,
      applicant,
      components: complete,
    });
    expect(receiveElsewhere.statusCode).toBe(403);
    expect(receiveElsewhere.json().code).toBe('OUT_OF_JURISDICTION');
  });

  it('the detail lists only the actions the signed-in official may take now, and each one is accepted', async () => {
    const allowed = async (s: Signed | undefined, id: string): Promise<string[]> => {
      const res = await get(s, `/api/dossiers/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().allowedActions;
    };
    // Online and new: reception may accept, ask for a supplement or refuse; the leader may not.
    const submitted = await post(who.citizen, '/api/dossiers', {
      mode: 'submit',
      channel: 'online',
      procedureCode,
      receivingUnitCode: A,
      applicant,
      components: complete,
      returnMethod: 'online',
    });
    const n: DossierDetail = submitted.json();
    expect(await allowed(who.receptionA, n.id)).toEqual(
      expect.arrayContaining(['received', 'supplement_requested', 'refused']),
    );
    expect(await allowed(who.receptionA, n.id)).not.toContain('approved');
    expect(await allowed(who.leaderA, n.id)).not.toContain('received');
    expect(await allowed(who.specialistA, n.id)).not.toContain('received');
    expect(await allowed(who.supervisor, n.id)).toEqual([]);

    // Received at the counter: reception holds step 1; nobody approves before the approval step.
    const d = await receive(who.receptionA!, {});
    const rec = await allowed(who.receptionA, d.id);
    expect(rec).toEqual(expect.arrayContaining(['claimed', 'step_completed']));
    expect(rec).not.toContain('approved');
    expect(rec).not.toContain('assigned');
    expect(await allowed(who.leaderA, d.id)).not.toContain('approved');
    expect(await allowed(who.leaderA, d.id)).not.toContain('claimed');
    expect(await allowed(who.headA, d.id)).toContain('assigned');
    expect(await allowed(who.specialistA, d.id)).not.toContain('claimed'); // the step is reception's

    // The response to an action is computed for the one who acted.
    const claimed = await post(who.receptionA, `/api/dossiers/${d.id}/claim`, { stepOrder: 1 });
    expect(claimed.json().allowedActions).toContain('step_completed');
    expect(claimed.json().allowedActions).not.toContain('claimed');
    await post(who.receptionA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 1 });
    await post(who.headA, `/api/dossiers/${d.id}/assign`, { stepOrder: 2, assigneeId: who.specialistA!.userId });
    // Step 2 is the specialist's: only its holder (or a head) hands it over.
    expect(await allowed(who.specialistA, d.id)).toContain('step_completed');
    expect(await allowed(who.specialistA2, d.id)).not.toContain('step_completed');
    expect(await allowed(who.headA, d.id)).toContain('step_completed');
    expect(await allowed(who.receptionA, d.id)).not.toContain('step_completed');
    const notHolder = await post(who.specialistA2, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 });
    expect(notHolder.json().code).toBe('NOT_STEP_ASSIGNEE');
    expect((await post(who.specialistA, `/api/dossiers/${d.id}/complete-step`, { fromStep: 2 })).statusCode).toBe(200);
    expect(await allowed(who.leaderA, d.id)).toContain('approved'); // step 3 is the approval step
    const approved = await post(who.leaderA, `/api/dossiers/${d.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().allowedActions).not.toContain('approved');
    expect(await allowed(who.specialistA, d.id)).toContain('result_issued');
    expect(await allowed(who.receptionA, d.id)).not.toContain('result_issued');
  });

  it('401 without a session, 400 on invalid input, 404 on unknown dossiers, 409 with the specific code', async () => {
    expect((await get(undefined, '/api/dossiers')).statusCode).toBe(401);
    const bad = await post(who.receptionA, '/api/dossiers', { mode: 'receive', channel: 'fax' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const missing = await get(who.receptionA, '/api/dossiers/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DOSSIER_NOT_FOUND');
    const d = await receive(who.receptionA!, {});
    const notReady = await post(who.receptionA, `/api/dossiers/${d.id}/return`, { method: 'counter' });
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().code).toBe('RESULT_NOT_READY');
    const accept = await post(who.receptionA, `/api/dossiers/${d.id}/accept`, {});
    expect(accept.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const noSlip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/apology`);
    expect(noSlip.statusCode).toBe(409);
    expect(noSlip.json().code).toBe('SLIP_NOT_AVAILABLE');
    const procedureMissing = await post(who.receptionA, '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode: '9.999999',
      receivingUnitCode: A,
      applicant,
      components: [],
    });
    expect(procedureMissing.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });

  it('a procedure without a time limit: reception must enter one (422), it makes the due date; refused where there is one', async () => {
    const none = (await loadDossierTestProcedure(database.db, { unitCode: A, days: null })).code;
    const body = { mode: 'receive', channel: 'in_person', procedureCode: none, receivingUnitCode: A, applicant };
    const required = await post(who.receptionA, '/api/dossiers', { ...body, components: complete });
    expect(required.statusCode, required.body).toBe(422);
    expect(required.json()).toMatchObject({ code: 'DOSSIER_TIME_LIMIT_REQUIRED' });
    expect(required.json().detail).toContain('phải nhập thời hạn giải quyết');
    const en = await app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...who.receptionA!.headers, 'accept-language': 'en' },
      payload: { ...body, components: complete },
    });
    expect(en.json()).toMatchObject({ code: 'DOSSIER_TIME_LIMIT_REQUIRED' });
    expect(en.json().detail).toContain('must enter a time limit');
    for (const timeLimit of [
      { value: 0, unit: 'working_days' },
      { value: -1, unit: 'working_days' },
      { value: 3, unit: 'none' },
      { value: 400, unit: 'calendar_days' },
    ]) {
      const bad = await post(who.receptionA, '/api/dossiers', { ...body, components: complete, timeLimit });
      expect(bad.statusCode, JSON.stringify(timeLimit)).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    }
    // 5 working days from Monday 09:00: the next Monday 09:00; the receipt and the dossier carry it.
    const d = await receive(who.receptionA!, { procedureCode: none, timeLimit: { value: 5, unit: 'working_days' } });
    expect(d.dueAt).toBe('2026-03-09T02:00:00.000Z');
    const stored = await createDossiersRepository(database.db).findDossier(d.id);
    expect(stored?.duration).toEqual({ value: 5, unit: 'working_days' });
    const slip = await get(who.receptionA, `/api/dossiers/${d.id}/slips/receipt`);
    expect((await pdfText(slip.rawPayload)).text.replace(/\s+/g, ' ')).toContain('09:00 ngày 09/03/2026');
    // A procedure with its own limit does not take another one.
    const fixed = await post(who.receptionA, '/api/dossiers', {
      ...body,
      procedureCode,
      components: complete,
      timeLimit: { value: 10, unit: 'working_days' },
    });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().code).toBe('DOSSIER_TIME_LIMIT_FIXED');

    // Online: the citizen submits without one (and may not set one); reception enters it when accepting.
    const online = { ...body, mode: 'submit', channel: 'online', components: complete, returnMethod: 'online' };
    expect(
      (await post(who.citizen, '/api/dossiers', { ...online, timeLimit: { value: 1, unit: 'working_days' } }))
        .statusCode,
    ).toBe(403);
    const submitted = await post(who.citizen, '/api/dossiers', online);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = (submitted.json() as DossierDetail).id;
    const noLimit = await post(who.receptionA, `/api/dossiers/${id}/accept`, {});
    expect(noLimit.statusCode).toBe(422);
    expect(noLimit.json().code).toBe('DOSSIER_TIME_LIMIT_REQUIRED');
    const accepted = await post(who.receptionA, `/api/dossiers/${id}/accept`, {
      timeLimit: { value: 4, unit: 'working_hours' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // 09:00 + 4 working hours (lunch 11:30–13:30): 15:00 the same day.
    expect(accepted.json()).toMatchObject({ status: 'received', dueAt: '2026-03-02T08:00:00.000Z' });
    expect((await createDossiersRepository(database.db).findDossier(id))?.duration).toEqual({
      value: 4,
      unit: 'working_hours',
    });

    // The unit's internal process sets one (two steps of 1 working day): nothing to enter, due Wednesday.
    const byProcess = (await loadDossierTestProcedure(database.db, { unitCode: A, days: null, processDays: 1 })).code;
    const p = await receive(who.receptionA!, { procedureCode: byProcess });
    expect(p.dueAt).toBe('2026-03-04T02:00:00.000Z');
  });

  it('withdrawal gives a stop notice; apology is once and in time; overdue and due-soon lists', async () => {
    const w = await receive(who.receptionA!, {});
    const withdrawn = await post(who.receptionA, `/api/dossiers/${w.id}/withdraw`, { reason: 'Không còn nhu cầu' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', nationalStatus: 7 });
    const stop = await get(who.receptionA, `/api/dossiers/${w.id}/slips/stop`);
    expect((await pdfText(stop.rawPayload)).text.replace(/\s+/g, ' ')).toContain('Không còn nhu cầu');

    const d = await receive(who.receptionA!, {});
    const apology = await post(who.specialistA, `/api/dossiers/${d.id}/apology`, {
      reason: 'Chờ xác minh thông tin',
      newDueAt: '2026-03-10T02:00:00Z',
    });
    expect(apology.statusCode, apology.body).toBe(200);
    expect(apology.json().dueAt).toBe('2026-03-10T02:00:00.000Z');
    const again = await post(who.specialistA, `/api/dossiers/${d.id}/apology`, {
      reason: 'Lần hai',
      newDueAt: '2026-03-20T02:00:00Z',
    });
    expect(again.json().code).toBe('APOLOGY_ALREADY_ISSUED');

    const late = await receive(who.receptionA!, {});
    clock.set('2026-03-04T03:00:00Z'); // Wednesday 10:00, due Thursday 09:00: less than a working day left
    const tooLate = await post(who.specialistA, `/api/dossiers/${late.id}/apology`, {
      reason: 'Muộn',
      newDueAt: '2026-03-12T02:00:00Z',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('APOLOGY_TOO_LATE');
    const soon = (await get(who.receptionA, '/api/dossiers?view=due_soon&limit=200')).json();
    expect(soon.items.map((x: { id: string }) => x.id)).toContain(late.id);
    clock.set('2026-03-06T03:00:00Z');
    const overdue = (await get(who.receptionA, '/api/dossiers?view=overdue&limit=200')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(overdue.items.map((x: { id: string }) => x.id)).not.toContain(d.id); // apology moved it to 10/03
    const detail = (await get(who.receptionA, `/api/dossiers/${late.id}`)).json();
    expect(detail.progress).toBe('overdue');
    clock.set('2026-03-02T02:00:00Z');
  });

  it('public lookup needs the code and a matching phone or ID number, and shows only initials', async () => {
    const d = await receive(who.receptionA!, {});
    const ok = await get(undefined, `/api/dossiers/public/lookup?code=${d.code}&secondFactor=0909%20123%20456`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      code: d.code,
      applicantInitials: 'N. T. Ánh',
      status: 'received',
      statusName: 'Được tiếp nhận',
    });
    expect(ok.body).not.toContain('079190000001');
    const wrong = await get(undefined, `/api/dossiers/public/lookup?code=${d.code}&secondFactor=0911111111`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('DOSSIER_LOOKUP_FAILED');
    const unknown = await get(
      undefined,
      `/api/dossiers/public/lookup?code=X00.0-260302-019999&secondFactor=0909123456`,
    );
    expect(unknown.json().code).toBe('DOSSIER_LOOKUP_FAILED');
    const slip = await get(
      undefined,
      `/api/dossiers/public/slips/receipt?code=${d.code}&secondFactor=${applicant.idNumber}`,
    );
    expect(slip.statusCode).toBe(200);
    expect((await pdfText(slip.rawPayload)).text).toContain(d.code);
    const sheet = await get(
      undefined,
      `/api/dossiers/public/slips/control-sheet?code=${d.code}&secondFactor=${applicant.idNumber}`,
    );
    expect(sheet.statusCode).toBe(409);
  });
});

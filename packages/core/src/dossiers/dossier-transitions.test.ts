import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { ActionPayload, DossierActionType } from './dossier-actions.js';
import { type DossierStatus, deriveDossierState } from './dossier-state.js';
import { hours, log, received } from './dossier-test-helpers.js';
import {
  assertTransition,
  authorizationActionFor,
  availableActions,
  refuseTransition,
  type TransitionContext,
} from './dossier-transitions.js';

const items = [{ key: 'cccd', name: 'Căn cước', state: 'missing' as const }];
const ctx: TransitionContext = {
  now: hours(10),
  actorId: 'u-head',
  actorRole: 'department_head',
  competentUnitCode: '26743',
};

/** One log per status. */
const logs: Record<DossierStatus, ActionPayload[]> = {
  new: [{ type: 'submitted', channel: 'online' }],
  supplement_requested: [received(), { type: 'supplement_requested', items }],
  received: [received()],
  processing: [received(), { type: 'claimed', stepOrder: 1 }],
  awaiting_payment: [received(), { type: 'financial_obligation_requested' }],
  result_ready: [received(), { type: 'approved' }, { type: 'result_issued', documents: [] }],
  returned: [
    received(),
    { type: 'approved' },
    { type: 'result_issued', documents: [] },
    { type: 'returned', method: 'counter' },
  ],
  refused: [
    { type: 'submitted', channel: 'online' },
    { type: 'refused', reasons: ['x'] },
  ],
  withdrawn: [received(), { type: 'withdrawn', reason: 'x' }],
  stopped: [received(), { type: 'stopped', reason: 'x' }],
};

/** A valid-looking payload of each type (guards with data are tested separately). */
const sample: Record<DossierActionType, ActionPayload> = {
  submitted: { type: 'submitted', channel: 'online' },
  received: received(),
  supplement_requested: { type: 'supplement_requested', items },
  supplemented: { type: 'supplemented' },
  refused: { type: 'refused', reasons: ['Không thuộc thẩm quyền'] },
  assigned: { type: 'assigned', stepOrder: 1, assigneeId: 'u-spec' },
  claimed: { type: 'claimed', stepOrder: 1 },
  step_completed: { type: 'step_completed', fromStep: 1, toStep: 2 },
  forwarded: { type: 'forwarded', toUnitCode: '79' },
  consultation_requested: { type: 'consultation_requested', consultationId: 'c9', agency: 'Thuế', dueAt: null },
  consultation_answered: { type: 'consultation_answered', consultationId: 'c1' },
  financial_obligation_requested: { type: 'financial_obligation_requested' },
  financial_obligation_paid: { type: 'financial_obligation_paid' },
  approved: { type: 'approved' },
  result_issued: { type: 'result_issued', documents: [] },
  apology_issued: { type: 'apology_issued', reason: 'Chậm', newDueAt: hours(100), previousDueAt: hours(72) },
  withdrawn: { type: 'withdrawn', reason: 'Rút' },
  stopped: { type: 'stopped', reason: 'Dừng' },
  returned: { type: 'returned', method: 'counter' },
  rated: { type: 'rated', level: 4 },
};

// Hand-written expected outcome per (status, action): 'ok' or the refusal code.
const C = 'DOSSIER_CLOSED';
const N = 'TRANSITION_NOT_ALLOWED';
const expected: Record<DossierStatus, Partial<Record<DossierActionType, string>>> = {
  new: {
    submitted: N,
    received: 'ok',
    supplement_requested: 'ok',
    supplemented: N,
    refused: 'ok',
    assigned: N,
    claimed: N,
    step_completed: N,
    forwarded: N,
    consultation_requested: N,
    consultation_answered: N,
    financial_obligation_requested: N,
    financial_obligation_paid: N,
    approved: N,
    result_issued: 'NOT_APPROVED',
    apology_issued: N,
    withdrawn: 'ok',
    stopped: 'ok',
    returned: 'RESULT_NOT_READY',
    rated: 'RATING_NOT_ALLOWED',
  },
  supplement_requested: {
    submitted: N,
    received: N,
    supplement_requested: 'SUPPLEMENT_ALREADY_REQUESTED',
    supplemented: 'ok',
    refused: 'ok',
    assigned: N,
    claimed: N,
    step_completed: N,
    forwarded: N,
    consultation_requested: N,
    consultation_answered: 'CONSULTATION_NOT_FOUND',
    financial_obligation_requested: N,
    financial_obligation_paid: N,
    approved: N,
    result_issued: 'NOT_APPROVED',
    apology_issued: 'ok',
    withdrawn: 'ok',
    stopped: 'ok',
    returned: 'RESULT_NOT_READY',
    rated: 'RATING_NOT_ALLOWED',
  },
  received: {
    submitted: N,
    received: N,
    supplement_requested: 'ok',
    supplemented: N,
    refused: 'ok',
    assigned: 'ok',
    claimed: 'ok',
    step_completed: 'ok',
    forwarded: 'ok',
    consultation_requested: 'ok',
    consultation_answered: 'CONSULTATION_NOT_FOUND',
    financial_obligation_requested: 'ok',
    financial_obligation_paid: N,
    approved: 'ok',
    result_issued: 'NOT_APPROVED',
    apology_issued: 'ok',
    withdrawn: 'ok',
    stopped: 'ok',
    returned: 'RESULT_NOT_READY',
    rated: 'RATING_NOT_ALLOWED',
  },
  processing: {
    submitted: N,
    received: N,
    supplement_requested: 'ok',
    supplemented: N,
    refused: 'ok',
    assigned: 'ok',
    claimed: 'STEP_ALREADY_CLAIMED',
    step_completed: 'ok',
    forwarded: 'ok',
    consultation_requested: 'ok',
    consultation_answered: 'CONSULTATION_NOT_FOUND',
    financial_obligation_requested: 'ok',
    financial_obligation_paid: N,
    approved: 'ok',
    result_issued: 'NOT_APPROVED',
    apology_issued: 'ok',
    withdrawn: 'ok',
    stopped: 'ok',
    returned: 'RESULT_NOT_READY',
    rated: 'RATING_NOT_ALLOWED',
  },
  awaiting_payment: {
    submitted: N,
    received: N,
    supplement_requested: N,
    supplemented: N,
    refused: N,
    assigned: N,
    claimed: N,
    step_completed: N,
    forwarded: N,
    consultation_requested: N,
    consultation_answered: 'CONSULTATION_NOT_FOUND',
    financial_obligation_requested: N,
    financial_obligation_paid: 'ok',
    approved: N,
    result_issued: 'NOT_APPROVED',
    apology_issued: 'ok',
    withdrawn: 'ok',
    stopped: 'ok',
    returned: 'RESULT_NOT_READY',
    rated: 'RATING_NOT_ALLOWED',
  },
  result_ready: {
    submitted: N,
    received: N,
    supplement_requested: 'DECISION_ALREADY_ISSUED',
    supplemented: N,
    refused: 'DECISION_ALREADY_ISSUED',
    assigned: N,
    claimed: N,
    step_completed: N,
    forwarded: N,
    consultation_requested: N,
    consultation_answered: N,
    financial_obligation_requested: N,
    financial_obligation_paid: N,
    approved: N,
    result_issued: N,
    apology_issued: C,
    withdrawn: 'DECISION_ALREADY_ISSUED',
    stopped: 'DECISION_ALREADY_ISSUED',
    returned: 'ok',
    rated: 'RATING_NOT_ALLOWED',
  },
  returned: { rated: 'ok' },
  refused: {},
  withdrawn: {},
  stopped: {},
};

describe('transition table: every status × every action', () => {
  for (const status of Object.keys(logs) as DossierStatus[]) {
    const state = deriveDossierState(log(...logs[status]));
    it(`the ${status} log derives ${status}`, () => expect(state.status).toBe(status));
    for (const type of Object.keys(sample) as DossierActionType[]) {
      const closed = ['returned', 'refused', 'withdrawn', 'stopped'].includes(status);
      const want = expected[status][type] ?? (closed ? (type === 'submitted' ? N : C) : undefined);
      it(`${status} + ${type} → ${want}`, () => {
        expect(want).toBeDefined();
        const r = refuseTransition(state, sample[type], ctx);
        expect(r?.code ?? 'ok').toBe(want);
      });
    }
  }
});

describe('specific guards', () => {
  it('a second supplement request during processing is refused even after the first was answered', () => {
    const s = deriveDossierState(
      log(
        received(),
        { type: 'supplement_requested', items },
        { type: 'supplemented' },
        { type: 'claimed', stepOrder: 1 },
      ),
    );
    expect(refuseTransition(s, sample.supplement_requested, ctx)?.code).toBe('SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('an intake supplement does not use up the processing one', () => {
    const s = deriveDossierState(
      log(
        { type: 'submitted', channel: 'in_person' },
        { type: 'supplement_requested', items },
        { type: 'supplemented' },
        received(),
      ),
    );
    expect(refuseTransition(s, sample.supplement_requested, ctx)).toBeUndefined();
  });

  it('a supplement request must list at least one problem', () => {
    const s = deriveDossierState(log(received()));
    const r = refuseTransition(
      s,
      { type: 'supplement_requested', items: [{ key: 'a', name: 'A', state: 'present' }] },
      ctx,
    );
    expect(r?.code).toBe('SUPPLEMENT_ITEMS_REQUIRED');
  });

  it('apology: once, later date, at least one working day before the due date', () => {
    const s = deriveDossierState(log(received()));
    expect(refuseTransition(s, sample.apology_issued, { ...ctx, apologyLatestAt: hours(48) })).toBeUndefined();
    expect(
      refuseTransition(s, sample.apology_issued, { ...ctx, now: hours(50), apologyLatestAt: hours(48) })?.code,
    ).toBe('APOLOGY_TOO_LATE');
    expect(refuseTransition(s, sample.apology_issued, { ...ctx, now: hours(73) })?.code).toBe('APOLOGY_TOO_LATE');
    expect(refuseTransition(s, { ...sample.apology_issued, newDueAt: hours(72) } as ActionPayload, ctx)?.code).toBe(
      'APOLOGY_DATE_NOT_LATER',
    );
    const after = deriveDossierState(log(received(), sample.apology_issued));
    expect(
      refuseTransition(after, { ...sample.apology_issued, newDueAt: hours(200) } as ActionPayload, ctx)?.code,
    ).toBe('APOLOGY_ALREADY_ISSUED');
  });

  it('approval waits for open consultations and happens once; the result needs it', () => {
    const open = deriveDossierState(log(received(), sample.consultation_requested));
    expect(refuseTransition(open, sample.approved, ctx)?.code).toBe('CONSULTATION_PENDING');
    const answered = deriveDossierState(
      log(received(), sample.consultation_requested, { type: 'consultation_answered', consultationId: 'c9' }),
    );
    expect(refuseTransition(answered, sample.approved, ctx)).toBeUndefined();
    const approved = deriveDossierState(log(received(), sample.approved));
    expect(refuseTransition(approved, sample.approved, ctx)?.code).toBe('ALREADY_APPROVED');
    expect(refuseTransition(approved, sample.result_issued, ctx)).toBeUndefined();
    expect(refuseTransition(approved, sample.withdrawn, ctx)?.code).toBe('DECISION_ALREADY_ISSUED');
  });

  it('claims and hand-overs check the current step and its holder', () => {
    const s = deriveDossierState(
      log(received(), { type: 'step_completed', fromStep: 1, toStep: 2, toAssigneeId: 'u-a' }),
    );
    expect(refuseTransition(s, { type: 'claimed', stepOrder: 1 }, ctx)?.code).toBe('STEP_CHANGED');
    expect(refuseTransition(s, { type: 'claimed', stepOrder: 2 }, ctx)?.code).toBe('STEP_ALREADY_CLAIMED');
    const spec: TransitionContext = { ...ctx, actorId: 'u-b', actorRole: 'specialist' };
    expect(refuseTransition(s, { type: 'step_completed', fromStep: 2, toStep: 3 }, spec)?.code).toBe(
      'NOT_STEP_ASSIGNEE',
    );
    expect(
      refuseTransition(s, { type: 'step_completed', fromStep: 2, toStep: 3 }, { ...spec, actorId: 'u-a' }),
    ).toBeUndefined();
    expect(refuseTransition(s, { type: 'step_completed', fromStep: 2, toStep: 3 }, ctx)).toBeUndefined();
    expect(refuseTransition(s, { type: 'step_completed', fromStep: 2, toStep: 9 }, ctx)?.code).toBe('STEP_NOT_FOUND');
    expect(refuseTransition(s, { type: 'step_completed', fromStep: 2, toStep: 1 }, ctx)?.code).toBe('STEP_NOT_FOUND');
    expect(refuseTransition(s, { type: 'assigned', stepOrder: 2, assigneeId: 'u-a' }, ctx)?.code).toBe(
      'STEP_ALREADY_CLAIMED',
    );
    expect(refuseTransition(s, { type: 'assigned', stepOrder: 2, assigneeId: 'u-c' }, ctx)).toBeUndefined();
  });

  it('no current step when the process has none', () => {
    const s = deriveDossierState(log(received({ steps: [] })));
    expect(refuseTransition(s, sample.claimed, ctx)?.code).toBe('NO_CURRENT_STEP');
  });

  it('forwarding to the unit that already holds the dossier is refused', () => {
    const s = deriveDossierState(log(received()));
    expect(refuseTransition(s, { type: 'forwarded', toUnitCode: '26743' }, ctx)?.code).toBe('FORWARD_TO_SAME_UNIT');
    const moved = deriveDossierState(log(received(), { type: 'forwarded', toUnitCode: '79' }));
    expect(refuseTransition(moved, { type: 'forwarded', toUnitCode: '79' }, ctx)?.code).toBe('FORWARD_TO_SAME_UNIT');
    expect(refuseTransition(moved, { type: 'forwarded', toUnitCode: '26743' }, ctx)).toBeUndefined();
  });

  it('reasons are required for refusal, withdrawal and stop', () => {
    const s = deriveDossierState(log(received()));
    expect(refuseTransition(s, { type: 'refused', reasons: ['  '] }, ctx)?.code).toBe('REASON_REQUIRED');
    expect(refuseTransition(s, { type: 'withdrawn', reason: '' }, ctx)?.code).toBe('REASON_REQUIRED');
    expect(refuseTransition(s, { type: 'stopped', reason: ' ' }, ctx)?.code).toBe('REASON_REQUIRED');
  });

  it('a dossier is rated once', () => {
    const s = deriveDossierState(log(...logs.returned, { type: 'rated', level: 3 }));
    expect(refuseTransition(s, sample.rated, ctx)?.code).toBe('ALREADY_RATED');
  });

  it('assertTransition throws an AppError carrying the code', () => {
    const s = deriveDossierState(log(...logs.stopped));
    expect(() => assertTransition(s, sample.approved, ctx)).toThrowError(AppError);
    expect(() => assertTransition(s, sample.approved, ctx)).toThrowError(
      expect.objectContaining({ code: 'DOSSIER_CLOSED' }),
    );
  });
});

describe('availableActions and authorization actions', () => {
  it('offers exactly the actions whose status-level check passes', () => {
    expect(availableActions(deriveDossierState(log(...logs.new))).sort()).toEqual(
      ['received', 'supplement_requested', 'refused', 'withdrawn', 'stopped'].sort(),
    );
    expect(availableActions(deriveDossierState(log(...logs.result_ready)))).toEqual(['returned']);
    expect(availableActions(deriveDossierState(log(...logs.returned)))).toEqual(['rated']);
    expect(availableActions(deriveDossierState(log(...logs.stopped)))).toEqual([]);
  });

  it('maps each action to the authorization action that guards it', () => {
    expect(authorizationActionFor('received', 'intake')).toBe('dossier.receive');
    expect(authorizationActionFor('supplement_requested', 'intake')).toBe('dossier.receive');
    expect(authorizationActionFor('supplement_requested', 'processing')).toBe('dossier.process');
    expect(authorizationActionFor('assigned', 'processing')).toBe('dossier.assign');
    expect(authorizationActionFor('approved', 'processing')).toBe('dossier.approve');
    expect(authorizationActionFor('returned', 'processing')).toBe('dossier.return');
    expect(authorizationActionFor('rated', 'closed')).toBe('dossier.rate');
    expect(authorizationActionFor('claimed', 'processing', 'reception')).toBe('dossier.receive');
    expect(authorizationActionFor('step_completed', 'processing', 'leader')).toBe('dossier.approve');
    expect(authorizationActionFor('claimed', 'processing', 'specialist')).toBe('dossier.process');
  });
});

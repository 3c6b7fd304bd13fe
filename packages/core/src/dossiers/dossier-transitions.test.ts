import { describe, expect, it } from 'vitest';
import type { DossierActionType } from './dossier-actions.js';
import { type DossierStatus, deriveDossierState } from './dossier-state.js';
import { log } from './dossier-test-helpers.js';
import { ctx, logs, sample } from './dossier-transitions.fixtures.js';
import { refuseTransition } from './dossier-transitions.js';

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

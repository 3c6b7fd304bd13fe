import type { ActionPayload, DossierActionType } from './dossier-actions.js';
import type { DossierStatus } from './dossier-state.js';
import { hours, received } from './dossier-test-helpers.js';
import type { TransitionContext } from './dossier-transitions.js';

/* The logs and payloads the transition tests share (dossier-transitions.test.ts, dossier-transition-guards.test.ts). */

export const items = [{ key: 'cccd', name: 'Căn cước', state: 'missing' as const }];
export const ctx: TransitionContext = {
  now: hours(10),
  actorId: 'u-head',
  actorRole: 'department_head',
  competentUnitCode: '26743',
};

/** One log per status. */
export const logs: Record<DossierStatus, ActionPayload[]> = {
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
export const sample: Record<DossierActionType, ActionPayload> = {
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

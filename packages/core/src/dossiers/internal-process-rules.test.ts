import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRoles } from '../authorization/actions.js';
import type { ActionPayload, ActorRole, DossierAction } from './dossier-actions.js';
import { deriveDossierState } from './dossier-state.js';
import { hours, log, received, steps } from './dossier-test-helpers.js';
import { authorizationActionFor, refuseTransition } from './dossier-transitions.js';
import { approvalStep, nextStep, type ProcessContext, refuseByProcess } from './internal-process-rules.js';

// The helpers' process: 1 reception, 2 specialist, 3 leader (approval), 4 reception (return).
const as = (actorRole: ActorRole, actorId = `u-${actorRole}`): ProcessContext => ({ actorId, actorRole });
const stateOf = (...p: ActionPayload[]) => deriveDossierState(log(...p));
const atStep = (n: number) => {
  const p: ActionPayload[] = [received()];
  for (let s = 1; s < n; s++) p.push({ type: 'step_completed', fromStep: s, toStep: s + 1 });
  return p;
};

describe('the internal process gates every action', () => {
  it('the leader cannot approve right after receipt; only at the approval step', () => {
    expect(refuseByProcess(stateOf(received()), { type: 'approved' }, as('leader'))?.code).toBe('NOT_APPROVAL_STEP');
    expect(refuseByProcess(stateOf(...atStep(2)), { type: 'approved' }, as('leader'))?.code).toBe('NOT_APPROVAL_STEP');
    expect(refuseByProcess(stateOf(...atStep(3)), { type: 'approved' }, as('leader'))).toBeUndefined();
  });

  it('an approval step held by another leader is approved by its holder only', () => {
    const held = stateOf(...atStep(3), { type: 'assigned', stepOrder: 3, assigneeId: 'u-leader-2' });
    expect(refuseByProcess(held, { type: 'approved' }, as('leader'))?.code).toBe('NOT_STEP_ASSIGNEE');
    expect(refuseByProcess(held, { type: 'approved' }, as('leader', 'u-leader-2'))).toBeUndefined();
  });

  it('no skipping: a hand-over goes to the next step only', () => {
    const s = stateOf(received());
    expect(refuseByProcess(s, { type: 'step_completed', fromStep: 1, toStep: 4 }, as('reception'))?.code).toBe(
      'STEP_OUT_OF_ORDER',
    );
    expect(refuseByProcess(s, { type: 'step_completed', fromStep: 1, toStep: 2 }, as('reception'))).toBeUndefined();
  });

  it("a step is claimed and handed over only by its role (or a head over a specialist's step)", () => {
    const s2 = stateOf(...atStep(2));
    expect(refuseByProcess(s2, { type: 'claimed', stepOrder: 2 }, as('reception'))?.code).toBe('STEP_ROLE_MISMATCH');
    expect(refuseByProcess(s2, { type: 'claimed', stepOrder: 2 }, as('leader'))?.code).toBe('STEP_ROLE_MISMATCH');
    expect(refuseByProcess(s2, { type: 'claimed', stepOrder: 2 }, as('specialist'))).toBeUndefined();
    expect(refuseByProcess(s2, { type: 'claimed', stepOrder: 2 }, as('department_head'))).toBeUndefined();
    const s3 = stateOf(...atStep(3));
    // The specialist neither takes nor hands on the leader's step.
    expect(refuseByProcess(s3, { type: 'claimed', stepOrder: 3 }, as('specialist'))?.code).toBe('STEP_ROLE_MISMATCH');
    expect(refuseByProcess(s3, { type: 'step_completed', fromStep: 3, toStep: 4 }, as('specialist'))?.code).toBe(
      'STEP_ROLE_MISMATCH',
    );
  });

  it("the specialist neither claims nor hands on the department head's step (default five-step process)", () => {
    const five = [
      { order: 1, name: 'Tiếp nhận', role: 'reception', duration: { value: 1, unit: 'working_days' } },
      { order: 2, name: 'Thẩm định', role: 'specialist', duration: { value: 1, unit: 'working_days' } },
      { order: 3, name: 'Xem xét, trình ký', role: 'department_head', duration: { value: 1, unit: 'working_days' } },
      { order: 4, name: 'Phê duyệt', role: 'leader', duration: { value: 1, unit: 'working_days' } },
      { order: 5, name: 'Trả kết quả', role: 'reception', duration: { value: 1, unit: 'working_days' } },
    ] as const;
    const s = stateOf(
      received({ steps: [...five] }),
      { type: 'step_completed', fromStep: 1, toStep: 2 },
      { type: 'step_completed', fromStep: 2, toStep: 3 },
    );
    expect(refuseByProcess(s, { type: 'claimed', stepOrder: 3 }, as('specialist'))?.code).toBe('STEP_ROLE_MISMATCH');
    expect(refuseByProcess(s, { type: 'step_completed', fromStep: 3, toStep: 4 }, as('specialist'))?.code).toBe(
      'STEP_ROLE_MISMATCH',
    );
    expect(refuseByProcess(s, { type: 'claimed', stepOrder: 3 }, as('department_head'))).toBeUndefined();
    expect(refuseByProcess(s, { type: 'approved' }, as('leader'))?.code).toBe('NOT_APPROVAL_STEP');
  });

  it('the approval step is not handed on before the approval', () => {
    const s3 = stateOf(...atStep(3));
    expect(refuseByProcess(s3, { type: 'step_completed', fromStep: 3, toStep: 4 }, as('leader'))?.code).toBe(
      'NOT_APPROVED',
    );
    const approved = stateOf(...atStep(3), { type: 'approved' });
    expect(refuseByProcess(approved, { type: 'step_completed', fromStep: 3, toStep: 4 }, as('leader'))).toBeUndefined();
  });

  it('a named next holder must be qualified; a result needs files', () => {
    const s = stateOf(received());
    const hand: ActionPayload = { type: 'step_completed', fromStep: 1, toStep: 2, toAssigneeId: 'random' };
    expect(refuseByProcess(s, hand, { ...as('reception'), toAssigneeQualified: false })?.code).toBe(
      'ASSIGNEE_NOT_QUALIFIED',
    );
    expect(refuseByProcess(s, hand, { ...as('reception'), toAssigneeQualified: true })).toBeUndefined();
    const approved = stateOf(...atStep(3), { type: 'approved' });
    expect(refuseByProcess(approved, { type: 'result_issued', documents: [] }, as('specialist'))?.code).toBe(
      'RESULT_FILES_REQUIRED',
    );
    expect(
      refuseByProcess(approved, { type: 'result_issued', documents: [{ name: 'kq.pdf' }] }, as('specialist')),
    ).toBeUndefined();
  });

  it('helpers: the approval step and the next step follow the order', () => {
    expect(approvalStep(steps)?.order).toBe(3);
    expect(nextStep(steps, 1)?.order).toBe(2);
    expect(nextStep(steps, 4)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------- property
const roles: ActorRole[] = ['reception', 'specialist', 'department_head', 'leader', 'center_director'];
const attempt = fc.record({
  role: fc.constantFrom(...roles),
  kind: fc.constantFrom('claim', 'complete', 'skip', 'approve', 'result', 'empty_result', 'return'),
});

/** Play attempted actions through both gates; only allowed ones are appended. */
function play(attempts: Array<{ role: ActorRole; kind: string }>): DossierAction[] {
  const out: ActionPayload[] = [received()];
  const meta: Array<{ actorRole: ActorRole; actorId: string }> = [{ actorRole: 'reception', actorId: 'u-reception' }];
  for (const a of attempts) {
    const state = deriveDossierState(log(...out.map((p, i) => ({ ...p, ...meta[i]! }))));
    const step = state.currentStep;
    const next = step ? nextStep(state.steps, step.order) : undefined;
    const payload: ActionPayload | undefined =
      a.kind === 'claim' && step
        ? { type: 'claimed', stepOrder: step.order }
        : a.kind === 'complete' && step && next
          ? { type: 'step_completed', fromStep: step.order, toStep: next.order }
          : a.kind === 'skip' && step
            ? { type: 'step_completed', fromStep: step.order, toStep: 4 }
            : a.kind === 'approve'
              ? { type: 'approved' }
              : a.kind === 'result'
                ? { type: 'result_issued', documents: [{ name: 'kq.pdf' }] }
                : a.kind === 'empty_result'
                  ? { type: 'result_issued', documents: [] }
                  : a.kind === 'return'
                    ? { type: 'returned', method: 'counter' }
                    : undefined;
    if (!payload) continue;
    const ctx = { now: hours(100), actorId: `u-${a.role}`, actorRole: a.role };
    // The three gates of production: the role table (policy), the status rules, the internal process.
    const policy = authorizationActionFor(payload.type, state.phase, step?.role);
    if (!(actionRoles[policy] as readonly string[]).includes(a.role)) continue;
    if (refuseTransition(state, payload, ctx) || refuseByProcess(state, payload, ctx)) continue;
    out.push(payload);
    meta.push({ actorRole: a.role, actorId: `u-${a.role}` });
  }
  return log(...out.map((p, i) => ({ ...p, ...meta[i]! })));
}

describe('property: random action sequences never reach a state the internal process forbids', () => {
  it('steps in order, approval at the approval step by a leader, results with files after approval', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        const actions = play(attempts);
        let current = 1;
        let approved = false;
        for (const a of actions) {
          if (a.type === 'step_completed') {
            expect(a.fromStep).toBe(current);
            expect(a.toStep).toBe(current + 1);
            if (current === 3) expect(approved).toBe(true);
            current = a.toStep;
          }
          if (a.type === 'claimed') {
            const role = steps.find((s) => s.order === current)!.role;
            expect(
              role === a.actorRole ||
                (role === 'specialist' && a.actorRole === 'department_head') ||
                (role === 'reception' && a.actorRole === 'center_director'),
            ).toBe(true);
          }
          if (a.type === 'approved') {
            expect(current).toBe(3);
            expect(a.actorRole).toBe('leader');
            approved = true;
          }
          if (a.type === 'result_issued') {
            expect(approved).toBe(true);
            expect(a.documents.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

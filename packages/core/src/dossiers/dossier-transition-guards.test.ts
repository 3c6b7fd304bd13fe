import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { ActionPayload } from './dossier-actions.js';
import { deriveDossierState } from './dossier-state.js';
import { hours, log, received } from './dossier-test-helpers.js';
import { ctx, items, logs, sample } from './dossier-transitions.fixtures.js';
import {
  assertTransition,
  authorizationActionFor,
  availableActions,
  refuseTransition,
  type TransitionContext,
} from './dossier-transitions.js';

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

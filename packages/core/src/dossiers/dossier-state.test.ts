import { describe, expect, it } from 'vitest';
import type { ActionPayload } from './dossier-actions.js';
import { classifyProgress, deriveDossierState, pausedMs } from './dossier-state.js';
import { hours, log, received, T0 } from './dossier-test-helpers.js';
import { nationalStatusCode } from './national-status.js';

const statusOf = (...p: ActionPayload[]) => deriveDossierState(log(...p)).status;

describe('deriveDossierState: status from action sequences', () => {
  it('an empty log is a new dossier in intake', () => {
    const s = deriveDossierState([]);
    expect(s.status).toBe('new');
    expect(s.phase).toBe('intake');
  });

  it('online submission is new (national 1) with an intake deadline, then received (2)', () => {
    const l = log({ type: 'submitted', channel: 'online', intakeDueAt: hours(8) }, received({ channel: 'online' }));
    expect(deriveDossierState(l.slice(0, 1))).toMatchObject({
      status: 'new',
      intakeDueAt: hours(8),
      channel: 'online',
    });
    const s = deriveDossierState(l);
    expect(s.status).toBe('received');
    expect(nationalStatusCode[s.status]).toBe(2);
    expect(s.submittedAt).toEqual(T0);
    expect(s.receivedAt).toEqual(hours(1));
    expect(s.currentStep).toMatchObject({ order: 1, name: 'Tiếp nhận', assigneeId: null, dueAt: hours(4) });
  });

  it('counter receipt goes straight to received with due date and the first step', () => {
    const s = deriveDossierState(log(received()));
    expect(s).toMatchObject({ status: 'received', phase: 'processing', dueAt: hours(72), originalDueAt: hours(72) });
    expect(s.steps).toHaveLength(4);
  });

  it('intake supplement: new → supplement_requested (5) → new, without a pause', () => {
    const items = [{ key: 'cccd', name: 'Căn cước', state: 'missing' as const }];
    const l = log(
      { type: 'submitted', channel: 'in_person' },
      { type: 'supplement_requested', items },
      { type: 'supplemented' },
    );
    expect(deriveDossierState(l.slice(0, 2))).toMatchObject({
      status: 'supplement_requested',
      pendingSupplement: items,
      counters: expect.objectContaining({ intakeSupplementRequests: 1, processingSupplementRequests: 0 }),
    });
    const s = deriveDossierState(l);
    expect(s.status).toBe('new');
    expect(s.pauses).toEqual([]);
    expect(s.pendingSupplement).toEqual([]);
  });

  it('processing supplement pauses the clock and restarts it with a new due date', () => {
    const items = [{ key: 'ban-ve', name: 'Bản vẽ', state: 'invalid' as const, reason: 'Thiếu chữ ký' }];
    const l = log(
      received(),
      { type: 'claimed', stepOrder: 1 },
      { type: 'supplement_requested', items },
      { type: 'supplemented', clockStartsAt: hours(30), dueAt: hours(120), at: hours(30) },
    );
    const paused = deriveDossierState(l.slice(0, 3));
    expect(paused.status).toBe('supplement_requested');
    expect(paused.pauses).toEqual([{ kind: 'supplement', from: hours(2), to: null }]);
    expect(pausedMs(paused, hours(12))).toBe(10 * 3_600_000);
    const s = deriveDossierState(l);
    expect(s).toMatchObject({
      status: 'processing',
      clockStartsAt: hours(30),
      dueAt: hours(120),
      originalDueAt: hours(120),
    });
    expect(s.pauses).toEqual([{ kind: 'supplement', from: hours(2), to: hours(30) }]);
    expect(s.counters.processingSupplementRequests).toBe(1);
  });

  it('the first work action moves received to processing (4)', () => {
    for (const p of [
      { type: 'claimed', stepOrder: 1 },
      { type: 'assigned', stepOrder: 1, assigneeId: 'u2' },
      { type: 'forwarded', toUnitCode: '79' },
      { type: 'consultation_requested', consultationId: 'c1', agency: 'Công an', dueAt: null },
      { type: 'step_completed', fromStep: 1, toStep: 2 },
    ] as ActionPayload[]) {
      expect(statusOf(received(), p)).toBe('processing');
    }
  });

  it('claims and assignments set the current step holder; a hand-over moves to the next step', () => {
    const l = log(
      received(),
      { type: 'claimed', stepOrder: 1, actorId: 'u-reception' },
      { type: 'step_completed', fromStep: 1, toStep: 2, stepDueAt: hours(20) },
      { type: 'assigned', stepOrder: 2, assigneeId: 'u-spec', assigneeName: 'Lê Văn Hùng', actorId: 'u-head' },
    );
    expect(deriveDossierState(l.slice(0, 2)).currentStep).toMatchObject({ order: 1, assigneeId: 'u-reception' });
    const s = deriveDossierState(l);
    expect(s.currentStep).toMatchObject({ order: 2, name: 'Thẩm định', assigneeId: 'u-spec', dueAt: hours(20) });
    expect(s.counters.assignments).toBe(2);
  });

  it('forwarding records the new competent unit and frees the step', () => {
    const s = deriveDossierState(
      log(
        received(),
        { type: 'claimed', stepOrder: 1 },
        { type: 'forwarded', toUnitCode: '79', toUnitName: 'Sở Tư pháp' },
      ),
    );
    expect(s.forwardedToUnitCode).toBe('79');
    expect(s.currentStep?.assigneeId).toBeNull();
    expect(s.counters.forwards).toBe(1);
  });

  it('consultations open and close', () => {
    const l = log(
      received(),
      { type: 'consultation_requested', consultationId: 'c1', agency: 'Thuế', dueAt: hours(40) },
      { type: 'consultation_requested', consultationId: 'c2', agency: 'Công an', dueAt: hours(40) },
      { type: 'consultation_answered', consultationId: 'c1' },
    );
    const s = deriveDossierState(l);
    expect(s.openConsultations).toEqual(['c2']);
    expect(s.counters.consultations).toBe(2);
  });

  it('financial obligation: awaiting_payment (6) pauses, paid resumes with a moved due date', () => {
    const l = log(
      received(),
      { type: 'financial_obligation_requested', amount: 500000 },
      { type: 'financial_obligation_paid', dueAt: hours(90), at: hours(20) },
    );
    const waiting = deriveDossierState(l.slice(0, 2));
    expect(waiting.status).toBe('awaiting_payment');
    expect(nationalStatusCode[waiting.status]).toBe(6);
    const s = deriveDossierState(l);
    expect(s.status).toBe('processing');
    expect(s.dueAt).toEqual(hours(90));
    expect(s.originalDueAt).toEqual(hours(72));
    expect(s.pauses).toEqual([{ kind: 'financial_obligation', from: hours(1), to: hours(20) }]);
  });

  it('full happy path: approved, result issued (9), returned (10), rated', () => {
    const l = log(
      received(),
      { type: 'claimed', stepOrder: 1 },
      { type: 'approved' },
      { type: 'result_issued', documents: [{ name: 'Giấy khai sinh', sha256: 'ab' }] },
      { type: 'returned', method: 'counter' },
      { type: 'rated', level: 5, criteria: { staffAttitude: 5 } },
    );
    const ready = deriveDossierState(l.slice(0, 4));
    expect(ready.status).toBe('result_ready');
    expect(nationalStatusCode[ready.status]).toBe(9);
    expect(ready.finishedAt).toEqual(hours(3));
    expect(ready.currentStep).toBeNull();
    const s = deriveDossierState(l);
    expect(s).toMatchObject({ status: 'returned', phase: 'closed', returnMethod: 'counter', returnedAt: hours(4) });
    expect(s.finishedAt).toEqual(hours(3));
    expect(s.rating).toEqual({ level: 5, criteria: { staffAttitude: 5 } });
    expect(nationalStatusCode[s.status]).toBe(10);
  });

  it('refusal (3), withdrawal (7) and stop (8) close the dossier and open pauses', () => {
    expect(statusOf({ type: 'submitted', channel: 'online' }, { type: 'refused', reasons: ['Ngoài thẩm quyền'] })).toBe(
      'refused',
    );
    const items = [{ key: 'x', name: 'X', state: 'missing' as const }];
    const w = deriveDossierState(
      log(received(), { type: 'supplement_requested', items }, { type: 'withdrawn', reason: 'Không cần nữa' }),
    );
    expect(w).toMatchObject({ status: 'withdrawn', phase: 'closed', stopReason: 'Không cần nữa' });
    // Nobody holds a step of a closed dossier (it leaves every work queue).
    expect(w.currentStep).toBeNull();
    expect(deriveDossierState(log(received(), { type: 'stopped', reason: 'Hết hạn' })).currentStep).toBeNull();
    expect(w.pauses[0]!.to).toEqual(hours(2));
    expect(nationalStatusCode.withdrawn).toBe(7);
    expect(statusOf(received(), { type: 'stopped', reason: 'Quá hạn bổ sung' })).toBe('stopped');
  });

  it('an apology sets a new due date and keeps the original', () => {
    const s = deriveDossierState(
      log(received(), {
        type: 'apology_issued',
        reason: 'Chờ xác minh',
        newDueAt: hours(100),
        previousDueAt: hours(72),
      }),
    );
    expect(s).toMatchObject({
      dueAt: hours(100),
      originalDueAt: hours(72),
      counters: expect.objectContaining({ apologies: 1 }),
    });
  });

  it('folds by seq even when given out of order, and tracks the last status change', () => {
    const l = log(received(), { type: 'claimed', stepOrder: 1 }, { type: 'approved' });
    const s = deriveDossierState([l[2]!, l[0]!, l[1]!]);
    expect(s.status).toBe('processing');
    expect(s.lastActionSeq).toBe(3);
    expect(s.lastStatusChangeAt).toEqual(hours(1));
  });
});

describe('classifyProgress', () => {
  it('open dossiers: undue, due soon, overdue; paused dossiers are not overdue', () => {
    const s = deriveDossierState(log(received()));
    expect(classifyProgress(s, hours(10), hours(60))).toBe('undue');
    expect(classifyProgress(s, hours(61), hours(60))).toBe('due_soon');
    expect(classifyProgress(s, hours(73), hours(60))).toBe('overdue');
    const paused = deriveDossierState(
      log(received(), { type: 'supplement_requested', items: [{ key: 'a', name: 'A', state: 'missing' }] }),
    );
    expect(classifyProgress(paused, hours(80))).toBe('undue');
  });

  it('finished dossiers: early, on time, late; more than one processing supplement counts as late', () => {
    const done = (at: Date) =>
      deriveDossierState(log(received(), { type: 'approved' }, { type: 'result_issued', documents: [], at }));
    expect(classifyProgress(done(hours(10)), hours(100))).toBe('early');
    expect(classifyProgress(done(hours(60)), hours(100))).toBe('on_time');
    expect(classifyProgress(done(hours(80)), hours(100))).toBe('late');
    const items = [{ key: 'a', name: 'A', state: 'missing' as const }];
    const twice = deriveDossierState(
      log(
        received(),
        { type: 'supplement_requested', items },
        { type: 'supplemented' },
        { type: 'supplement_requested', items },
      ),
    );
    expect(classifyProgress(twice, hours(5))).toBe('overdue');
  });

  it('no due date means no deadline class', () => {
    expect(classifyProgress(deriveDossierState(log(received({ dueAt: null }))), hours(1))).toBe('no_deadline');
  });
});

import { describe, expect, it } from 'vitest';
import { vnDateTime, vnInstant } from '../calendar/civil-date.js';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { AppError } from '../errors.js';
import {
  availableFeedbackActions,
  currentDeadline,
  deadlineMark,
  deadlineOfAction,
  escalationLevel,
  feedbackDeadlines,
  nextStatus,
  open311Status,
} from './feedback-rules.js';

const cal = nationalCalendar();
const at = (s: string) => vnInstant(s.slice(0, 10), s.slice(11));
const show = (d: Date | null) => (d ? vnDateTime(d) : null);

describe('feedback state machine', () => {
  it('goes received → accepted → info requested → in progress → answered → published', () => {
    let s = nextStatus('accept', { status: 'received', hasDraft: false }, undefined);
    expect(s).toBe('accepted');
    s = nextStatus('request_info', { status: s, hasDraft: false }, 'Xin số hồ sơ');
    expect(s).toBe('info_requested');
    s = nextStatus('info_received', { status: s, hasDraft: false }, undefined);
    expect(s).toBe('in_progress');
    expect(nextStatus('draft_answer', { status: s, hasDraft: false }, 'Trả lời')).toBe('in_progress');
    s = nextStatus('approve_answer', { status: s, hasDraft: true }, undefined);
    expect(s).toBe('answered');
    expect(nextStatus('publish', { status: s, hasDraft: true }, undefined)).toBe('published');
  });

  it('refuses with a reason only, and never after acceptance work has started', () => {
    expect(nextStatus('refuse', { status: 'received', hasDraft: false }, 'Không thuộc thẩm quyền')).toBe('refused');
    expect(() => nextStatus('refuse', { status: 'received', hasDraft: false }, '  ')).toThrowError(
      expect.objectContaining({ code: 'FEEDBACK_TEXT_REQUIRED' }),
    );
    expect(() => nextStatus('refuse', { status: 'in_progress', hasDraft: false }, 'x')).toThrowError(AppError);
  });

  it('approval needs a draft; a returned draft goes back to the specialist', () => {
    expect(() => nextStatus('approve_answer', { status: 'in_progress', hasDraft: false }, undefined)).toThrowError(
      expect.objectContaining({ code: 'FEEDBACK_ACTION_NOT_ALLOWED' }),
    );
    expect(nextStatus('return_draft', { status: 'in_progress', hasDraft: true }, 'Bổ sung căn cứ')).toBe('in_progress');
    expect(() => nextStatus('publish', { status: 'refused', hasDraft: false }, undefined)).toThrowError(AppError);
  });

  it('offers each role its own actions', () => {
    const specialist = (p: string) => p === 'feedback.handle';
    const leader = (p: string) => p === 'feedback.approve';
    expect(availableFeedbackActions({ status: 'received', hasDraft: false }, specialist)).toEqual(['accept', 'refuse']);
    expect(availableFeedbackActions({ status: 'in_progress', hasDraft: true }, leader)).toEqual([
      'return_draft',
      'approve_answer',
    ]);
    expect(availableFeedbackActions({ status: 'in_progress', hasDraft: true }, specialist)).toEqual([]);
  });

  it('maps to Open311 open/closed', () => {
    expect(open311Status('received')).toBe('open');
    expect(open311Status('info_requested')).toBe('open');
    expect(open311Status('refused')).toBe('closed');
    expect(open311Status('published')).toBe('closed');
  });
});

describe('feedback deadlines (working days, Decision 766 indicator 5.2)', () => {
  const receivedAt = at('2026-03-10 09:00'); // a Tuesday

  it('refuse within 2, ask for information within 5, answer within 15 working days', () => {
    const d = feedbackDeadlines({ receivedAt, pauses: [], answeredAt: null }, cal);
    expect(show(d.decideBy)).toBe('2026-03-12 09:00');
    expect(show(d.askInfoBy)).toBe('2026-03-17 09:00');
    expect(show(d.answerBy)).toBe('2026-03-31 09:00');
    expect(d.publishBy).toBeNull();
  });

  it('stops the answer clock while information is awaited and moves it by as much', () => {
    const open = feedbackDeadlines(
      { receivedAt, pauses: [{ startedAt: at('2026-03-11 09:00'), endedAt: null }], answeredAt: null },
      cal,
    );
    expect(open.answerBy).toBeNull();
    expect(currentDeadline('info_requested', open, false)).toBeNull();
    const closed = feedbackDeadlines(
      {
        receivedAt,
        pauses: [{ startedAt: at('2026-03-11 09:00'), endedAt: at('2026-03-16 09:00') }],
        answeredAt: null,
      },
      cal,
    );
    expect(show(closed.answerBy)).toBe('2026-04-03 09:00');
  });

  it('publishing is due 2 working days after the answer, across a weekend', () => {
    const d = feedbackDeadlines({ receivedAt, pauses: [], answeredAt: at('2026-03-13 10:00') }, cal);
    expect(show(d.publishBy)).toBe('2026-03-17 10:00');
    expect(currentDeadline('answered', d, true)).toEqual(d.publishBy);
    expect(currentDeadline('answered', d, false)).toBeNull();
    expect(deadlineOfAction('publish', d)).toEqual(d.publishBy);
    expect(deadlineOfAction('refuse', d)).toEqual(d.decideBy);
  });

  it('after a Tết holiday the decision is due after the days off', () => {
    const d = feedbackDeadlines({ receivedAt: at('2026-02-13 10:00'), pauses: [], answeredAt: null }, cal);
    expect(show(d.decideBy)).toBe('2026-02-24 10:00');
  });

  it('marks due soon, overdue, and escalates to the director then the province', () => {
    const due = at('2026-03-12 09:00');
    expect(deadlineMark(at('2026-03-10 09:00'), due, cal)).toBe('undue');
    expect(deadlineMark(at('2026-03-11 10:00'), due, cal)).toBe('due_soon');
    expect(deadlineMark(at('2026-03-12 10:00'), due, cal)).toBe('overdue');
    expect(deadlineMark(at('2026-03-12 10:00'), null, cal)).toBe('none');
    expect(escalationLevel(at('2026-03-12 08:00'), due, cal)).toBe(0);
    expect(escalationLevel(at('2026-03-13 09:00'), due, cal)).toBe(1);
    expect(escalationLevel(at('2026-03-16 09:00'), due, cal)).toBe(1);
    expect(escalationLevel(at('2026-03-16 10:00'), due, cal)).toBe(2);
  });
});

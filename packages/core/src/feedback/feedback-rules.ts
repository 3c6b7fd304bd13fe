import type { DeadlineMark, FeedbackAction, FeedbackStatus } from '@mot-cua/contracts';
import type { Action } from '../authorization/actions.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { classifyInProgress } from '../deadlines/classification.js';
import { addDuration, computeDueDate, type Pause } from '../deadlines/due-date.js';
import { type Duration, workingMsOf } from '../deadlines/duration.js';
import { AppError } from '../errors.js';

/**
 * The rules of feedback handling (PAKN), pure. Deadlines of the service index (Decision 766, indicator 5.2),
 * in working days on the responsible unit's working calendar: refuse (or accept) within 2 working days of
 * receipt, ask for information within 5, answer within 15 (the clock stops while information is awaited),
 * publish within 2 of the answer.
 */
export const FEEDBACK_LIMITS = {
  decide: { value: 2, unit: 'working_days' },
  askInfo: { value: 5, unit: 'working_days' },
  answer: { value: 15, unit: 'working_days' },
  publish: { value: 2, unit: 'working_days' },
} as const satisfies Record<string, Duration>;

/** Overdue by more than this goes from the center director to the province. */
export const ESCALATE_TO_PROVINCE_AFTER: Duration = { value: 2, unit: 'working_days' };

export type Transition = Readonly<{
  from: ReadonlyArray<FeedbackStatus>;
  to: FeedbackStatus | 'same';
  policy: Action;
  /** The action needs a text (reason, question, answer). */
  needsText: boolean;
  /** In progress: only with (needsDraft true) or without (false) a draft awaiting approval; undefined: either. */
  needsDraft?: boolean;
}>;

export const FEEDBACK_TRANSITIONS: Readonly<Record<FeedbackAction, Transition>> = {
  route: { from: ['received', 'accepted'], to: 'same', policy: 'feedback.route', needsText: false },
  accept: { from: ['received'], to: 'accepted', policy: 'feedback.handle', needsText: false },
  refuse: { from: ['received', 'accepted'], to: 'refused', policy: 'feedback.handle', needsText: true },
  request_info: {
    from: ['accepted', 'in_progress'],
    to: 'info_requested',
    policy: 'feedback.handle',
    needsText: true,
    needsDraft: false,
  },
  info_received: { from: ['info_requested'], to: 'in_progress', policy: 'feedback.handle', needsText: false },
  start: { from: ['accepted'], to: 'in_progress', policy: 'feedback.handle', needsText: false },
  draft_answer: {
    from: ['in_progress'],
    to: 'same',
    policy: 'feedback.handle',
    needsText: true,
    needsDraft: false,
  },
  return_draft: { from: ['in_progress'], to: 'same', policy: 'feedback.approve', needsText: true, needsDraft: true },
  approve_answer: {
    from: ['in_progress'],
    to: 'answered',
    policy: 'feedback.approve',
    needsText: false,
    needsDraft: true,
  },
  publish: { from: ['answered'], to: 'published', policy: 'feedback.approve', needsText: false },
};

export type FeedbackFacts = Readonly<{ status: FeedbackStatus; hasDraft: boolean }>;

/** Whether an action applies to a feedback in this state (regardless of who asks). */
export function actionApplies(action: FeedbackAction, f: FeedbackFacts): boolean {
  const t = FEEDBACK_TRANSITIONS[action];
  if (!t.from.includes(f.status)) return false;
  if (t.needsDraft !== undefined && t.needsDraft !== f.hasDraft) return false;
  return true;
}

/** Check an action and give the next status; throws FEEDBACK_ACTION_NOT_ALLOWED or FEEDBACK_TEXT_REQUIRED. */
export function nextStatus(action: FeedbackAction, f: FeedbackFacts, text: string | undefined): FeedbackStatus {
  if (!actionApplies(action, f)) {
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { details: { action, status: f.status } });
  }
  const t = FEEDBACK_TRANSITIONS[action];
  if (t.needsText && !text?.trim()) throw new AppError('FEEDBACK_TEXT_REQUIRED', { details: { action } });
  return t.to === 'same' ? f.status : t.to;
}

/** The actions an actor may take now, given what the policy allows them (`may`). */
export function availableFeedbackActions(f: FeedbackFacts, may: (policy: Action) => boolean): FeedbackAction[] {
  return (Object.keys(FEEDBACK_TRANSITIONS) as FeedbackAction[]).filter(
    (a) => actionApplies(a, f) && may(FEEDBACK_TRANSITIONS[a].policy),
  );
}

export type FeedbackTimeline = Readonly<{
  receivedAt: Date;
  /** Periods while information was awaited (the answer clock stops). */
  pauses: ReadonlyArray<Pause>;
  answeredAt: Date | null;
}>;

export type FeedbackDeadlines = Readonly<{
  decideBy: Date;
  askInfoBy: Date;
  /** null while information is awaited (the clock is stopped). */
  answerBy: Date | null;
  /** Once answered: the answer must be published by then (when it is to be published). */
  publishBy: Date | null;
}>;

/** Every deadline of one feedback on the working calendar of its unit. */
export function feedbackDeadlines(t: FeedbackTimeline, calendar: WorkingCalendar): FeedbackDeadlines {
  const at = (duration: Duration) =>
    computeDueDate({ receivedAt: t.receivedAt, duration, calendar, pauseRule: 'extend' }).dueAt!;
  const answer = computeDueDate({
    receivedAt: t.receivedAt,
    duration: FEEDBACK_LIMITS.answer,
    calendar,
    pauses: t.pauses,
    pauseRule: 'extend',
  });
  const publishBy = t.answeredAt
    ? addDuration(calendar.nextWorkingInstant(t.answeredAt), FEEDBACK_LIMITS.publish, calendar)
    : null;
  return {
    decideBy: at(FEEDBACK_LIMITS.decide),
    askInfoBy: at(FEEDBACK_LIMITS.askInfo),
    answerBy: answer.dueAt,
    publishBy,
  };
}

/** The deadline running in a state (null: none, e.g. refused, published, or waiting for information). */
export function currentDeadline(status: FeedbackStatus, d: FeedbackDeadlines, publishIntended: boolean): Date | null {
  switch (status) {
    case 'received':
      return d.decideBy;
    case 'accepted':
    case 'in_progress':
      return d.answerBy;
    case 'answered':
      return publishIntended ? d.publishBy : null;
    default:
      return null;
  }
}

/** The deadline an action is measured against (on time or late), if it has one. */
export function deadlineOfAction(action: FeedbackAction, d: FeedbackDeadlines): Date | null {
  switch (action) {
    case 'accept':
    case 'refuse':
      return d.decideBy;
    case 'request_info':
      return d.askInfoBy;
    case 'approve_answer':
      return d.answerBy;
    case 'publish':
      return d.publishBy;
    default:
      return null;
  }
}

/** Due soon (1 working day left) / overdue mark of the current deadline. */
export function deadlineMark(now: Date, due: Date | null, calendar: WorkingCalendar): DeadlineMark {
  if (!due) return 'none';
  return classifyInProgress(now, due, calendar);
}

/**
 * Escalation of an overdue feedback: to the center director as soon as it is overdue, to the province once it
 * is overdue by more than two working days.
 */
export function escalationLevel(now: Date, due: Date | null, calendar: WorkingCalendar): 0 | 1 | 2 {
  if (!due || now.getTime() <= due.getTime()) return 0;
  return calendar.workingMsBetween(due, now) > workingMsOf(ESCALATE_TO_PROVINCE_AFTER, calendar) ? 2 : 1;
}

/** Open311: open while the matter is being handled, closed once refused or answered. */
export function open311Status(status: FeedbackStatus): 'open' | 'closed' {
  return status === 'refused' || status === 'answered' || status === 'published' ? 'closed' : 'open';
}

/** Status notes for Open311 and the tracking page, in Vietnamese. */
export function statusNote(status: FeedbackStatus): string {
  return {
    received: 'Đã tiếp nhận, đang xem xét',
    accepted: 'Đã thụ lý, đang xử lý',
    refused: 'Từ chối tiếp nhận',
    info_requested: 'Đang chờ người gửi bổ sung thông tin',
    in_progress: 'Đang xử lý',
    answered: 'Đã trả lời',
    published: 'Đã trả lời và công khai',
  }[status];
}

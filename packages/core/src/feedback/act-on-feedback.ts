import { type FeedbackActionRequest, type FeedbackStatus, vnDate } from '@mot-cua/contracts';
import { authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { calendarFor, type FeedbackContext, feedbackResource } from './feedback-context.js';
import { feedbackNoticeFor, notifyFeedbackSubmitter } from './feedback-notifications.js';
import type { FeedbackPatch, FeedbackPorts } from './feedback-ports.js';
import {
  currentDeadline,
  deadlineOfAction,
  FEEDBACK_TRANSITIONS,
  feedbackDeadlines,
  nextStatus,
} from './feedback-rules.js';

/**
 * One handling step on a locked feedback: check the state rule and the actor's right in the unit, move the
 * deadlines (the answer clock stops while information is awaited), mark the step on time or late, keep the
 * submitter (acceptance, refusal, information request, answer, publication), append the event and audit.
 */
export async function actOnFeedback(
  id: string,
  req: FeedbackActionRequest,
  ctx: FeedbackContext,
  ports: FeedbackPorts,
) {
  const f = await ports.lockFeedback(id);
  if (!f) throw new AppError('FEEDBACK_NOT_FOUND');
  const t = FEEDBACK_TRANSITIONS[req.action];
  authorize(ctx.actor, t.policy, feedbackResource(f));
  const to: FeedbackStatus = nextStatus(req.action, { status: f.status, hasDraft: f.answerDraft !== null }, req.text);
  const now = ctx.now;
  const patch: { -readonly [K in keyof FeedbackPatch]: FeedbackPatch[K] } = { status: to };
  let unit = { unitCode: f.unitCode, provinceCode: f.provinceCode };
  let pauses = [...f.pauses];
  let answeredAt = f.answeredAt;
  let publishIntended = f.publishIntended;

  switch (req.action) {
    case 'route': {
      const target = await ports.findUnit(req.unitCode ?? f.unitCode, vnDate(now));
      if (!target) throw new AppError('FEEDBACK_UNIT_UNKNOWN', { details: { unitCode: req.unitCode } });
      if (target.provinceCode !== f.provinceCode)
        authorize(
          ctx.actor,
          'feedback.route',
          feedbackResource({ unitCode: target.code, provinceCode: target.provinceCode }),
        );
      const departmentId = req.departmentId ?? null;
      if (departmentId) {
        const d = await ports.findDepartment(departmentId);
        if (!d || d.unitCode !== target.code) throw new AppError('FEEDBACK_DEPARTMENT_MISMATCH');
      }
      unit = { unitCode: target.code, provinceCode: target.provinceCode };
      patch.unitCode = target.code;
      patch.departmentId = departmentId;
      break;
    }
    case 'refuse':
      patch.refusalReason = req.text!;
      break;
    case 'request_info':
      pauses.push({ startedAt: now, endedAt: null });
      patch.infoRequest = req.text!;
      break;
    case 'info_received':
      pauses = pauses.map((p, i) => (i === pauses.length - 1 && p.endedAt === null ? { ...p, endedAt: now } : p));
      break;
    case 'draft_answer':
      patch.answerDraft = req.text!;
      break;
    case 'return_draft':
      patch.answerDraft = null;
      break;
    case 'approve_answer':
      answeredAt = now;
      publishIntended = req.publish ?? false;
      patch.answer = f.answerDraft!;
      patch.answerDraft = null;
      patch.answeredAt = now;
      patch.publishIntended = publishIntended;
      break;
    case 'publish':
      patch.publicQuestion = req.publicQuestion ?? `${f.title}\n${f.content}`;
      patch.publishedAt = now;
      break;
    default:
      break;
  }
  if (pauses.length !== f.pauses.length || req.action === 'info_received') patch.pauses = pauses;

  const calendar = await calendarFor(ports, unit, f.receivedAt, now);
  const before = feedbackDeadlines({ receivedAt: f.receivedAt, pauses: f.pauses, answeredAt: f.answeredAt }, calendar);
  const measuredBy = deadlineOfAction(req.action, before);
  const onTime = measuredBy ? now.getTime() <= measuredBy.getTime() : null;
  if (onTime === false) patch.stepsOnTime = false;
  const after = feedbackDeadlines({ receivedAt: f.receivedAt, pauses, answeredAt }, calendar);
  patch.dueAt = currentDeadline(to, after, publishIntended);

  await ports.updateFeedback(f.id, patch);
  const eventId = await ports.appendEvent({
    feedbackId: f.id,
    action: req.action,
    fromStatus: f.status,
    toStatus: to,
    note:
      req.action === 'route'
        ? `${unit.unitCode}${patch.departmentId ? ` / ${patch.departmentId}` : ''}`
        : (req.text ?? null),
    actorUserId: ctx.actor!.userId,
    at: now,
    onTime,
  });
  const notice = feedbackNoticeFor(req.action, {
    text: req.text ?? null,
    dueAt: patch.dueAt ?? null,
    answer: patch.answer ?? null,
  });
  const notified = notice
    ? await notifyFeedbackSubmitter(ports.notifications, f, notice, `feedback:${f.id}:${eventId}`)
    : null;
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: `feedback.${req.action}`,
    entityType: 'feedback',
    entityId: f.id,
    unitCode: unit.unitCode,
    provinceCode: unit.provinceCode,
    data: {
      code: f.code,
      from: f.status,
      to,
      onTime,
      ...(req.action === 'route' ? { fromUnit: f.unitCode } : {}),
      ...(notified ? { notified: notified.queued } : {}),
    },
  });
  return { id: f.id, status: to, dueAt: patch.dueAt ?? null, onTime };
}

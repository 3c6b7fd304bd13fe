import {
  type FeedbackActionRequest,
  type FeedbackChannel,
  type FeedbackKind,
  type FeedbackRateRequest,
  type FeedbackStatus,
  vnDate,
} from '@mot-cua/contracts';
import type { UnitVersion } from '../admin-units/unit-model.js';
import { type Actor, authorize, type Resource } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { feedbackNoticeFor, notifyFeedbackSubmitter } from './feedback-notifications.js';
import type { FeedbackPatch, FeedbackPhoto, FeedbackPorts } from './feedback-ports.js';
import {
  currentDeadline,
  deadlineOfAction,
  FEEDBACK_TRANSITIONS,
  feedbackDeadlines,
  nextStatus,
} from './feedback-rules.js';
import { contactKeys, findRepeatOf, REPEAT_WINDOW_DAYS } from './repeats.js';
import { routeFeedback } from './routing.js';

export type FeedbackContext = Readonly<{ actor: Actor | undefined; now: Date }>;

/** A new matter from any channel, with its submitter and where it comes from. */
export type FeedbackIntake = Readonly<{
  channel: FeedbackChannel;
  kind: FeedbackKind;
  title: string;
  content: string;
  field: string | null;
  communeCode: string;
  dossierCode: string | null;
  anonymous: boolean;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterEmail: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  photos: ReadonlyArray<FeedbackPhoto>;
  counterId: string | null;
  /** A picture an outside client hosts itself (Open311 `media_url`): kept as a link, never fetched. */
  mediaUrl?: string | null;
}>;

export const feedbackResource = (f: { unitCode: string; provinceCode: string }): Resource => ({
  kind: 'unit',
  unitCode: f.unitCode,
  provinceCode: f.provinceCode,
});

const yearOf = (d: Date) => Number(vnDate(d).slice(0, 4));

async function calendarFor(
  ports: FeedbackPorts,
  unit: { unitCode: string; provinceCode: string },
  from: Date,
  to: Date,
) {
  return ports.calendarOf(unit, yearOf(from), yearOf(to) + 1);
}

/**
 * Receive a matter: classify it by commune and field, route it (a linked dossier goes to the unit holding it,
 * else the administrator's rules), start its first deadline, link it to an earlier matter it repeats, keep its
 * photos, and audit. Web and API submissions may be anonymous; the hotline and the counter need an official
 * who may take in feedback where the matter belongs.
 */
export async function submitFeedback(input: FeedbackIntake, ctx: FeedbackContext, ports: FeedbackPorts) {
  const today = vnDate(ctx.now);
  const place: UnitVersion | undefined = await ports.findUnit(input.communeCode, today);
  if (!place) throw new AppError('FEEDBACK_UNIT_UNKNOWN', { details: { communeCode: input.communeCode } });
  const staffed = input.channel === 'hotline' || input.channel === 'counter';
  if (staffed)
    authorize(
      ctx.actor,
      'feedback.intake',
      feedbackResource({ unitCode: place.code, provinceCode: place.provinceCode }),
    );
  if (input.channel === 'web' && !input.anonymous && !input.submitterPhone && !input.submitterEmail) {
    throw new AppError('FEEDBACK_CONTACT_REQUIRED');
  }
  const dossier = input.dossierCode ? await ports.findDossierUnit(input.dossierCode) : undefined;
  if (input.dossierCode && !dossier)
    throw new AppError('FEEDBACK_DOSSIER_UNKNOWN', { details: { code: input.dossierCode } });

  const route = routeFeedback(
    {
      provinceCode: place.provinceCode,
      communeCode: place.level === 'province' ? null : place.code,
      field: input.field,
      kind: input.kind,
      dossierUnitCode: dossier?.unitCode ?? null,
    },
    await ports.listRoutingRules(place.provinceCode),
  );
  const provinceCode = dossier?.provinceCode ?? place.provinceCode;
  const calendar = await calendarFor(ports, { unitCode: route.unitCode, provinceCode }, ctx.now, ctx.now);
  const deadlines = feedbackDeadlines({ receivedAt: ctx.now, pauses: [], answeredAt: null }, calendar);

  const phone = input.anonymous ? null : input.submitterPhone;
  const email = input.anonymous ? null : input.submitterEmail;
  const keys = contactKeys(phone, email);
  const text = `${input.title}\n${input.content}`;
  const since = new Date(ctx.now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
  const earlier = keys.length || input.dossierCode ? await ports.earlierFeedback(keys, input.dossierCode, since) : [];
  const repeatOf = findRepeatOf(
    { contactKeys: keys, dossierCode: input.dossierCode, text, receivedAt: ctx.now },
    earlier,
  );

  const code = await ports.nextCode(provinceCode, ctx.now);
  const token = ports.newToken();
  const id = await ports.insertFeedback({
    code,
    token,
    kind: input.kind,
    channel: input.channel,
    title: input.title,
    content: input.content,
    field: input.field,
    communeCode: place.code,
    provinceCode,
    unitCode: route.unitCode,
    departmentId: route.departmentId,
    dossierCode: input.dossierCode,
    anonymous: input.anonymous,
    submitterName: input.anonymous ? null : input.submitterName,
    submitterPhone: phone,
    submitterEmail: email,
    // A signed-in citizen's account is kept, unless they chose to stay anonymous.
    submitterUserId: !staffed && !input.anonymous && ctx.actor ? ctx.actor.userId : null,
    contactKeys: keys,
    address: input.address,
    lat: input.lat,
    long: input.long,
    mediaUrl: input.mediaUrl ?? null,
    counterId: input.counterId,
    officialUserId: staffed ? (ctx.actor?.userId ?? null) : null,
    receivedAt: ctx.now,
    dueAt: deadlines.decideBy,
    repeatOf,
    routedBy: route.by,
  });
  for (const p of input.photos) await ports.insertPhoto(id, p);
  const eventId = await ports.appendEvent({
    feedbackId: id,
    action: 'received',
    fromStatus: null,
    toStatus: 'received',
    note: route.by === 'rule' ? `rule ${route.ruleId}` : route.by,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
    onTime: null,
  });
  const notified = await notifyFeedbackSubmitter(
    ports.notifications,
    {
      id,
      code,
      token,
      provinceCode,
      submitterName: input.anonymous ? null : input.submitterName,
      submitterPhone: phone,
      submitterEmail: email,
    },
    { event: 'received' },
    `feedback:${id}:${eventId}`,
  );
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: 'feedback.received',
    entityType: 'feedback',
    entityId: id,
    unitCode: route.unitCode,
    provinceCode,
    data: {
      code,
      channel: input.channel,
      kind: input.kind,
      routedBy: route.by,
      repeatOf,
      photos: input.photos.length,
      notified: notified.queued,
    },
  });
  return { id, code, token, dueAt: deadlines.decideBy, unitCode: route.unitCode, repeatOf };
}

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

/** The submitter rates the answer once, with the tracking token (no sign-in). */
export async function rateFeedback(
  token: string,
  req: FeedbackRateRequest,
  ctx: FeedbackContext,
  ports: FeedbackPorts,
) {
  const f = await ports.lockFeedbackByToken(token);
  if (!f) throw new AppError('FEEDBACK_NOT_FOUND');
  if (f.status !== 'answered' && f.status !== 'published') {
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { details: { action: 'rate', status: f.status } });
  }
  if (f.rating) throw new AppError('FEEDBACK_ALREADY_RATED');
  await ports.updateFeedback(f.id, { rating: req.rating, ratingComment: req.comment ?? null, ratedAt: ctx.now });
  await ports.appendEvent({
    feedbackId: f.id,
    action: 'rated',
    fromStatus: f.status,
    toStatus: f.status,
    note: req.rating,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
    onTime: null,
  });
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: 'feedback.rated',
    entityType: 'feedback',
    entityId: f.id,
    unitCode: f.unitCode,
    provinceCode: f.provinceCode,
    data: { code: f.code, rating: req.rating },
  });
  return { rating: req.rating };
}

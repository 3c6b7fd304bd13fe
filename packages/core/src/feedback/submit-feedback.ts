import { type FeedbackChannel, type FeedbackKind, vnDate } from '@mot-cua/contracts';
import type { UnitVersion } from '../admin-units/unit-model.js';
import { authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { calendarFor, type FeedbackContext, feedbackResource } from './feedback-context.js';
import { notifyFeedbackSubmitter } from './feedback-notifications.js';
import type { FeedbackPhoto, FeedbackPorts } from './feedback-ports.js';
import { feedbackDeadlines } from './feedback-rules.js';
import { contactKeys, findRepeatOf, REPEAT_WINDOW_DAYS } from './repeats.js';
import { routeFeedback } from './routing.js';

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

import type { AuditPort } from '../audit.js';
import { type NotificationContext, type NotificationEvent, renderNotification } from './templates.js';

export type NotificationChannel = 'email' | 'sms';

/** Topics of the outbox rows that carry notifications (the dispatchers of each channel take only theirs). */
export const NOTIFICATION_TOPICS: Readonly<Record<NotificationChannel, string>> = {
  email: 'notify.email',
  sms: 'notify.sms',
};

/** One message to deliver, durably (an outbox row written in the caller's transaction). */
export type QueuedNotification = {
  channel: NotificationChannel;
  to: string;
  subject: string | null;
  text: string;
  event: string;
  /** What the message is about (a dossier, a feedback…): its log is listed by this. */
  about: { type: string; id: string; code: string | null };
  provinceCode: string;
  /** Unique per message: a re-run of the same event never queues it twice, and the receiver deduplicates on it. */
  idempotencyKey: string;
};

/** A message that was not sent, and why. */
export type SkippedNotification = {
  channel: NotificationChannel;
  reason: 'no_address' | 'opted_out';
  event: string;
  about: { type: string; id: string; code: string | null };
  provinceCode: string;
  /** The key the message would have had: a re-run logs the skip once. */
  idempotencyKey: string;
};

/** Where notifications go (packages/db notifications repository, bound to the transaction). */
export interface NotificationPort {
  isOptedOut(channel: NotificationChannel, address: string): Promise<boolean>;
  enqueue(m: QueuedNotification): Promise<void>;
  /** A message not sent (opted out, no address), logged once per key like a sent one (absent: not logged). */
  recordSkipped?(s: SkippedNotification): Promise<void>;
  /** The public lookup link of a dossier code. */
  lookupUrl(code: string): string;
  /** A signed link with which the owner of the address stops messages on the channel (absent: no link). */
  unsubscribeUrl?(channel: NotificationChannel, address: string): Promise<string>;
}

export type NotifyApplicantInput = {
  about: { type: string; id: string; code: string | null };
  provinceCode: string;
  recipient: { email: string | null; phone: string | null };
  /** A templated event, or a feature's own message (subject, e-mail text, SMS text). */
  message:
    | { event: NotificationEvent; context: Omit<NotificationContext, 'lookupUrl'> & { lookupUrl?: string } }
    | { event: string; subject: string; text: string; sms: string };
  /** Unique for this event of this subject (e.g. `dossier:<id>:<seq>`); the channel is appended. */
  key: string;
};

export type NotifyApplicantResult = {
  queued: NotificationChannel[];
  skipped: Array<{ channel: NotificationChannel; reason: 'no_address' | 'opted_out' }>;
};

const normalise = (channel: NotificationChannel, address: string) =>
  channel === 'email' ? address.trim().toLowerCase() : address.replace(/[\s.-]/g, '');

/**
 * What notifying an applicant writes, per channel, before the opt-out list is consulted: a channel without an
 * address is skipped; one with an address sends `send`, or logs `ifOptedOut` (null: nothing) when the address
 * has opted out.
 * notifyApplicant carries it out statement by statement; a writer that puts the whole change into one
 * statement (the receipt) decides the opt-out in SQL, in the same statement.
 */
export type NotificationPlanItem =
  | { channel: NotificationChannel; skip: SkippedNotification }
  | { channel: NotificationChannel; address: string; send: QueuedNotification; ifOptedOut: SkippedNotification | null };

/** The messages of a notification, one per channel (the lookup and unsubscribe links resolved). */
export async function planApplicantNotification(
  port: Pick<NotificationPort, 'lookupUrl' | 'unsubscribeUrl'>,
  input: NotifyApplicantInput,
): Promise<NotificationPlanItem[]> {
  const rendered =
    'context' in input.message
      ? renderNotification(input.message.event, {
          ...input.message.context,
          lookupUrl: input.message.context.lookupUrl ?? port.lookupUrl(input.message.context.dossierCode),
        })
      : { subject: input.message.subject, text: input.message.text, sms: input.message.sms };
  const addresses: Array<[NotificationChannel, string | null]> = [
    ['email', input.recipient.email],
    ['sms', input.recipient.phone],
  ];
  const skipped = (channel: NotificationChannel, reason: 'no_address' | 'opted_out'): SkippedNotification => ({
    channel,
    reason,
    event: input.message.event,
    about: input.about,
    provinceCode: input.provinceCode,
    idempotencyKey: `${input.key}:${channel}`,
  });
  const plan: NotificationPlanItem[] = [];
  for (const [channel, raw] of addresses) {
    if (!raw?.trim()) {
      plan.push({ channel, skip: skipped(channel, 'no_address') });
      continue;
    }
    const to = normalise(channel, raw);
    const stop = port.unsubscribeUrl ? await port.unsubscribeUrl(channel, to) : null;
    const text = channel === 'email' ? rendered.text : rendered.sms;
    plan.push({
      channel,
      address: to,
      send: {
        channel,
        to,
        subject: channel === 'email' ? rendered.subject : null,
        text: stop
          ? `${text}${channel === 'email' ? `\n\nNgừng nhận thư thông báo: ${stop}` : ` Huy nhan tin: ${stop}`}`
          : text,
        event: input.message.event,
        about: input.about,
        provinceCode: input.provinceCode,
        idempotencyKey: `${input.key}:${channel}`,
      },
      ifOptedOut: skipped(channel, 'opted_out'),
    });
  }
  return plan;
}

/**
 * Tell an applicant about something by e-mail and SMS, through the durable outbox: for each channel with an
 * address that has not opted out, one row is written in the caller's transaction (delivered later, retried,
 * exactly once at the receiver thanks to the key); a channel skipped (opted out, no address) is logged once with
 * its reason. Any feature may call it (dossiers, feedback, hotline).
 */
export async function notifyApplicant(
  port: NotificationPort,
  input: NotifyApplicantInput,
): Promise<NotifyApplicantResult> {
  const result: NotifyApplicantResult = { queued: [], skipped: [] };
  for (const item of await planApplicantNotification(port, input)) {
    if ('skip' in item) {
      result.skipped.push({ channel: item.channel, reason: item.skip.reason });
      await port.recordSkipped?.(item.skip);
    } else if (await port.isOptedOut(item.channel, item.address)) {
      result.skipped.push({ channel: item.channel, reason: 'opted_out' });
      if (item.ifOptedOut) await port.recordSkipped?.(item.ifOptedOut);
    } else {
      await port.enqueue(item.send);
      result.queued.push(item.channel);
    }
  }
  return result;
}

/** An applicant asks not to be notified on a channel any more (recorded by an official, audited). */
export interface OptOutPort {
  optOut(channel: NotificationChannel, address: string, source: string, at: Date): Promise<boolean>;
  optIn(channel: NotificationChannel, address: string): Promise<boolean>;
}

export async function setApplicantOptOut(
  port: OptOutPort,
  audit: AuditPort,
  input: {
    channel: NotificationChannel;
    address: string;
    optedOut: boolean;
    actorUserId: string | null;
    about: { type: string; id: string };
    provinceCode: string | null;
    at: Date;
  },
): Promise<{ changed: boolean }> {
  const address = normalise(input.channel, input.address);
  const changed = input.optedOut
    ? await port.optOut(input.channel, address, `${input.about.type}:${input.about.id}`, input.at)
    : await port.optIn(input.channel, address);
  await audit.record({
    actorUserId: input.actorUserId,
    action: input.optedOut ? 'notification.opted_out' : 'notification.opted_in',
    entityType: input.about.type,
    entityId: input.about.id,
    provinceCode: input.provinceCode,
    data: { channel: input.channel, changed },
  });
  return { changed };
}

import { z } from 'zod';

export const NotificationChannel = z.enum(['email', 'sms']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** One message to the applicant, as the dossier's notification log shows it. */
export const NotificationLogEntry = z
  .object({
    id: z.number().int(),
    channel: NotificationChannel,
    to: z.string(),
    event: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    /** pending: queued or being retried; sent: acknowledged by the mail server / SMS gateway; failed: dead letter. */
    state: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'NotificationLogEntry' });
export type NotificationLogEntry = z.infer<typeof NotificationLogEntry>;

/** A message not sent to the applicant, with the reason (opted out of the channel, or no address). */
export const NotificationSkipEntry = z
  .object({
    id: z.number().int(),
    channel: NotificationChannel,
    event: z.string(),
    reason: z.enum(['no_address', 'opted_out']),
    createdAt: z.string(),
  })
  .meta({ id: 'NotificationSkipEntry' });
export type NotificationSkipEntry = z.infer<typeof NotificationSkipEntry>;

export const DossierNotifications = z
  .object({
    items: z.array(NotificationLogEntry),
    skipped: z.array(NotificationSkipEntry),
    recipient: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    optedOut: z.array(NotificationChannel),
  })
  .meta({ id: 'DossierNotifications' });
export type DossierNotifications = z.infer<typeof DossierNotifications>;

/** The applicant asks (at the counter, by phone) to stop — or resume — messages on a channel. */
export const NotificationOptOutRequest = z
  .object({ channel: NotificationChannel, optedOut: z.boolean() })
  .meta({ id: 'NotificationOptOutRequest' });

/** Messages the local mail catcher captured (development and demo: no real mail server). */
export const CapturedMailList = z
  .object({
    total: z.number().int(),
    duplicates: z.number().int(),
    items: z.array(
      z.object({
        seq: z.number().int(),
        receivedAt: z.string(),
        to: z.string(),
        subject: z.string().nullable(),
        text: z.string(),
        requests: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CapturedMailList' });
export type CapturedMailList = z.infer<typeof CapturedMailList>;
export const NotificationOptOutResponse = z
  .object({ changed: z.boolean(), optedOut: z.boolean() })
  .meta({ id: 'NotificationOptOutResponse' });

/** What an unsubscribe link (from a notification) stands for: the channel and the address, masked. */
export const UnsubscribeLinkInfo = z
  .object({ channel: NotificationChannel, address: z.string(), optedOut: z.boolean() })
  .meta({ id: 'UnsubscribeLinkInfo' });
export type UnsubscribeLinkInfo = z.infer<typeof UnsubscribeLinkInfo>;

/** The applicant confirms on the public page: messages to that address on that channel stop. */
export const UnsubscribeRequest = z.object({ token: z.string().min(1).max(700) }).meta({ id: 'UnsubscribeRequest' });

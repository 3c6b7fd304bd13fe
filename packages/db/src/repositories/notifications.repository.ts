import {
  NOTIFICATION_TOPICS,
  type NotificationChannel,
  type NotificationPort,
  type OptOutPort,
  type QueuedNotification,
  type SkippedNotification,
} from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAppSecretsRepository } from './app-secrets.repository.js';

/** Name of the application key (app_secrets) that signs the unsubscribe links in notifications. */
export const UNSUBSCRIBE_KEY = 'notification-links';

/** Aggregate of a subject's messages on one channel: they leave in order, one at a time. */
export const notificationAggregate = (about: { type: string; id: string }) => `${about.type}:${about.id}`;

/** The outbox row of a notification (its payload as JSON text). */
export function notificationOutboxRow(m: QueuedNotification) {
  return {
    provinceCode: m.provinceCode,
    topic: NOTIFICATION_TOPICS[m.channel],
    aggregateType: `notification.${m.channel}`,
    aggregateId: notificationAggregate(m.about),
    idempotencyKey: m.idempotencyKey,
    payload: JSON.stringify({
      channel: m.channel,
      to: m.to,
      subject: m.subject,
      text: m.text,
      event: m.event,
      about: m.about,
    }),
  };
}

/** The row of a notification not sent, and why. */
export function notificationSkipRow(s: SkippedNotification) {
  return {
    idempotencyKey: s.idempotencyKey,
    channel: s.channel,
    event: s.event,
    reason: s.reason,
    aboutType: s.about.type,
    aboutId: s.about.id,
    provinceCode: s.provinceCode,
  };
}

/**
 * Applicant notifications as outbox rows (delivered by the channel's dispatcher), the opt-out list and the
 * per-subject log. `lookupUrl` builds the public lookup link printed in the messages.
 */
export function createNotificationsRepository(
  db: Kysely<DB>,
  opts: {
    lookupUrl?: (code: string) => string;
    /** The signed unsubscribe link of an address, given the application's key (read here, in the transaction). */
    unsubscribeUrl?: (key: string, channel: NotificationChannel, address: string) => string;
  } = {},
) {
  const port: NotificationPort & OptOutPort = {
    async isOptedOut(channel, address) {
      const r = await db
        .selectFrom('notificationOptOuts')
        .select('address')
        .where('channel', '=', channel)
        .where('address', '=', address)
        .executeTakeFirst();
      return r !== undefined;
    },
    async enqueue(m: QueuedNotification) {
      await db
        .insertInto('outboxMessages')
        .values(notificationOutboxRow(m))
        .onConflict((oc) => oc.column('idempotencyKey').doNothing())
        .execute();
    },
    async recordSkipped(s) {
      await db
        .insertInto('notificationSkips')
        .values(notificationSkipRow(s))
        .onConflict((oc) => oc.column('idempotencyKey').doNothing())
        .execute();
    },
    lookupUrl: opts.lookupUrl ?? ((code) => `/tra-cuu?ma=${encodeURIComponent(code)}`),
    ...(opts.unsubscribeUrl
      ? {
          unsubscribeUrl: async (channel: NotificationChannel, address: string) =>
            opts.unsubscribeUrl!(await createAppSecretsRepository(db).get(UNSUBSCRIBE_KEY), channel, address),
        }
      : {}),
    async optOut(channel, address, source, at) {
      const r = await db
        .insertInto('notificationOptOuts')
        .values({ channel, address, source, optedOutAt: at })
        .onConflict((oc) => oc.columns(['channel', 'address']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async optIn(channel, address) {
      const r = await db
        .deleteFrom('notificationOptOuts')
        .where('channel', '=', channel)
        .where('address', '=', address)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
  return {
    ...port,
    /** What was sent (or is waiting, or failed) about a subject, oldest first. */
    async listForSubject(about: { type: string; id: string }) {
      return db
        .selectFrom('outboxMessages')
        .select([
          'id',
          'topic',
          'idempotencyKey',
          'payload',
          'createdAt',
          'attempts',
          'deliveredAt',
          'deadAt',
          'deadReason',
          'lastError',
          'receiptId',
        ])
        .where('topic', 'in', Object.values(NOTIFICATION_TOPICS))
        .where('aggregateId', '=', notificationAggregate(about))
        .orderBy('id')
        .execute();
    },
    /** Messages not sent about a subject (opted out, no address), oldest first. */
    async listSkippedForSubject(about: { type: string; id: string }) {
      return db
        .selectFrom('notificationSkips')
        .select(['id', 'channel', 'event', 'reason', 'createdAt'])
        .where('aboutType', '=', about.type)
        .where('aboutId', '=', about.id)
        .orderBy('id')
        .execute();
    },
    async optOutsOf(addresses: Array<{ channel: NotificationChannel; address: string }>) {
      const out: NotificationChannel[] = [];
      for (const a of addresses) if (await port.isOptedOut(a.channel, a.address)) out.push(a.channel);
      return out;
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

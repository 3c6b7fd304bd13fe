import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '@mot-cua/config';
import { type Clock, NOTIFICATION_TOPICS } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createOutboxDispatcher, type DispatcherOptions, type OutboxDispatcher } from '../outbox/outbox-dispatcher.js';
import { createEmailClient, createSmsClient } from './channel-clients.js';

export type NotificationDestinations = {
  smtpUrl: string;
  smsUrl: string;
  /** HTTP address of the simulators when they run here (captured mail and SMS, fault modes). */
  simUrl: string | null;
  close(): Promise<void>;
};

/**
 * Where applicant notifications go: SMTP_URL and SMS_GATEWAY_URL when configured; otherwise the simulators
 * (apps/notify-sim: a mail catcher and an SMS gateway) start here, on NOTIFY_SIM_PORT and SMTP_SIM_PORT, with
 * their store in DATA_DIR/notify-sim. Production refuses to start without both (packages/config).
 */
export async function openNotificationDestinations(config: Config): Promise<NotificationDestinations> {
  const n = config.notifications;
  if (n.smtpUrl && n.smsUrl) return { smtpUrl: n.smtpUrl, smsUrl: n.smsUrl, simUrl: null, close: async () => {} };
  const { startNotifySim } = await import('@mot-cua/notify-sim');
  const sim = await startNotifySim({
    httpPort: n.simHttpPort,
    smtpPort: n.simSmtpPort,
    dataDir: `${config.dataDir}/notify-sim`,
    smsApiKey: n.smsApiKey,
  });
  return { smtpUrl: n.smtpUrl ?? sim.smtpUrl, smsUrl: n.smsUrl ?? sim.httpUrl, simUrl: sim.httpUrl, close: sim.close };
}

export type NotificationDispatchers = { email: OutboxDispatcher; sms: OutboxDispatcher };

/** One dispatcher per channel over the outbox rows of its topic (own breaker, own retries, own dead letters). */
export function notificationDispatchers(input: {
  config: Config;
  database: Database;
  clock: Clock;
  destinations: Pick<NotificationDestinations, 'smtpUrl' | 'smsUrl'>;
  log?: DispatcherOptions['log'];
  over?: Partial<DispatcherOptions>;
}): NotificationDispatchers & { close(): void } {
  const { outbox, notifications } = input.config;
  const email = createEmailClient({
    smtpUrl: input.destinations.smtpUrl,
    from: notifications.from,
    timeoutMs: outbox.timeoutMs,
  });
  const base = (name: string) => ({
    database: input.database,
    clock: input.clock,
    owner: `${hostname()}:${process.pid}:${name}:${randomBytes(3).toString('hex')}`,
    concurrency: Math.max(1, Math.min(outbox.concurrency, 8)),
    pollMs: outbox.pollMs,
    timeoutMs: outbox.timeoutMs,
    retryPolicy: { maxAttempts: outbox.maxAttempts },
    ...(input.log ? { log: input.log } : {}),
    ...input.over,
  });
  return {
    email: createOutboxDispatcher({ ...base('email'), client: email, topics: [NOTIFICATION_TOPICS.email] }),
    sms: createOutboxDispatcher({
      ...base('sms'),
      client: createSmsClient({
        url: input.destinations.smsUrl,
        apiKey: notifications.smsApiKey,
        timeoutMs: outbox.timeoutMs,
      }),
      topics: [NOTIFICATION_TOPICS.sms],
    }),
    close: () => email.close(),
  };
}

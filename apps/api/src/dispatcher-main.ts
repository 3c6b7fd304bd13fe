import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { systemClock } from '@mot-cua/core';
import { migrate, openDatabase } from '@mot-cua/db';
import { notificationDispatchers } from './notifications/notification-destinations.js';
import { dispatcherFromConfig, openPortalDestination } from './outbox/portal-destination.js';

/**
 * `npm run dispatcher`: the outbox dispatcher alone, for production beside API processes started with
 * OUTBOX_DISPATCHER=off. Several may run against one PostgreSQL database; PGlite allows one process.
 */
async function main() {
  const config = loadConfig(process.env);
  if (!config.portal.url)
    throw new Error('PORTAL_URL: required by npm run dispatcher (the national portal to deliver to)');
  const log = (level: 'info' | 'warn' | 'error', obj: object, msg: string) =>
    console.log(JSON.stringify({ level, time: new Date().toISOString(), pid: process.pid, msg, ...obj }));
  const database = await openDatabase(databaseOptions(config));
  await migrate(database);
  const destination = await openPortalDestination(config);
  const dispatcher = dispatcherFromConfig({
    config,
    database,
    clock: systemClock,
    destination,
    log: { warn: (o, m) => log('warn', o, m), error: (o, m) => log('error', o, m) },
  });
  // Applicant e-mails and SMS: one dispatcher per channel beside the portal's, when the mail server and the SMS
  // gateway are configured (this command never starts the simulators: run several of it at once).
  const { smtpUrl, smsUrl } = config.notifications;
  const notifiers =
    smtpUrl && smsUrl
      ? notificationDispatchers({
          config,
          database,
          clock: systemClock,
          destinations: { smtpUrl, smsUrl },
          log: { warn: (o, m) => log('warn', o, m), error: (o, m) => log('error', o, m) },
        })
      : undefined;
  if (!notifiers) log('info', {}, 'applicant notifications not delivered here: SMTP_URL and SMS_GATEWAY_URL unset');
  dispatcher.start();
  notifiers?.email.start();
  notifiers?.sms.start();
  log('info', { database: describeDatabase(config), portal: destination.url }, 'outbox dispatcher started');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log('info', { signal, ...dispatcher.status() }, 'outbox dispatcher stopping');
    await dispatcher.stop();
    await notifiers?.email.stop();
    await notifiers?.sms.stop();
    notifiers?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

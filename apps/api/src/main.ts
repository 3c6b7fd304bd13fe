import { databaseOptions, describeDatabase, loadConfig, startupWarnings } from '@mot-cua/config';
import { systemClock } from '@mot-cua/core';
import {
  createAppSecretsRepository,
  loadMasterData,
  migrate,
  openDatabase,
  seedDemo,
  UNSUBSCRIBE_KEY,
  withStartupLock,
} from '@mot-cua/db';
import { createApp } from './app.js';
import { startAuditSealer } from './audit-sealer.js';
import { startDraftPurgeScheduler } from './citizen-drafts/draft-purge.js';
import { feedbackAlerter } from './feedback-alerts/feedback-alerts.js';
import { moveFilesOutOfDatabase } from './files/file-maintenance.js';
import { describeFileStore, openFileStore } from './files/open-file-store.js';
import { passwordHasher } from './http/auth.js';
import { openCitizenIdentity } from './http/citizen-identity.js';
import { notificationDispatchers, openNotificationDestinations } from './notifications/notification-destinations.js';
import { dispatcherFromConfig, openPortalDestination } from './outbox/portal-destination.js';
import { openPaymentGateway } from './payments/payment-gateway.js';
import { startPlannerStatisticsKeeper } from './planner-statistics-keeper.js';
import { importerFromConfig, portalLookupFromConfig } from './portal-import/importer-from-config.js';
import { startServiceIndexScheduler } from './supervision/service-index-snapshots.js';

/**
 * Composition root: loadConfig → openDatabase → portal (or its simulator) and outbox dispatcher → createApp →
 * migrate → master data (+ demo) → listen → start delivering.
 */
async function main() {
  const config = loadConfig(process.env);
  const database = await openDatabase(databaseOptions(config));
  const destination = await openPortalDestination(config);
  const identity = await openCitizenIdentity(config);
  const payments = await openPaymentGateway(config);
  const files = openFileStore(config);
  const outbox =
    config.outbox.dispatcher === 'in-process'
      ? dispatcherFromConfig({
          config,
          database,
          clock: systemClock,
          destination,
          log: { warn: (o, m) => app.log.warn(o, m), error: (o, m) => app.log.error(o, m) },
        })
      : undefined;
  const portalImporter =
    config.portalImport.mode === 'in-process'
      ? importerFromConfig({
          deps: { config, database, clock: systemClock, files },
          destination,
          log: { warn: (o, m) => app.log.warn(o, m), error: (o, m) => app.log.error(o, m) },
        })
      : undefined;
  const notify = await openNotificationDestinations(config);
  const notifiers =
    config.outbox.dispatcher === 'in-process'
      ? notificationDispatchers({
          config,
          database,
          clock: systemClock,
          destinations: notify,
          log: { warn: (o, m) => app.log.warn(o, m), error: (o, m) => app.log.error(o, m) },
        })
      : undefined;
  const app = await createApp({
    config,
    database,
    clock: systemClock,
    outbox,
    portalImporter,
    portalLookup: portalLookupFromConfig({ deps: { config }, destination }),
    portalWebhookSecret: destination.webhookSecret,
    notifications: { dispatchers: notifiers, simUrl: notify.simUrl },
    identity,
    payments,
    files,
  });
  const log = (msg: string) => app.log.info(msg);
  log(
    destination.simulated
      ? `national portal: simulator at ${destination.url} (GET ${destination.url}/sim/received, PUT /sim/mode; PORTAL_URL unset)`
      : `national portal: ${destination.url}`,
  );
  log(
    identity.simulated
      ? `citizens' sign-in: local OpenID Connect provider (stands in for VNeID) at ${identity.issuer}; demo citizens in the README`
      : `citizens' sign-in: OpenID Connect provider ${identity.issuer}`,
  );
  log(
    payments.simulated
      ? `payments: gateway simulator at ${payments.url} (PUT /sim/mode: ok, declined, timeout, duplicate; GET /sim/notifications)`
      : `payments: gateway ${payments.url}`,
  );
  log(`outbox dispatcher: ${outbox ? 'in this process' : 'off here (npm run dispatcher)'}`);
  log(
    `online dossiers from the portal: ${portalImporter ? `imported here (every ${config.portalImport.pollMs} ms when idle)` : 'import off'}`,
  );
  log(
    notify.simUrl
      ? `applicant notifications: simulators — mail catcher at ${notify.smtpUrl}, SMS gateway at ${notify.smsUrl} (captured: GET ${notify.simUrl}/sim/mail, /sim/sms; SMTP_URL / SMS_GATEWAY_URL unset)`
      : `applicant notifications: SMTP ${notify.smtpUrl.replace(/\/\/[^@]*@/, '//')}, SMS gateway ${notify.smsUrl}`,
  );
  log(`database: ${describeDatabase(config)}`);
  log(`attachment contents: ${describeFileStore(config)}`);
  for (const w of startupWarnings(process.env, config)) app.log.warn(w);

  const applied = await migrate(database);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
  await withStartupLock(database, async () => {
    await loadMasterData(database, log);
    if (config.seedDemo)
      await seedDemo(database, {
        hashPassword: passwordHasher.hash,
        log,
        systemCode: config.systemCode,
        publicUrl: config.publicUrl,
      });
    // Contents written before migration 0145 (and the demo seed's PDFs) go to the file store.
    await moveFilesOutOfDatabase(database, files, log);
  });
  // The key that signs unsubscribe links exists before the first receipt (no receipt creates it in its transaction),
  // and this process keeps it after this one read.
  await createAppSecretsRepository(database.db).get(UNSUBSCRIBE_KEY);

  const sealer = startAuditSealer(database, { error: (o, m) => app.log.error(o, m) });
  // The previous month's 766 index of every province, once (issue 15): the trend on /workspace/supervision/index.
  // and then the province's monthly report files (downloaded on /workspace/supervision/reports).
  const serviceIndexSnapshots = startServiceIndexScheduler(
    database,
    systemClock,
    { error: (o, m) => app.log.error(o, m), info: (m) => app.log.info(m) },
    3_600_000,
    { config, database, clock: systemClock, files },
  );

  // The embedded database has no autovacuum: its tables are analyzed here (PostgreSQL analyzes its own).
  const statistics = startPlannerStatisticsKeeper(database, {
    error: (o, m) => app.log.error(o, m),
    info: (m) => app.log.info(m),
  });

  // Citizens' drafts nobody saved for DRAFT_PURGE_DAYS days, with their files (issue 17).
  const draftPurge = startDraftPurgeScheduler({
    database,
    clock: systemClock,
    ...config.draftPurge,
    log: { error: (o, m) => app.log.error(o, m), info: (m) => app.log.info(m) },
  });

  // Reminders and escalations of feedback deadlines, e-mailed through the outbox.
  const feedbackAlerts = feedbackAlerter({
    database,
    clock: systemClock,
    publicUrl: config.publicUrl,
    onError: (e) => app.log.error({ err: e }, 'feedback alerts: sweep failed'),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing in-flight requests, then closing the database`);
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out after 10 s');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await outbox?.stop();
    await feedbackAlerts.stop();
    await serviceIndexSnapshots.stop();
    await statistics.stop();
    await draftPurge.stop();
    await portalImporter?.stop();
    await notifiers?.email.stop();
    await notifiers?.sms.stop();
    notifiers?.close();
    // Rows of requests still in flight are sealed at the next start (the sealer's first pass).
    await sealer.stop();
    await app.close();
    await destination.close();
    await notify.close();
    await identity.close();
    await payments.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  outbox?.start();
  feedbackAlerts.start();
  portalImporter?.start();
  notifiers?.email.start();
  notifiers?.sms.start();
  const local = `http://${['127.0.0.1', '0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host}:${config.port}`;
  log(`Một Cửa is ready at ${local} (API docs: ${local}/api/docs; public URL on slips: ${config.publicUrl})`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

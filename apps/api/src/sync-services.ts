import type { Config } from '@mot-cua/config';
import type { Clock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import type { AppDeps } from './context.js';
import type { FileStore } from './files/file-store.js';
import { notificationDispatchers } from './notifications/notification-destinations.js';
import { dispatcherFromConfig } from './outbox/portal-destination.js';
import { importerFromConfig, portalLookupFromConfig } from './portal-import/importer-from-config.js';

/**
 * The background services of the sync in one piece (for the browser journeys and embedding): the portal's
 * outbox dispatcher, the importer of online dossiers and the e-mail and SMS dispatchers, against given addresses.
 * Pass the returned deps to createApp, then start() after listen and stop() before close.
 */
export function syncServices(input: {
  config: Config;
  database: Database;
  clock: Clock;
  portalUrl: string;
  smtpUrl: string;
  smsUrl: string;
  notifySimUrl: string | null;
  /** The app's file store (imported dossiers' files must be where the app reads them). */
  files: FileStore;
}) {
  const destination = {
    url: input.portalUrl,
    apiKey: input.config.portal.apiKey,
    simulated: true,
    close: async () => {},
  };
  const outbox = dispatcherFromConfig({ ...input, destination });
  const portalImporter = importerFromConfig({
    deps: { config: input.config, database: input.database, clock: input.clock, files: input.files },
    destination,
  });
  const notifiers = notificationDispatchers({ ...input, destinations: input });
  const deps: Pick<AppDeps, 'outbox' | 'portalImporter' | 'portalLookup' | 'notifications'> = {
    outbox,
    portalImporter,
    portalLookup: portalLookupFromConfig({ deps: input, destination }),
    notifications: { dispatchers: notifiers, simUrl: input.notifySimUrl },
  };
  return {
    deps,
    start() {
      outbox.start();
      portalImporter.start();
      notifiers.email.start();
      notifiers.sms.start();
    },
    async stop() {
      await Promise.all([outbox.stop(), portalImporter.stop(), notifiers.email.stop(), notifiers.sms.stop()]);
      notifiers.close();
    },
  };
}

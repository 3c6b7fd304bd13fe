import type { FastifyInstance } from 'fastify';
import { createPortalSimApp } from './sim-app.js';
import { openSimStore } from './sim-store.js';
import { openSubmissionStore } from './sim-submissions.js';
import { createWebhookPusher, type WebhookPusher } from './sim-webhook.js';

export { createPortalSimApp, dossierStatusSchema, STATUS_PATH } from './sim-app.js';
export { DOSSIERS_PATH } from './sim-inbound.js';
export { openSimStore, type ReceivedUpdate, SIM_MODES, type SimMode, type SimModeName } from './sim-store.js';

export {
  openSubmissionStore,
  type Submission,
  SubmissionInput,
  type SubmissionStore,
} from './sim-submissions.js';

export {
  createWebhookPusher,
  signWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookAttempt,
  type WebhookPusher,
} from './sim-webhook.js';

export type PortalSim = { app: FastifyInstance; url: string; webhook: WebhookPusher; close(): Promise<void> };

/** Start the simulator on `port` (0: any free port) with its store in `dataDir` (null: memory only). */
export async function startPortalSim(opts: {
  port: number;
  host?: string;
  dataDir: string | null;
  apiKey?: string | undefined;
  logger?: boolean;
  /** Prefix of the national codes it gives online dossiers (tests sharing a database use a unique one). */
  codePrefix?: string;
  /** The provincial system's webhook new submissions are pushed to (signed with the secret), besides the pull. */
  webhook?: { url: string; secret: string } | null;
}): Promise<PortalSim> {
  const store = await openSimStore(opts.dataDir);
  const submissions = await openSubmissionStore(opts.dataDir, { codePrefix: opts.codePrefix ?? 'G22.99' });
  const webhook = createWebhookPusher(opts.webhook ?? null);
  const app = createPortalSimApp({ store, submissions, apiKey: opts.apiKey, webhook, logger: opts.logger ?? false });
  await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    app,
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    webhook,
    close: async () => {
      webhook.set(null);
      await app.close();
    },
  };
}

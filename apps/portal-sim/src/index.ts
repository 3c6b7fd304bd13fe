import type { FastifyInstance } from 'fastify';
import { createPortalSimApp } from './sim-app.js';
import { openSimStore } from './sim-store.js';
import { openSubmissionStore } from './sim-submissions.js';

export { createPortalSimApp, dossierStatusSchema, STATUS_PATH } from './sim-app.js';
export { DOSSIERS_PATH } from './sim-inbound.js';
export { openSimStore, type ReceivedUpdate, SIM_MODES, type SimMode, type SimModeName } from './sim-store.js';

export {
  openSubmissionStore,
  type Submission,
  SubmissionInput,
  type SubmissionStore,
} from './sim-submissions.js';

export type PortalSim = { app: FastifyInstance; url: string; close(): Promise<void> };

/** Start the simulator on `port` (0: any free port) with its store in `dataDir` (null: memory only). */
export async function startPortalSim(opts: {
  port: number;
  host?: string;
  dataDir: string | null;
  apiKey?: string | undefined;
  logger?: boolean;
  /** Prefix of the national codes it gives online dossiers (tests sharing a database use a unique one). */
  codePrefix?: string;
}): Promise<PortalSim> {
  const store = await openSimStore(opts.dataDir);
  const submissions = await openSubmissionStore(opts.dataDir, { codePrefix: opts.codePrefix ?? 'G22.99' });
  const app = createPortalSimApp({ store, submissions, apiKey: opts.apiKey, logger: opts.logger ?? false });
  await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { app, url: `http://${opts.host ?? '127.0.0.1'}:${port}`, close: () => app.close() };
}

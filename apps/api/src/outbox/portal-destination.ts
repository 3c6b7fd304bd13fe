import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '@mot-cua/config';
import { type Clock, OUTBOX_TOPIC } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox-dispatcher.js';
import { createPortalClient } from './portal-client.js';

export type PortalDestination = {
  url: string;
  apiKey: string | undefined;
  simulated: boolean;
  /** Secret of the portal's signed push of new dossiers (PORTAL_WEBHOOK_SECRET, or the simulator's random one). */
  webhookSecret?: string | undefined;
  close(): Promise<void>;
};

/**
 * The national portal to deliver to: PORTAL_URL when configured, otherwise the simulator (apps/portal-sim),
 * started in this process on PORTAL_SIM_PORT with its store in DATA_DIR/portal-sim.
 */
export async function openPortalDestination(config: Config): Promise<PortalDestination> {
  if (config.portal.url) {
    return {
      url: config.portal.url,
      apiKey: config.portal.apiKey,
      simulated: false,
      webhookSecret: config.portal.webhookSecret,
      close: async () => {},
    };
  }
  const { startPortalSim } = await import('@mot-cua/portal-sim');
  const webhookSecret = config.portal.webhookSecret ?? randomBytes(24).toString('hex');
  const sim = await startPortalSim({
    port: config.portal.simPort,
    host: '127.0.0.1',
    dataDir: `${config.dataDir}/portal-sim`,
    apiKey: config.portal.apiKey,
    // It pushes new submissions to this API's webhook (signed), besides offering them to the importer's pull.
    webhook: { url: `http://127.0.0.1:${config.port}/api/portal-imports/webhook`, secret: webhookSecret },
  });
  return { url: sim.url, apiKey: config.portal.apiKey, simulated: true, webhookSecret, close: sim.close };
}

/** A dispatcher from the configuration, named host:pid:random in its leases. */
export function dispatcherFromConfig(input: {
  config: Config;
  database: Database;
  clock: Clock;
  destination: PortalDestination;
  log?: Parameters<typeof createOutboxDispatcher>[0]['log'];
}): OutboxDispatcher {
  const { outbox } = input.config;
  return createOutboxDispatcher({
    database: input.database,
    clock: input.clock,
    client: createPortalClient({
      url: input.destination.url,
      apiKey: input.destination.apiKey,
      timeoutMs: outbox.timeoutMs,
    }),
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    concurrency: outbox.concurrency,
    pollMs: outbox.pollMs,
    topics: [OUTBOX_TOPIC],
    timeoutMs: outbox.timeoutMs,
    retryPolicy: { maxAttempts: outbox.maxAttempts },
    ...(input.log ? { log: input.log } : {}),
  });
}

import type { AppDeps } from '../context.js';
import type { PortalDestination } from '../outbox/portal-destination.js';
import { createPortalImporter, type ImporterOptions, type PortalImporter } from './portal-importer.js';
import { createPortalInboundClient } from './portal-inbound-client.js';

/** The portal's lookup by code (routing a reviewed dossier by hand): the same portal the importer pulls from. */
export function portalLookupFromConfig(input: { deps: Pick<AppDeps, 'config'>; destination: PortalDestination }) {
  return createPortalInboundClient({
    url: input.destination.url,
    apiKey: input.destination.apiKey,
    timeoutMs: input.deps.config.outbox.timeoutMs,
  });
}

/** The importer of online dossiers from the configuration: the same portal (or simulator) the outbox goes to. */
export function importerFromConfig(input: {
  deps: AppDeps;
  destination: PortalDestination;
  log?: ImporterOptions['log'];
}): PortalImporter {
  const { config } = input.deps;
  return createPortalImporter({
    deps: input.deps,
    client: createPortalInboundClient({
      url: input.destination.url,
      apiKey: input.destination.apiKey,
      timeoutMs: config.outbox.timeoutMs,
    }),
    pollMs: config.portalImport.pollMs,
    retryPolicy: { maxAttempts: config.outbox.maxAttempts },
    ...(input.log ? { log: input.log } : {}),
  });
}

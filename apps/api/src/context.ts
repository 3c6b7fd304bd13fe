import type { Config } from '@mot-cua/config';
import type { Clock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import type { FileStore } from './files/file-store.js';
import type { CitizenIdentity } from './http/citizen-identity.js';
import type { NotificationDispatchers } from './notifications/notification-destinations.js';
import type { OutboxDispatcher } from './outbox/outbox-dispatcher.js';
import type { PaymentGateway } from './payments/payment-gateway.js';
import type { PortalImporter } from './portal-import/portal-importer.js';
import type { PortalInboundClient } from './portal-import/portal-inbound-client.js';

/** Everything the routes need, built once in the composition root (main.ts) or by tests. */
export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  /** Where attachment contents live (DATA_DIR/files or an S3-compatible bucket); rows hold their sha256. */
  files: FileStore;
  /** The in-process outbox dispatcher, when it runs here (metrics, readiness). */
  outbox?: OutboxDispatcher | undefined;
  /** The in-process importer of online dossiers from the national portal, when it runs here (supervision). */
  portalImporter?: PortalImporter | undefined;
  /** The portal's "get dossier by code" (routing a reviewed online dossier by hand); absent: 503. */
  portalLookup?: Pick<PortalInboundClient, 'fetchByCode'> | undefined;
  /** The in-process dispatchers of applicant e-mails and SMS, and the simulators' address when they run here. */
  notifications?: { dispatchers?: NotificationDispatchers | undefined; simUrl: string | null } | undefined;
  /** Secret of the portal's signed webhook push when not configured (the embedded simulator's random one). */
  portalWebhookSecret?: string | undefined;
  /** Citizens' OpenID Connect provider (sign-in answers 503 OIDC_PROVIDER_UNAVAILABLE without it). */
  identity?: CitizenIdentity | undefined;
  /** Online payment gateway (paying answers 503 PAYMENT_GATEWAY_UNAVAILABLE without it). */
  payments?: PaymentGateway | undefined;
};

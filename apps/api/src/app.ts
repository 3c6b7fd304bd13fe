import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { AppError } from '@mot-cua/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './context.js';
import type { FileStore } from './files/file-store.js';
import { openFileStore } from './files/open-file-store.js';
import { authPlugin } from './http/auth.js';
import {
  clientErrorHandler,
  frameworkErrors,
  guardServerEvents,
  rateLimitKey,
  rejectUnsafeInput,
  requireHost,
  trustHops,
} from './http/edge.js';
import { loggerOptions } from './http/logging.js';
import { metricsPlugin } from './http/metrics.js';
import { buildProblem, classifyError, sendProblem } from './http/problem.js';
import { sessionHintPlugin } from './http/session-hint.js';
import { registerWebApp } from './http/web-static.js';
import { registerOutboxMetrics } from './outbox/outbox-health.js';
import { adminUnitsRoutes } from './routes/admin-units/admin-units.routes.js';
import { accountRoutes } from './routes/auth/account.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { secondFactorRoutes } from './routes/auth/second-factor.routes.js';
import { calendarRoutes } from './routes/calendar/calendar.routes.js';
import { citizenRoutes } from './routes/citizens/citizens.routes.js';
import { oidcRoutes } from './routes/citizens/oidc.routes.js';
import { dossiersRoutes } from './routes/dossiers/dossiers.routes.js';
import { feedbackRoutes } from './routes/feedback/feedback.routes.js';
import { open311Routes } from './routes/feedback/open311.routes.js';
import { open311DiscoveryRoutes } from './routes/feedback/open311-discovery.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { notificationRoutes } from './routes/notifications/notifications.routes.js';
import { unsubscribeRoutes } from './routes/notifications/unsubscribe.routes.js';
import { outboxAdminRoutes } from './routes/outbox/outbox-admin.routes.js';
import { syncSupervisionRoutes } from './routes/outbox/sync-supervision.routes.js';
import { gatewayRoutes } from './routes/payments/gateway.routes.js';
import { portalImportRoutes } from './routes/portal-imports/portal-imports.routes.js';
import { portalRoutingRoutes } from './routes/portal-imports/portal-routing.routes.js';
import { portalWebhookRoutes } from './routes/portal-imports/webhook.routes.js';
import { proceduresRoutes } from './routes/procedures/procedures.routes.js';
import { queueRoutes } from './routes/queue/queue.routes.js';
import { searchRoutes } from './routes/search/search.routes.js';
import { dashboardRoutes } from './routes/supervision/dashboard.routes.js';
import { supervisionRoutes } from './routes/supervision/supervision.routes.js';
import { usersRoutes } from './routes/users/users.routes.js';

const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type CreateAppOptions = Omit<AppDeps, 'files'> & {
  /** The file store; default: the one the configuration names (openFileStore). */
  files?: FileStore | undefined;
  /** pino logger options; false silences logs (tests). Default: the redacting options of http/logging.ts. */
  logger?: boolean | Record<string, unknown>;
  /** Extra routes mounted under /api (tests use it to exercise the error handler). */
  register?: (api: FastifyInstance) => Promise<void>;
};

/** Build the HTTP application. No side effects beyond the given dependencies; main.ts listens. */
export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const deps: AppDeps = {
    config,
    database: options.database,
    clock: options.clock,
    files: options.files ?? openFileStore(config),
    outbox: options.outbox,
    portalImporter: options.portalImporter,
    portalLookup: options.portalLookup,
    portalWebhookSecret: options.portalWebhookSecret,
    notifications: options.notifications,
    identity: options.identity,
    payments: options.payments,
  };
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    // A hop count trusts the n nearest addresses of the chain (only safe when the port is reachable through the
    // proxy alone); a list trusts exactly those proxies; false (default) trusts no X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    return503OnClosing: true,
    // Node would answer a bare 400 to HTTP/1.1 without Host; requireHost (http/edge.ts) answers a problem instead.
    http: { requireHostHeader: false },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  guardServerEvents(app.server);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The single error handler: every failure becomes problem+json with a stable code.
  app.setErrorHandler((error, req, reply) => {
    const { code, fieldErrors } = classifyError(error);
    const problem = buildProblem(code, req, fieldErrors);
    if (problem.status >= 500) req.log.error({ err: error, code }, 'request failed');
    else req.log.info({ code, status: problem.status }, 'request refused');
    const headers: Record<string, string> = {};
    const retry = reply.getHeader('retry-after');
    if (problem.status === 429 && retry !== undefined) headers['retry-after'] = String(retry);
    return sendProblem(reply, problem, headers);
  });

  // NUL and lone surrogates (PostgreSQL refuses or alters them) and absurdly deep JSON stop here with a 400.
  app.addHook('preValidation', rejectUnsafeInput);
  app.addHook('onRequest', requireHost);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(sessionHintPlugin, {
    secure: config.env === 'production' || config.publicUrl.startsWith('https:'),
  });
  await app.register(fastifyRateLimit, { global: false, keyGenerator: rateLimitKey });
  await app.register(metricsPlugin, {
    collectors: [
      (r) => registerOutboxMetrics(r, { database: deps.database, clock: deps.clock, dispatcher: deps.outbox }),
    ],
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Một Cửa API',
        description:
          'One-stop public administrative service centers (Trung tâm phục vụ hành chính công). ' +
          'Errors are RFC 9457 problem+json with a stable `code`; messages follow Accept-Language (vi default, en).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes, deps);
  await app.register(open311Routes, { ...deps, prefix: '/open311/v2' });
  await app.register(open311DiscoveryRoutes, { ...deps, prefix: '/open311' });
  await app.register(
    async (api) => {
      await api.register(authPlugin, deps);
      await api.register(authRoutes, { ...deps, prefix: '/auth' });
      await api.register(accountRoutes, { ...deps, prefix: '/auth' });
      await api.register(secondFactorRoutes, { ...deps, prefix: '/auth/second-factor' });
      await api.register(usersRoutes, { ...deps, prefix: '/admin/users' });
      await api.register(adminUnitsRoutes, { ...deps, prefix: '/admin-units' });
      await api.register(calendarRoutes, { ...deps, prefix: '/calendar' });
      await api.register(proceduresRoutes, { ...deps, prefix: '/procedures' });
      await api.register(dossiersRoutes, { ...deps, prefix: '/dossiers' });
      await api.register(searchRoutes, { ...deps, prefix: '/search' });
      await api.register(outboxAdminRoutes, { ...deps, prefix: '/admin/outbox' });
      await api.register(syncSupervisionRoutes, { ...deps, prefix: '/admin/outbox' });
      await api.register(portalImportRoutes, { ...deps, prefix: '/portal-imports' });
      await api.register(portalRoutingRoutes, { ...deps, prefix: '/portal-imports' });
      await api.register(portalWebhookRoutes, { ...deps, prefix: '/portal-imports' });
      await api.register(notificationRoutes, { ...deps, prefix: '/notifications' });
      await api.register(unsubscribeRoutes, { ...deps, prefix: '/notifications/unsubscribe' });
      await api.register(oidcRoutes, { ...deps, prefix: '/auth/oidc' });
      await api.register(citizenRoutes, { ...deps, prefix: '/citizen' });
      await api.register(gatewayRoutes, { ...deps, prefix: '/payments/gateway' });
      await api.register(feedbackRoutes, { ...deps, prefix: '/feedback' });
      await api.register(queueRoutes, { ...deps, prefix: '/queue' });
      await api.register(dashboardRoutes, { ...deps, prefix: '/supervision/dashboard' });
      await api.register(supervisionRoutes, { ...deps, prefix: '/supervision' });
      if (options.register) await api.register(options.register);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, config.webDistDir ?? DEFAULT_WEB_DIST);

  app.addHook('onClose', async () => {
    await options.database.close();
  });

  return app;
}

export { AppError };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../context.js';

/**
 * A feature's plugin: registers one small plugin per resource under the feature's prefix. Each resource gets
 * the application's dependencies (not the feature's own prefix, which Fastify already applies).
 */
export function featurePlugin(
  resources: ReadonlyArray<FastifyPluginAsyncZod<AppDeps>>,
): FastifyPluginAsyncZod<AppDeps> {
  return async (app, opts) => {
    const deps: AppDeps = {
      config: opts.config,
      database: opts.database,
      clock: opts.clock,
      files: opts.files,
      outbox: opts.outbox,
      portalImporter: opts.portalImporter,
      portalLookup: opts.portalLookup,
      notifications: opts.notifications,
    };
    for (const resource of resources) await app.register(resource, deps);
  };
}

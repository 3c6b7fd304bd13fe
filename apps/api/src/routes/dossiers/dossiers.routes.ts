import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { dossierActionRoutes } from './actions.routes.js';
import { dossierChecklistRoutes } from './checklist.routes.js';
import { MAX_ATTACHMENT_BYTES } from './dossier-deps.js';
import { dossierEformRoutes } from './eform.routes.js';
import { dossierFeeRoutes } from './fees.routes.js';
import { dossierFileRoutes } from './files.routes.js';
import { dossierPublicRoutes } from './public.routes.js';
import { dossierQueryRoutes } from './queries.routes.js';
import { dossierReceptionRoutes } from './reception.routes.js';
import { dossierSlipRoutes } from './slips.routes.js';
import { dossierStatsRoutes } from './stats.routes.js';

/**
 * The dossiers feature, mounted at /api/dossiers: one module per resource (reception, queries, actions,
 * files, slips, public), each registered here.
 */
export const dossiersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, options) => {
  // The feature's own prefix came with the options; the modules register under it without adding it again.
  const { prefix: _prefix, ...rest } = options as AppDeps & { prefix?: string };
  const deps: AppDeps = rest;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 10, fields: 20 } });
  await app.register(dossierReceptionRoutes, deps);
  await app.register(dossierChecklistRoutes, deps);
  await app.register(dossierStatsRoutes, deps);
  await app.register(dossierQueryRoutes, deps);
  await app.register(dossierEformRoutes, deps);
  await app.register(dossierFeeRoutes, deps);
  await app.register(dossierActionRoutes, deps);
  await app.register(dossierFileRoutes, deps);
  await app.register(dossierSlipRoutes, deps);
  await app.register(dossierPublicRoutes, deps);
};

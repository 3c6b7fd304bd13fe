import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { MAX_ATTACHMENT_BYTES } from '../dossiers/dossier-deps.js';
import { myDossierEformRoutes } from '../dossiers/eform.routes.js';
import { citizenPaymentRoutes } from '../payments/citizen-payments.routes.js';
import { draftRoutes } from './drafts.routes.js';
import { myDossierRatingRoutes } from './my-dossier-rating.routes.js';
import { myDossierRoutes } from './my-dossiers.routes.js';
import { onlineSubmissionRoutes } from './online-submission.routes.js';

/** The citizens' side, mounted at /api/citizen: my dossiers, online submission, supplement answers. */
export const citizenRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, options) => {
  const { prefix: _prefix, ...rest } = options as AppDeps & { prefix?: string };
  const deps: AppDeps = rest;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 20, fields: 10 } });
  await app.register(myDossierRoutes, deps);
  await app.register(myDossierRatingRoutes, deps);
  await app.register(onlineSubmissionRoutes, deps);
  await app.register(draftRoutes, deps);
  await app.register(myDossierEformRoutes, deps);
  await app.register(citizenPaymentRoutes, deps);
};

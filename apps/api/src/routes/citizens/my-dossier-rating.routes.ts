import { RateDossierRequest } from '@mot-cua/contracts';
import { authorize, rateDossier } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { dossierDeps, resourceFor } from '../dossiers/dossier-deps.js';
import { ownDossier, requireCitizen } from './citizen-context.js';

/**
 * The signed-in citizen rates the service of one of their returned dossiers from "Hồ sơ của tôi", without typing
 * the code and phone again (the public rating by code stays for everyone else). Once per dossier.
 */
export const myDossierRatingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.post(
    '/dossiers/:id/rate',
    {
      schema: {
        tags: ['citizens'],
        summary: 'Rate the service of one of my returned dossiers (once)',
        params: z.object({ id: z.uuid() }),
        body: RateDossierRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      // The rating, its action, audit row and outbox row commit together (performDossierAction locks the dossier and
      // refuses a second rating or one before the return).
      await db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, undefined, String(req.id));
        const dossier = ownDossier(c, await d.dossiers.findDossier(req.params.id));
        authorize(c.actor, 'dossier.read_own', resourceFor(dossier, 'dossier.read'));
        await rateDossier(d, {
          dossierId: dossier.id,
          actor: { userId: c.userId, name: c.fullName, role: 'applicant', unitCode: dossier.receivingUnitCode },
          level: req.body.level as 1 | 2 | 3 | 4 | 5,
          ...(req.body.criteria ? { criteria: req.body.criteria } : {}),
          comment: req.body.comment ?? null,
        });
      });
      return reply.status(204).send(null);
    },
  );
};

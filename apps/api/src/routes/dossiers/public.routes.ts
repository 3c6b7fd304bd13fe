import { PublicDossierView, PublicLookupQuery, RateDossierRequest, SlipKindName } from '@mot-cua/contracts';
import { AppError, lookupDossier, rateDossier, vnDate } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { optionalActor } from '../../http/auth.js';
import { dossierDeps, loadUnitNames } from './dossier-deps.js';
import { presentPublic, slipsOf } from './dossiers.presenter.js';
import { slipPdf } from './slips.routes.js';

const tags = ['dossiers'];
const publicRate = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

/** What an applicant does without signing in: look up by code plus phone or ID, download slips, rate. */
export const dossierPublicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/public/lookup',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Public lookup by dossier code plus phone or ID number (no login)',
        querystring: PublicLookupQuery,
        response: { 200: PublicDossierView },
      },
    },
    async (req) => {
      optionalActor(req);
      const d = dossierDeps(db, deps);
      const r = await lookupDossier(d, req.query.code, req.query.secondFactor);
      const unitName = await loadUnitNames(d.units, [r.dossier.receivingUnitCode], vnDate(deps.clock.now()));
      return presentPublic({ ...r, unitName });
    },
  );

  app.get(
    '/public/slips/:kind',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Download one of the applicant’s slips (code plus phone or ID number)',
        params: z.object({ kind: SlipKindName }),
        querystring: PublicLookupQuery,
      },
    },
    async (req, reply) => {
      const d = dossierDeps(db, deps);
      const r = await lookupDossier(d, req.query.code, req.query.secondFactor);
      if (!slipsOf(r.actions).includes(req.params.kind) || req.params.kind === 'control-sheet') {
        throw new AppError('SLIP_NOT_AVAILABLE');
      }
      const { pdf, code } = await slipPdf(deps, d, r, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/public/rate',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'The applicant rates a returned dossier (code plus phone or ID number)',
        body: PublicLookupQuery.extend(RateDossierRequest.shape),
        response: { 200: PublicDossierView },
      },
    },
    async (req) =>
      db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, undefined, String(req.id));
        const found = await lookupDossier(d, req.body.code, req.body.secondFactor);
        const r = await rateDossier(d, {
          dossierId: found.dossier.id,
          actor: {
            userId: null,
            name: found.dossier.applicant.fullName,
            role: 'applicant',
            unitCode: found.dossier.receivingUnitCode,
          },
          level: req.body.level as 1 | 2 | 3 | 4 | 5,
          ...(req.body.criteria ? { criteria: req.body.criteria } : {}),
          comment: req.body.comment ?? null,
        });
        const unitName = await loadUnitNames(d.units, [r.dossier.receivingUnitCode], vnDate(deps.clock.now()));
        return presentPublic({ dossier: r.dossier, actions: r.actions, state: r.state, unitName });
      }),
  );
};

import {
  CitizenDossierDetail,
  CitizenDossierList,
  CitizenDossierListQuery,
  CitizenProfile,
  SlipKindName,
} from '@mot-cua/contracts';
import { AppError, authorize, deriveDossierState } from '@mot-cua/core';
import { createCitizensRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { dossierDeps, resourceFor } from '../dossiers/dossier-deps.js';
import { slipsOf } from '../dossiers/dossiers.presenter.js';
import { sendStored } from '../dossiers/send-stored.js';
import { slipPdf } from '../dossiers/slips.routes.js';
import { type CitizenCaller, ownDossier, presentCitizenSummary, requireCitizen } from './citizen-context.js';
import { readCitizenDetail } from './citizen-detail.js';

const tags = ['citizens'];
const IdParams = z.object({ id: z.uuid() });

/** "Hồ sơ của tôi": the signed-in citizen's dossiers (as applicant or authorised agent), their slips and files. */
export const myDossierRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  /** The dossier if it is the citizen's (404 otherwise), with its log, state and the ports. */
  async function loadOwn(citizen: CitizenCaller, id: string) {
    const d = dossierDeps(db, deps);
    const dossier = ownDossier(citizen, await d.dossiers.findDossier(id));
    authorize(citizen.actor, 'dossier.read_own', resourceFor(dossier, 'dossier.read'));
    const actions = await d.dossiers.listActions(dossier.id);
    return { d, dossier, actions, state: deriveDossierState(actions) };
  }

  app.get(
    '/me',
    {
      schema: { tags, summary: 'The signed-in citizen (from the identity claims)', response: { 200: CitizenProfile } },
    },
    async (req) => {
      const c = await requireCitizen(req, db);
      const phone = await db.selectFrom('users').select('phone').where('id', '=', c.userId).executeTakeFirst();
      return { fullName: c.fullName, idNumber: c.idNumber, phone: phone?.phone ?? null };
    },
  );

  app.get(
    '/dossiers',
    {
      schema: {
        tags,
        summary: 'My dossiers: where I am the applicant or the authorised agent, newest first',
        querystring: CitizenDossierListQuery,
        response: { 200: CitizenDossierList },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, db);
      const r = await createCitizensRepository(db).listOwnDossiers(c.idNumber, req.query);
      return { items: r.items.map((x) => presentCitizenSummary(c, x)), total: r.total };
    },
  );

  app.get(
    '/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'One of my dossiers: what happens now, by when, what I must do; timeline, files, slips',
        params: IdParams,
        response: { 200: CitizenDossierDetail },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, db);
      const { d, dossier, actions, state } = await loadOwn(c, req.params.id);
      return readCitizenDetail(deps, db, d, c, { dossier, state, actions });
    },
  );

  app.get(
    '/dossiers/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download a file of my dossier (what I uploaded, or the electronic result once issued)',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      const { d, dossier } = await loadOwn(c, req.params.id);
      const f = await d.dossiers.readAttachment(dossier.id, req.params.attachmentId);
      if (!f) throw new AppError('NOT_FOUND');
      reply.header('x-content-type-options', 'nosniff');
      return sendStored(reply, deps.files, f);
    },
  );

  app.get(
    '/dossiers/:id/slips/:kind',
    {
      schema: {
        tags,
        summary: 'A slip of my dossier as PDF (receipt, supplement request, refusal, apology, stop)',
        params: z.object({ id: z.uuid(), kind: SlipKindName }),
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      const loaded = await loadOwn(c, req.params.id);
      if (!slipsOf(loaded.actions).includes(req.params.kind) || req.params.kind === 'control-sheet') {
        throw new AppError('SLIP_NOT_AVAILABLE');
      }
      const { pdf, code } = await slipPdf(deps, loaded.d, loaded, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );
};

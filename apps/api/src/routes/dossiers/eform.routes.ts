import { EformView } from '@mot-cua/contracts/eforms';
import { authorize, type DossierRecord, vnDate } from '@mot-cua/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { renderDeclaration } from '../../slips/declaration.js';
import { ownDossier, requireCitizen } from '../citizens/citizen-context.js';
import { dossierDeps, loadUnitNames, resourceFor } from './dossier-deps.js';
import { loadDossier, versionOf } from './dossier-view.js';
import { eformViewOf, eformViewOrNull } from './eform-view.js';
import { auditDossierRead } from './read-audit.js';
import { lookupUrlOf } from './slips.routes.js';

const IdParams = z.object({ id: z.uuid() });

/** The applicant's declaration as a PDF: the e-form and the files of each component. */
async function declarationPdf(deps: AppDeps, dossier: DossierRecord): Promise<Buffer> {
  const db = deps.database.db;
  const d = dossierDeps(db, deps);
  const eform = await eformViewOf(db, dossier.id);
  const unitName = await loadUnitNames(d.units, [dossier.receivingUnitCode], vnDate(deps.clock.now()));
  const files = (await d.dossiers.listAttachments(dossier.id)).filter((a) => a.kind === 'component');
  return renderDeclaration({
    dossier,
    eform,
    unitName: unitName(dossier.receivingUnitCode),
    files,
    lookupUrl: lookupUrlOf(deps, dossier.code),
  });
}

const pdfReply = (reply: FastifyReply, code: string, pdf: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${code}-to-khai.pdf"`).send(pdf);

/** Officials: GET /api/dossiers/:id/eform, under the same rule (and read audit) as the dossier itself. */
export const dossierEformRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const db = deps.database.db;
  app.get(
    '/:id/eform',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier’s e-form (tờ khai); null when the dossier has none',
        params: IdParams,
        response: { 200: EformView.nullable() },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const loaded = await loadDossier(dossierDeps(db, deps, versionOf(req)), req.params.id);
      const via = authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, via, loaded.dossier, 'eform');
      return eformViewOrNull(db, loaded.dossier.id);
    },
  );
  app.get(
    '/:id/declaration',
    { schema: { tags: ['dossiers'], summary: 'The applicant’s declaration (e-form) as PDF', params: IdParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const loaded = await loadDossier(dossierDeps(db, deps, versionOf(req)), req.params.id);
      const via = authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, via, loaded.dossier, 'declaration');
      return pdfReply(reply, loaded.dossier.code, await declarationPdf(deps, loaded.dossier));
    },
  );
};

/** Citizens: GET /api/citizen/dossiers/:id/eform, their own dossiers only (404 otherwise). */
export const myDossierEformRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const db = deps.database.db;
  app.get(
    '/dossiers/:id/eform',
    {
      schema: {
        tags: ['citizens'],
        summary: 'The e-form of one of my dossiers; null when it has none',
        params: IdParams,
        response: { 200: EformView.nullable() },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, db);
      const dossier = ownDossier(c, await dossierDeps(db, deps).dossiers.findDossier(req.params.id));
      authorize(c.actor, 'dossier.read_own', resourceFor(dossier, 'dossier.read'));
      return eformViewOrNull(db, dossier.id);
    },
  );
  app.get(
    '/dossiers/:id/declaration',
    { schema: { tags: ['citizens'], summary: 'My declaration (e-form) as PDF', params: IdParams } },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      const dossier = ownDossier(c, await dossierDeps(db, deps).dossiers.findDossier(req.params.id));
      authorize(c.actor, 'dossier.read_own', resourceFor(dossier, 'dossier.read'));
      return pdfReply(reply, dossier.code, await declarationPdf(deps, dossier));
    },
  );
};

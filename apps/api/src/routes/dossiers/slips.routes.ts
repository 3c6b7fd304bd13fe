import { SlipKindName } from '@mot-cua/contracts';
import { authorize, type DossierAction, type DossierRecord, deriveDossierState, vnDate } from '@mot-cua/core';
import { createDossierFeesRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { renderSlip } from '../../slips/slips.js';
import { dossierDeps, loadUnitNames, resourceFor } from './dossier-deps.js';
import { loadDossier, versionOf } from './dossier-view.js';
import { eformViewOrNull } from './eform-view.js';
import { auditDossierRead } from './read-audit.js';

const tags = ['dossiers'];

/** Where the public lookup of a dossier code lives (printed as a QR code on slips). */
export const lookupUrlOf = (deps: AppDeps, code: string) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;

/** A slip as PDF for a loaded dossier. */
export async function slipPdf(
  deps: AppDeps,
  d: ReturnType<typeof dossierDeps>,
  loaded: { dossier: DossierRecord; actions: DossierAction[] },
  kind: z.infer<typeof SlipKindName>,
  audience: 'private' | 'public' = 'private',
) {
  const { dossier, actions } = loaded;
  const now = deps.clock.now();
  const db = deps.database.db;
  const [unitName, fees, eform] = await Promise.all([
    loadUnitNames(d.units, [dossier.receivingUnitCode, dossier.competentUnitCode], vnDate(now)),
    createDossierFeesRepository(db).listForDossier(dossier.id),
    // The e-form holds personal data: printed on the slips of the applicant and officials, never the public's.
    audience === 'private' && kind === 'receipt' ? eformViewOrNull(db, dossier.id) : null,
  ]);
  const pdf = await renderSlip(kind, {
    fees,
    eform,
    dossier,
    actions,
    state: deriveDossierState(actions),
    unitName,
    lookupUrl: lookupUrlOf(deps, dossier.code),
    now,
  });
  return { pdf, code: dossier.code };
}

/** Slips of a dossier for officials (receipt, supplement, refusal, apology, stop, control sheet). */
export const dossierSlipRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get(
    '/:id/slips/:kind',
    {
      schema: {
        tags,
        summary: 'A slip as PDF (receipt, supplement, refusal, apology, stop, control-sheet)',
        params: z.object({ id: z.uuid(), kind: SlipKindName }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const d = dossierDeps(db, deps, versionOf(req));
      const loaded = await loadDossier(d, req.params.id);
      const via = authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, via, loaded.dossier, `slip:${req.params.kind}`);
      const { pdf, code } = await slipPdf(deps, d, loaded, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );
};

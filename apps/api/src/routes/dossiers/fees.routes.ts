import { DossierFeeList, type DossierFeeView } from '@mot-cua/contracts';
import { authorize, type DossierFee } from '@mot-cua/core';
import { createDossierFeesRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps, resourceFor } from './dossier-deps.js';
import { loadDossier, versionOf } from './dossier-view.js';
import { auditDossierRead } from './read-audit.js';

/** A fee record as the pages show it (every channel, one shape). */
export const presentFee = (f: DossierFee): DossierFeeView => ({
  id: f.id,
  channel: f.channel,
  amountVnd: f.amountVnd,
  receiptNumber: f.receiptNumber,
  description: f.description,
  paidAt: f.paidAt.toISOString(),
  collectedByName: f.collectedByName,
  gateway: f.gateway,
  gatewayTxnRef: f.gatewayTxnRef,
  orderRef: f.orderRef,
});

/** Officials: GET /api/dossiers/:id/fees, the payments received (counter and online), under the dossier's rule. */
export const dossierFeeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const db = deps.database.db;
  app.get(
    '/:id/fees',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Fees and charges paid for the dossier, at the counter or online, with their receipt numbers',
        params: z.object({ id: z.uuid() }),
        response: { 200: DossierFeeList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const loaded = await loadDossier(dossierDeps(db, deps, versionOf(req)), req.params.id);
      const via = authorize(actor, 'dossier.read', resourceFor(loaded.dossier, 'dossier.read'));
      await auditDossierRead(db, req, actor, via, loaded.dossier, 'fees');
      const fees = await createDossierFeesRepository(db).listForDossier(loaded.dossier.id);
      return { items: fees.map(presentFee) };
    },
  );
};

import { randomUUID } from 'node:crypto';
import { AppError, authorize, deriveDossierState, outstandingObligation, vnDate } from '@mot-cua/core';
import { createAuditPort, createDossierFeesRepository, createOnlinePaymentsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { renderOnlineReceipt } from '../../slips/online-receipt.js';
import { ownDossier, requireCitizen } from '../citizens/citizen-context.js';
import { dossierDeps, loadUnitNames, resourceFor } from '../dossiers/dossier-deps.js';
import { lookupUrlOf } from '../dossiers/slips.routes.js';

/** Where the gateway notifies us server-to-server, and where it sends the payer back. */
export const NOTIFY_PATH = '/api/payments/gateway/notify';
export const RETURN_PATH = '/api/payments/gateway/return';

/**
 * A citizen pays the financial obligation of their dossier online: the amount is the one asked for (never what the
 * browser says); the payment is recorded as pending, created at the gateway (signed) and the payer is sent there.
 */
export const citizenPaymentRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.post(
    '/dossiers/:id/payments',
    {
      schema: {
        tags: ['citizens'],
        summary: 'Pay the awaited fee or financial obligation online: answers the gateway page to go to',
        params: z.object({ id: z.uuid() }),
        response: { 201: z.object({ payUrl: z.string(), orderRef: z.string(), amount: z.number() }) },
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      if (!deps.payments) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
      const d = dossierDeps(db, deps);
      const dossier = ownDossier(c, await d.dossiers.findDossier(req.params.id));
      authorize(c.actor, 'dossier.pay_online', resourceFor(dossier, 'dossier.submit'));
      const actions = await d.dossiers.listActions(dossier.id);
      const due = outstandingObligation(deriveDossierState(actions), actions);
      if (!due) throw new AppError('PAYMENT_NOT_DUE');
      const id = randomUUID();
      const orderRef = `MC${Date.now().toString(36).toUpperCase()}${id.slice(0, 6).toUpperCase()}`;
      const description = `${dossier.code}: ${due.description}`.slice(0, 255);
      const payments = createOnlinePaymentsRepository(db);
      await db.transaction().execute(async (trx) => {
        await createOnlinePaymentsRepository(trx).insertPayment({
          id,
          dossierId: dossier.id,
          provinceCode: dossier.provinceCode,
          orderRef,
          amount: due.amount,
          description,
          status: 'pending',
          gateway: deps.payments!.name,
          gatewayPaymentId: null,
          requestedBy: c.userId,
          createdAt: deps.clock.now(),
        });
        await createAuditPort(trx, String(req.id)).record({
          actorUserId: c.userId,
          action: 'payment.started',
          entityType: 'dossier',
          entityId: dossier.id,
          provinceCode: dossier.provinceCode,
          unitCode: dossier.receivingUnitCode,
          data: { orderRef, amount: due.amount },
        });
      });
      const base = deps.config.publicUrl;
      const created = await deps.payments.create({
        orderRef,
        amount: due.amount,
        description,
        returnUrl: new URL(RETURN_PATH, base).toString(),
        notifyUrl: new URL(NOTIFY_PATH, base).toString(),
      });
      await payments.setGatewayPaymentId(id, created.paymentId);
      return reply.status(201).send({ payUrl: created.payUrl, orderRef, amount: due.amount });
    },
  );
  app.get(
    '/dossiers/:id/payments/:orderRef/receipt',
    {
      schema: {
        tags: ['citizens'],
        summary: 'The receipt (biên lai) of a fee paid online, as PDF (only once the gateway confirmed it)',
        params: z.object({ id: z.uuid(), orderRef: z.string().regex(/^[0-9A-Z]{4,40}$/) }),
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, db);
      const d = dossierDeps(db, deps);
      const dossier = ownDossier(c, await d.dossiers.findDossier(req.params.id));
      authorize(c.actor, 'dossier.read_own', resourceFor(dossier, 'dossier.read'));
      // The receipt exists once the gateway's confirmation made it the dossier's fee record.
      const fee = await createDossierFeesRepository(db).findOnlineFee(dossier.id, req.params.orderRef);
      if (!fee) throw new AppError('PAYMENT_NOT_FOUND');
      const unitName = await loadUnitNames(d.units, [dossier.receivingUnitCode], vnDate(deps.clock.now()));
      const pdf = await renderOnlineReceipt({
        dossier,
        fee,
        unitName: unitName(dossier.receivingUnitCode),
        lookupUrl: lookupUrlOf(deps, dossier.code),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${dossier.code}-bien-lai-${req.params.orderRef}.pdf"`)
        .send(pdf);
    },
  );
};

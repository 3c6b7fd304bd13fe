import { AppError, settleOnlinePayment } from '@mot-cua/core';
import { createAuditPort, createOnlinePaymentsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { dossierDeps } from '../dossiers/dossier-deps.js';

const Notification = z.object({
  merchantId: z.string(),
  orderRef: z.string().max(64),
  paymentId: z.string().max(64),
  amount: z.number(),
  status: z.enum(['success', 'failed', 'cancelled']),
  txnRef: z.string().max(64).nullish(),
  signature: z.string().max(200),
});

/**
 * What the payment gateway calls: the server-to-server notification (HMAC-checked, settled once, amount checked)
 * and the payer's return (signature-checked, then on to their dossier page). Neither uses a session.
 */
export const gatewayRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const gateway = () => {
    if (!deps.payments) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
    return deps.payments;
  };

  app.post(
    '/notify',
    {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['payments'],
        summary: 'Server-to-server payment notification from the gateway (HMAC-SHA256 signature over sorted fields)',
        body: Notification,
        response: { 200: z.object({ ok: z.literal(true), outcome: z.string() }) },
      },
    },
    async (req) => {
      if (!gateway().verify(req.body)) throw new AppError('PAYMENT_SIGNATURE_INVALID');
      const r = await deps.database.db.transaction().execute((trx) =>
        settleOnlinePayment(
          {
            ...dossierDeps(trx, deps, undefined, String(req.id)),
            payments: createOnlinePaymentsRepository(trx),
            audit: createAuditPort(trx, String(req.id)),
          },
          {
            orderRef: req.body.orderRef,
            amount: req.body.amount,
            status: req.body.status,
            txnRef: req.body.txnRef ?? null,
          },
        ),
      );
      return { ok: true as const, outcome: r.outcome };
    },
  );

  app.get(
    '/return',
    {
      schema: {
        tags: ['payments'],
        summary: 'The payer comes back from the gateway (signed): on to their dossier page',
        querystring: z.object({
          orderRef: z.string().max(64),
          status: z.string().max(20),
          amount: z.string().max(20),
          signature: z.string().max(200),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      if (!gateway().verify(q)) return reply.redirect('/ho-so-cua-toi?thanh-toan=loi-chu-ky', 302);
      const p = await deps.database.db
        .selectFrom('onlinePayments')
        .select('dossierId')
        .where('orderRef', '=', q.orderRef)
        .executeTakeFirst();
      if (!p) return reply.redirect('/ho-so-cua-toi', 302);
      return reply.redirect(`/ho-so-cua-toi/${p.dossierId}?thanh-toan=${encodeURIComponent(q.status)}`, 302);
    },
  );
};

import { randomUUID } from 'node:crypto';
import { memoryModeSetting, registerModeRoutes } from '@mot-cua/sim-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signFields, verifyFields } from './signature.js';

/** How the simulated gateway behaves when the payer confirms. */
export const PAY_SIM_MODES = ['ok', 'declined', 'timeout', 'duplicate'] as const;
export type PaySimMode = (typeof PAY_SIM_MODES)[number];

const CreatePayment = z.object({
  merchantId: z.string().min(1),
  orderRef: z.string().min(1).max(64),
  amount: z.number().int().positive(),
  description: z.string().max(255).default(''),
  returnUrl: z.string().url(),
  notifyUrl: z.string().url(),
  signature: z.string().min(1),
});

type Payment = z.infer<typeof CreatePayment> & {
  paymentId: string;
  status: 'pending' | 'success' | 'failed' | 'cancelled';
};
export type SentNotification = {
  paymentId: string;
  orderRef: string;
  status: string;
  httpStatus: number | null;
  at: string;
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:1rem auto;padding:0 1rem}button{width:100%;padding:.7rem;font-size:1rem;margin-top:.6rem;border-radius:4px;border:1px solid #555}
.pay{background:#0b5;color:#fff;border:0}.amount{font-size:1.6rem;font-weight:700}</style></head><body>${body}</body></html>`;

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A payment gateway as the product sees one: the merchant creates a payment server-to-server (signed), the payer
 * is redirected to the gateway's page, pays or cancels, the gateway notifies the merchant server-to-server with an
 * HMAC-signed message and sends the payer back with a signed return. Fault modes: `declined` (the bank refuses),
 * `timeout` (the payer is sent back but the notification never comes), `duplicate` (the notification is sent twice).
 */
export function createPaySimApp(opts: { merchantId: string; secret: string; logger?: boolean }): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false });
  const payments = new Map<string, Payment>();
  const sent: SentNotification[] = [];
  const setting = memoryModeSetting<{ mode: PaySimMode }>({ mode: 'ok' });
  // The payer's buttons post an empty form; the path says what they chose.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) =>
    done(null, {}),
  );

  const notify = async (p: Payment) => {
    const msg = {
      merchantId: p.merchantId,
      orderRef: p.orderRef,
      paymentId: p.paymentId,
      amount: p.amount,
      status: p.status,
      txnRef: `SIM${p.paymentId.slice(0, 8).toUpperCase()}`,
    };
    let httpStatus: number | null = null;
    try {
      const res = await fetch(p.notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...msg, signature: signFields(msg, opts.secret) }),
        signal: AbortSignal.timeout(10_000),
      });
      httpStatus = res.status;
      await res.arrayBuffer();
    } catch {
      httpStatus = null;
    }
    sent.push({
      paymentId: p.paymentId,
      orderRef: p.orderRef,
      status: p.status,
      httpStatus,
      at: new Date().toISOString(),
    });
  };

  const backToMerchant = (p: Payment) => {
    const ret = { orderRef: p.orderRef, status: p.status, amount: p.amount };
    const u = new URL(p.returnUrl);
    for (const [k, v] of Object.entries(ret)) u.searchParams.set(k, String(v));
    u.searchParams.set('signature', signFields(ret, opts.secret));
    return u.toString();
  };

  app.post('/api/v1/payments', async (req, reply) => {
    const parsed = CreatePayment.safeParse(req.body);
    if (!parsed.success) return reply.status(400).send({ error: 'invalid request' });
    const b = parsed.data;
    if (b.merchantId !== opts.merchantId || !verifyFields(b, opts.secret)) {
      return reply.status(401).send({ error: 'invalid signature' });
    }
    const paymentId = randomUUID();
    payments.set(paymentId, { ...b, paymentId, status: 'pending' });
    const payUrl = new URL(`/pay/${paymentId}`, `http://${req.headers.host}`).toString();
    return { paymentId, payUrl };
  });

  app.get<{ Params: { id: string } }>('/pay/:id', async (req, reply) => {
    const p = payments.get(req.params.id);
    if (!p)
      return reply.status(404).type('text/html').send(page('Không tìm thấy', '<h1>Không tìm thấy giao dịch</h1>'));
    return reply.type('text/html').send(
      page(
        'Cổng thanh toán (mô phỏng)',
        `<h1>Cổng thanh toán <small>(mô phỏng)</small></h1><p>${esc(p.description)}</p><p class="amount">${vnd(p.amount)}</p>
<form method="post" action="/pay/${p.paymentId}/confirm"><button class="pay" type="submit">Thanh toán</button></form>
<form method="post" action="/pay/${p.paymentId}/cancel"><button type="submit">Hủy giao dịch</button></form>`,
      ),
    );
  });

  app.post<{ Params: { id: string } }>('/pay/:id/confirm', async (req, reply) => {
    const p = payments.get(req.params.id);
    if (!p) return reply.status(404).send({ error: 'not found' });
    if (p.status === 'pending') {
      const { mode } = setting.mode;
      p.status = mode === 'declined' ? 'failed' : 'success';
      if (mode !== 'timeout') await notify(p);
      if (mode === 'duplicate') await notify(p);
    }
    return reply.redirect(backToMerchant(p), 303);
  });

  app.post<{ Params: { id: string } }>('/pay/:id/cancel', async (req, reply) => {
    const p = payments.get(req.params.id);
    if (!p) return reply.status(404).send({ error: 'not found' });
    if (p.status === 'pending') {
      p.status = 'cancelled';
      await notify(p);
    }
    return reply.redirect(backToMerchant(p), 303);
  });

  registerModeRoutes(app, setting, z.object({ mode: z.enum(PAY_SIM_MODES) }), PAY_SIM_MODES);
  app.get('/sim/notifications', async () => ({ items: sent }));
  /** Re-send a payment's last notification (what a gateway does when it got no answer). */
  app.post<{ Params: { id: string } }>('/sim/payments/:id/renotify', async (req, reply) => {
    const p = payments.get(req.params.id);
    if (!p || p.status === 'pending') return reply.status(404).send({ error: 'not found or not settled' });
    await notify(p);
    return { sent: sent.at(-1) };
  });
  return app;
}

import { randomBytes } from 'node:crypto';
import type { Config } from '@mot-cua/config';
import { AppError } from '@mot-cua/core';
import { signFields, verifyFields } from '@mot-cua/pay-sim';

/**
 * A payment gateway as the API uses one: create a payment server-to-server (signed) and get the page to send the
 * payer to; check the signature of what the gateway sends back (notification and return). HMAC-SHA256 over the
 * sorted fields, as Vietnamese gateways sign (the canonical form is shared with the simulator).
 */
export type PaymentGateway = {
  name: string;
  url: string;
  simulated: boolean;
  create(p: {
    orderRef: string;
    amount: number;
    description: string;
    returnUrl: string;
    notifyUrl: string;
  }): Promise<{ paymentId: string; payUrl: string }>;
  verify(fields: Record<string, string | number | null | undefined>): boolean;
  close(): Promise<void>;
};

export function createPaymentGateway(opts: {
  url: string;
  merchantId: string;
  secret: string;
  simulated?: boolean;
  close?: () => Promise<void>;
}): PaymentGateway {
  return {
    name: opts.simulated ? 'pay-sim' : new URL(opts.url).host,
    url: opts.url,
    simulated: opts.simulated ?? false,
    async create(p) {
      const body = { merchantId: opts.merchantId, ...p };
      let res: Response;
      try {
        res = await fetch(new URL('/api/v1/payments', opts.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, signature: signFields(body, opts.secret) }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (e) {
        throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { cause: e });
      }
      const data = (await res.json().catch(() => ({}))) as { paymentId?: string; payUrl?: string };
      if (!res.ok || !data.paymentId || !data.payUrl) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
      return { paymentId: data.paymentId, payUrl: data.payUrl };
    },
    verify: (fields) => verifyFields(fields, opts.secret),
    close: opts.close ?? (async () => {}),
  };
}

/** PAYMENT_GATEWAY_URL when set; otherwise the simulator (apps/pay-sim) in this process on PAYMENT_SIM_PORT. */
export async function openPaymentGateway(config: Config): Promise<PaymentGateway> {
  if (config.payment.gatewayUrl) {
    return createPaymentGateway({
      url: config.payment.gatewayUrl,
      merchantId: config.payment.merchantId,
      secret: config.payment.secret!,
    });
  }
  const { startPaySim } = await import('@mot-cua/pay-sim');
  const secret = config.payment.secret ?? randomBytes(24).toString('base64url');
  const sim = await startPaySim({ port: config.payment.simPort, merchantId: config.payment.merchantId, secret });
  return createPaymentGateway({ url: sim.url, merchantId: sim.merchantId, secret, simulated: true, close: sim.close });
}

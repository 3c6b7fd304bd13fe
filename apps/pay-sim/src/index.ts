import { createPaySimApp } from './pay-sim.js';

export { createPaySimApp, PAY_SIM_MODES, type PaySimMode, type SentNotification } from './pay-sim.js';
export { signFields, verifyFields } from './signature.js';

export type PaySim = { url: string; merchantId: string; secret: string; close(): Promise<void> };

/** Start the gateway simulator on `port` (0: any free port). In memory: a restart forgets payments. */
export async function startPaySim(opts: {
  port: number;
  host?: string;
  merchantId: string;
  secret: string;
}): Promise<PaySim> {
  const app = createPaySimApp({ merchantId: opts.merchantId, secret: opts.secret });
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { url: `http://${host}:${port}`, merchantId: opts.merchantId, secret: opts.secret, close: () => app.close() };
}

import type { AddressInfo } from 'node:net';
import { FaultModeBody, OK_MODE } from '@mot-cua/sim-kit';
import Fastify from 'fastify';
import { z } from 'zod';
import { createMailCatcher } from './mail-catcher.js';
import { NOTIFY_MODES, openCaptureStore } from './notify-store.js';
import { registerSmsGateway, SMS_PATH } from './sms-gateway.js';

export { type Captured, NOTIFY_MODES, type NotifyMode, openCaptureStore } from './notify-store.js';
export { SMS_PATH } from './sms-gateway.js';

export type NotifySim = {
  /** Base URL of the HTTP side: the SMS gateway and the /sim endpoints (captured mail and SMS, fault modes). */
  httpUrl: string;
  /** smtp://host:port of the mail catcher. */
  smtpUrl: string;
  close(): Promise<void>;
};

const ModeBody = FaultModeBody.extend({ channel: z.enum(['mail', 'sms']) });
const ListQuery = z.object({ to: z.string().optional(), limit: z.coerce.number().int().min(1).max(10_000).optional() });

/**
 * The notification simulators: a mail catcher on `smtpPort` and an SMS gateway on `httpPort`, which also serves
 * what both captured (`GET /sim/mail`, `GET /sim/sms`) and their fault modes (`PUT /sim/mode`). Stores in
 * `dataDir` (null: memory only). Port 0: any free port.
 */
export async function startNotifySim(opts: {
  httpPort: number;
  smtpPort: number;
  host?: string;
  dataDir: string | null;
  smsApiKey?: string | undefined;
}): Promise<NotifySim> {
  const host = opts.host ?? '127.0.0.1';
  const mail = await openCaptureStore(opts.dataDir, 'mail');
  const sms = await openCaptureStore(opts.dataDir, 'sms');
  const app = Fastify({ logger: false, forceCloseConnections: true });
  registerSmsGateway(app, sms, opts.smsApiKey);
  const stores = { mail, sms };
  app.get('/sim/mail', async (req) => mail.list(ListQuery.parse(req.query)));
  app.get('/sim/sms', async (req) => sms.list(ListQuery.parse(req.query)));
  app.get('/sim/mode', async () => ({ mail: mail.mode, sms: sms.mode }));
  app.put('/sim/mode', async (req, reply) => {
    const parsed = ModeBody.safeParse(req.body ?? {});
    if (!parsed.success)
      return reply.status(400).send({ error: 'channel mail|sms and mode one of', modes: NOTIFY_MODES });
    await stores[parsed.data.channel].setMode({ mode: parsed.data.mode, seconds: parsed.data.seconds });
    return { mail: mail.mode, sms: sms.mode };
  });
  app.post('/sim/reset', async () => {
    for (const s of [mail, sms]) {
      await s.clear();
      await s.setMode(OK_MODE);
    }
    return { ok: true };
  });
  app.get('/sim', async () => ({
    name: 'Mail catcher and SMS gateway simulator (Một Cửa)',
    sms: SMS_PATH,
    captured: ['/sim/mail?to=&limit=', '/sim/sms?to=&limit='],
    mode: { put: '/sim/mode {channel, mode, seconds}', modes: NOTIFY_MODES },
  }));
  await app.listen({ port: opts.httpPort, host });
  const smtp = createMailCatcher(mail);
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (app.server.address() as AddressInfo).port;
  return {
    httpUrl: `http://${host}:${httpPort}`,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await app.close();
    },
  };
}

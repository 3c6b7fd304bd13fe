import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CaptureStore } from './notify-store.js';

/** Where the product posts an SMS. */
export const SMS_PATH = '/api/v1/sms';

const SmsBody = z.object({
  to: z.string().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese mobile number'),
  text: z.string().min(1).max(1000),
  sender: z.string().max(11).optional(),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An SMS gateway as the product sees it: POST /api/v1/sms with an Idempotency-Key, acknowledged with the key
 * and a receipt id, deduplicated by key; the same fault modes as the portal simulator.
 */
export function registerSmsGateway(app: FastifyInstance, store: CaptureStore, apiKey?: string | undefined) {
  app.post(SMS_PATH, async (req, reply) => {
    const mode = store.mode;
    if (mode.mode === 'down') {
      req.raw.socket.destroy();
      return reply.hijack();
    }
    if (mode.mode === 'slow') await sleep(mode.seconds * 1000);
    if (mode.mode === 'http500') return reply.status(500).send({ error: 'simulated internal error' });
    if (mode.mode === 'throttle') {
      return reply
        .status(429)
        .header('retry-after', String(mode.seconds || 1))
        .send({ error: 'slow down' });
    }
    if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
      return reply.status(401).send({ error: 'unauthorized' });
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key || key.length > 200) {
      return reply.status(400).send({ error: 'Idempotency-Key header required' });
    }
    const parsed = SmsBody.safeParse(req.body);
    if (mode.mode === 'reject' || !parsed.success) {
      return reply
        .status(422)
        .send({ error: 'invalid message', issues: parsed.error?.issues ?? ['rejected (simulated)'] });
    }
    if (mode.mode === 'ack-unstored') return reply.status(200).send({ ok: true });
    const first = store.seen(key);
    const c =
      first ??
      (await store.add({
        key,
        receiptId: randomUUID(),
        receivedAt: new Date().toISOString(),
        to: parsed.data.to,
        from: parsed.data.sender ?? null,
        subject: null,
        text: parsed.data.text,
      }));
    const ack = { idempotencyKey: key, receiptId: c.receiptId, duplicate: Boolean(first) };
    if (mode.mode === 'timeout') {
      await new Promise<void>((done) => {
        const t = setTimeout(done, 3_600_000);
        req.raw.socket.once('close', () => {
          clearTimeout(t);
          done();
        });
      });
      return reply.hijack();
    }
    if (mode.mode === 'drop') {
      reply.hijack();
      const body = JSON.stringify(ack);
      reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      reply.raw.write(body.slice(0, Math.floor(body.length / 2)));
      req.raw.socket.destroy();
      return;
    }
    return ack;
  });
}

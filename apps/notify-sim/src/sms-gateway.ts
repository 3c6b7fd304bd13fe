import { randomUUID } from 'node:crypto';
import { answerWithFault, faultBefore } from '@mot-cua/sim-kit';
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

/**
 * An SMS gateway as the product sees it: POST /api/v1/sms with an Idempotency-Key, acknowledged with the key
 * and a receipt id, deduplicated by key; the same fault modes as the portal simulator (sim-kit).
 */
export function registerSmsGateway(app: FastifyInstance, store: CaptureStore, apiKey?: string | undefined) {
  app.post(SMS_PATH, async (req, reply) => {
    const mode = store.mode;
    if (await faultBefore(mode, req, reply, apiKey)) return reply;
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
    return answerWithFault(mode, req, reply, ack);
  });
}

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { answerWithFault, FaultModeBody, faultBefore, registerModeRoutes } from '@mot-cua/sim-kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerInbound } from './sim-inbound.js';
import { SIM_MODES, type SimStore } from './sim-store.js';
import type { SubmissionStore } from './sim-submissions.js';
import type { WebhookPusher } from './sim-webhook.js';

export const dossierStatusSchema = JSON.parse(
  readFileSync(new URL('../schema/dossier-status.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Where the product posts status updates. */
export const STATUS_PATH = '/api/v1/dossier-status';

const ListQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  dossier: z.string().optional(),
});

/**
 * The national portal as the product sees it: receives dossier status updates (schema-checked, deduplicated
 * by Idempotency-Key, recorded as received), with fault modes set at run time through PUT /sim/mode.
 * `apiKey`, when given, must come as `Authorization: Bearer <key>`.
 */
export function createPortalSimApp(opts: {
  store: SimStore;
  /** Online dossiers citizens submitted (offered to the provincial system with a cursor). */
  submissions?: SubmissionStore;
  apiKey?: string | undefined;
  /** Pushes new submissions to the provincial system's signed webhook. */
  webhook?: WebhookPusher;
  logger?: boolean;
}) {
  const { store } = opts;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(dossierStatusSchema);
  const requestsByKey = new Map<string, number>();
  let duplicates = 0;
  const app: FastifyInstance = Fastify({
    logger: opts.logger ?? false,
    forceCloseConnections: true,
    bodyLimit: 30_000_000,
  });

  app.post(STATUS_PATH, async (req, reply) => {
    const mode = store.mode;
    if (await faultBefore(mode, req, reply, opts.apiKey)) return reply;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
      return reply.status(400).send({ error: 'Idempotency-Key header required' });
    }
    if (mode.mode === 'reject') {
      return reply.status(422).send({ error: 'invalid payload', errors: [{ message: 'rejected (simulated)' }] });
    }
    if (!validate(req.body)) {
      return reply.status(422).send({ error: 'invalid payload', errors: validate.errors });
    }
    if (mode.mode === 'ack-unstored') {
      // Success for a request it does not store, without a receipt for this key.
      return reply.status(200).send({ ok: true });
    }
    requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
    const existing = store.find(key);
    let ack: { idempotencyKey: string; receiptId: string; duplicate: boolean };
    if (existing) {
      duplicates++;
      ack = { idempotencyKey: key, receiptId: existing.receiptId, duplicate: true };
    } else {
      const { record, persisted } = store.add({
        receiptId: randomUUID(),
        idempotencyKey: key,
        receivedAt: new Date().toISOString(),
        payload: req.body as Record<string, unknown>,
      });
      await persisted;
      ack = { idempotencyKey: key, receiptId: record.receiptId, duplicate: false };
    }
    // timeout: stored, but the answer never comes; drop: stored, the connection cut mid-response.
    return answerWithFault(mode, req, reply, ack);
  });

  if (opts.submissions) {
    registerInbound(app, {
      store,
      submissions: opts.submissions,
      apiKey: opts.apiKey,
      ...(opts.webhook ? { webhook: opts.webhook } : {}),
    });
  }

  app.get('/sim/received', async (req) => {
    const q = ListQuery.parse(req.query);
    const { total, items } = store.list(q);
    return {
      total,
      duplicates,
      items: items.map((r) => ({ ...r, requests: requestsByKey.get(r.idempotencyKey) ?? 1 })),
    };
  });
  registerModeRoutes(app, store, FaultModeBody, SIM_MODES);
  app.post('/sim/reset', async () => {
    await store.clear();
    await opts.submissions?.clear();
    opts.webhook?.clear();
    requestsByKey.clear();
    duplicates = 0;
    await store.setMode({ mode: 'ok', seconds: 0 });
    return { ok: true };
  });
  app.get('/sim/schema/dossier-status.json', async () => dossierStatusSchema);
  app.get('/sim', async () => ({
    name: 'DVCQG simulator (Một Cửa)',
    post: STATUS_PATH,
    received: '/sim/received?after=&limit=&dossier=',
    mode: { get: '/sim/mode', put: '/sim/mode', modes: SIM_MODES },
    schema: '/sim/schema/dossier-status.json',
    submit: '/nop-ho-so',
    dossiers: '/api/v1/dossiers?cursor=&limit=',
    dossier: '/api/v1/dossiers/:code',
    webhook: { get: '/sim/webhook', put: '/sim/webhook' },
  }));
  return app;
}

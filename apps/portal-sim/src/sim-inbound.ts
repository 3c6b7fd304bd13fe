import { answerWithFault, faultBefore } from '@mot-cua/sim-kit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SimStore } from './sim-store.js';
import { SubmissionInput, type SubmissionStore } from './sim-submissions.js';
import type { WebhookPusher } from './sim-webhook.js';
import { submissionPage } from './submission-page.js';

/** Where the provincial system pulls online dossiers from (cursor = the last `seq` it committed). */
export const DOSSIERS_PATH = '/api/v1/dossiers';

const PageQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * Online dossiers on the simulated portal: the citizen's submission page (`GET /nop-ho-so`, posting to
 * `POST /sim/dossiers`), and the API the provincial system pulls them from with a cursor or looks one up by code.
 * Both obey the fault mode (down, slow, time-out, 500, 429 with Retry-After, connection cut mid-response).
 */
export function registerInbound(
  app: FastifyInstance,
  opts: { store: SimStore; submissions: SubmissionStore; apiKey?: string | undefined; webhook?: WebhookPusher },
) {
  const { store, submissions } = opts;

  app.get(DOSSIERS_PATH, async (req, reply) => {
    if (await faultBefore(store.mode, req, reply, opts.apiKey)) return reply;
    const q = PageQuery.safeParse(req.query);
    if (!q.success) return reply.status(400).send({ error: 'cursor and limit must be whole numbers' });
    return answerWithFault(store.mode, req, reply, submissions.page(q.data.cursor, q.data.limit));
  });

  /** The portal's "get dossier by code" (with its files): 404 when unknown or withdrawn by the citizen. */
  app.get<{ Params: { code: string } }>(`${DOSSIERS_PATH}/:code`, async (req, reply) => {
    if (await faultBefore(store.mode, req, reply, opts.apiKey)) return reply;
    const s = submissions.lookup(req.params.code);
    if (!s) return reply.status(404).send({ error: 'no such dossier on the portal' });
    return answerWithFault(store.mode, req, reply, s);
  });

  /** The citizen withdraws a dossier on the portal (tests, the demo): the lookup by code no longer finds it. */
  app.delete<{ Params: { code: string } }>('/sim/dossiers/:code', async (req, reply) => {
    if (!(await submissions.withdraw(req.params.code))) return reply.status(404).send({ error: 'no such dossier' });
    return { withdrawn: req.params.code };
  });

  app.post('/sim/dossiers', async (req, reply) => {
    const parsed = SubmissionInput.safeParse(req.body ?? {});
    if (!parsed.success) {
      return reply.status(400).send({
        error: 'invalid submission',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const s = await submissions.add(parsed.data);
    opts.webhook?.push(s);
    return reply.status(201).send({ MaHoSoQG: s.MaHoSoQG, seq: s.seq, NgayNop: s.NgayNop });
  });

  /** What was submitted (without file contents), newest first. */
  app.get('/sim/dossiers', async () => ({
    items: submissions.recent(200).map((s) => ({
      ...s,
      TepDinhKem: s.TepDinhKem.map((f) => ({ TenTep: f.TenTep, MaThanhPhan: f.MaThanhPhan, LoaiTep: f.LoaiTep })),
    })),
  }));

  const WebhookBody = z.object({ url: z.string().url().nullable(), secret: z.string().min(16).optional() });
  /** Where new submissions are pushed (besides the pull), and every push attempt with the answer. */
  app.get('/sim/webhook', async () => ({
    target: opts.webhook?.target ?? null,
    attempts: opts.webhook?.attempts() ?? [],
  }));
  app.put('/sim/webhook', async (req, reply) => {
    const b = WebhookBody.safeParse(req.body ?? {});
    if (!opts.webhook || !b.success || (b.data.url && !b.data.secret)) {
      return reply.status(400).send({ error: 'url (or null) and a secret of at least 16 characters' });
    }
    opts.webhook.set(b.data.url && b.data.secret ? { url: b.data.url, secret: b.data.secret } : null);
    return { target: opts.webhook.target };
  });

  app.get('/nop-ho-so', async (_req, reply) => reply.type('text/html; charset=utf-8').send(submissionPage()));
}

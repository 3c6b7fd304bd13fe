import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  /** The fault mode before the answer: true when it answered (or cut the connection) instead of the handler. */
  async function faultBefore(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const mode = store.mode;
    if (mode.mode === 'down') {
      req.raw.socket.destroy();
      reply.hijack();
      return true;
    }
    if (mode.mode === 'slow') await sleep(mode.seconds * 1000);
    if (mode.mode === 'http500') {
      await reply.status(500).send({ error: 'simulated internal error' });
      return true;
    }
    if (mode.mode === 'throttle') {
      await reply
        .status(429)
        .header('retry-after', String(mode.seconds || 1))
        .send({ error: 'slow down' });
      return true;
    }
    if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      await reply.status(401).send({ error: 'unauthorized' });
      return true;
    }
    return false;
  }

  /** The fault mode on the answer: never sent (time-out) or cut in the middle (drop); else sent as is. */
  async function answer(req: FastifyRequest, reply: FastifyReply, body: unknown) {
    const mode = store.mode;
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
      const text = JSON.stringify(body);
      reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
      reply.raw.write(text.slice(0, Math.floor(text.length / 2)));
      req.raw.socket.destroy();
      return;
    }
    return reply.send(body);
  }

  app.get(DOSSIERS_PATH, async (req, reply) => {
    if (await faultBefore(req, reply)) return reply;
    const q = PageQuery.safeParse(req.query);
    if (!q.success) return reply.status(400).send({ error: 'cursor and limit must be whole numbers' });
    return answer(req, reply, submissions.page(q.data.cursor, q.data.limit));
  });

  /** The portal's "get dossier by code" (with its files): 404 when unknown or withdrawn by the citizen. */
  app.get<{ Params: { code: string } }>(`${DOSSIERS_PATH}/:code`, async (req, reply) => {
    if (await faultBefore(req, reply)) return reply;
    const s = submissions.lookup(req.params.code);
    if (!s) return reply.status(404).send({ error: 'no such dossier on the portal' });
    return answer(req, reply, s);
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

import { createHmac } from 'node:crypto';
import type { Submission } from './sim-submissions.js';

/** Headers of a signed push: the Unix time (seconds) and `sha256=<hex HMAC-SHA256 of "<time>.<body>">`. */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-dvcqg-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-dvcqg-signature';

/** The signature the portal puts on a push (the provincial system computes the same over the raw body). */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookAttempt = {
  MaHoSoQG: string;
  attempt: number;
  at: string;
  /** HTTP status, or null when no answer came (network error, time-out). */
  status: number | null;
  outcome: string | null;
  error: string | null;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The portal's push of new online dossiers to the provincial system's webhook, besides the pull: each new
 * submission is posted once, signed, retried a few times (1, 2, 4, 8 s) on no answer, 429 or 5xx. A push that
 * never got through is not lost: the dossier stays in the feed the province pulls. Attempts are kept in memory
 * for `GET /sim/webhook`.
 */
export function createWebhookPusher(initial: { url: string; secret: string } | null) {
  let target = initial;
  const attempts: WebhookAttempt[] = [];
  const inFlight = new Set<Promise<void>>();

  async function deliver(s: Submission, to: { url: string; secret: string }) {
    const body = JSON.stringify({ event: 'dossier.submitted', dossier: s });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const rec: WebhookAttempt = {
        MaHoSoQG: s.MaHoSoQG,
        attempt,
        at: new Date().toISOString(),
        status: null,
        outcome: null,
        error: null,
      };
      attempts.push(rec);
      try {
        const res = await fetch(to.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
            [WEBHOOK_SIGNATURE_HEADER]: signWebhook(to.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        rec.status = res.status;
        const text = await res.text();
        try {
          rec.outcome = (JSON.parse(text) as { outcome?: string; code?: string }).outcome ?? null;
        } catch {
          rec.outcome = null;
        }
        if (res.status < 500 && res.status !== 429) return;
      } catch (e) {
        rec.error = e instanceof Error ? e.message : String(e);
      }
      if (attempt < 5) await sleep(1000 * 2 ** (attempt - 1));
      if (!target) return; // switched off (or the simulator closed) meanwhile
    }
  }

  return {
    get target() {
      return target ? { url: target.url } : null;
    },
    set(next: { url: string; secret: string } | null) {
      target = next;
    },
    /** Push a new submission in the background (the citizen's answer does not wait for it). */
    push(s: Submission) {
      if (!target) return;
      const p = deliver(s, target).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    attempts: () => attempts,
    /** Tests: wait until every push started so far has finished. */
    async settle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    clear() {
      attempts.length = 0;
    },
  };
}
export type WebhookPusher = ReturnType<typeof createWebhookPusher>;

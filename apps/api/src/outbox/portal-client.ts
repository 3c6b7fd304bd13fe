import type { DeliveryOutcome } from '@mot-cua/core';
import type { ClaimedOutboxRow } from '@mot-cua/db';

/** Path of the portal's status-sync endpoint under PORTAL_URL (the simulator serves the same). */
export const PORTAL_STATUS_PATH = '/api/v1/dossier-status';

export type PortalClient = { send(row: ClaimedOutboxRow): Promise<DeliveryOutcome> };

/** The portal's status sync: one HTTP POST per row, its payload as the body (`postOutboxRow`). */
export function createPortalClient(opts: {
  url: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}): PortalClient {
  const endpoint = new URL(PORTAL_STATUS_PATH, opts.url.endsWith('/') ? opts.url : `${opts.url}/`).toString();
  return { send: (row) => postOutboxRow(endpoint, opts, row.idempotencyKey, row.payload) };
}

/**
 * One HTTP POST of an outbox row: `body` as JSON, the row's idempotency key in `Idempotency-Key`, the credential
 * as a bearer token. Every failure becomes an outcome (never a throw) for core's decideDelivery.
 */
export async function postOutboxRow(
  endpoint: string,
  opts: { apiKey?: string | undefined; timeoutMs: number },
  idempotencyKey: string,
  body: unknown,
): Promise<DeliveryOutcome> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    const text = await res.text();
    return { kind: 'response', status: res.status, body: text, retryAfter: res.headers.get('retry-after') };
  } catch (e) {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return { kind: 'timeout' };
    return { kind: 'network', error: err.cause?.code ?? err.cause?.message ?? err.message ?? String(e) };
  }
}

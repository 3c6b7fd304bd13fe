import type { DeliveryOutcome } from '@mot-cua/core';
import type { ClaimedOutboxRow } from '@mot-cua/db';
import nodemailer from 'nodemailer';
import { type PortalClient, postOutboxRow } from '../outbox/portal-client.js';

/** Path of the SMS gateway's send endpoint under SMS_GATEWAY_URL (the simulator serves the same). */
export const SMS_SEND_PATH = '/api/v1/sms';

type NotificationPayload = { to: string; subject: string | null; text: string };

const ack = (key: string, receiptId: string): DeliveryOutcome => ({
  kind: 'response',
  status: 200,
  body: JSON.stringify({ idempotencyKey: key, receiptId }),
});

/**
 * E-mail through SMTP (nodemailer). The Message-ID is made from the row's idempotency key, so a receiver that
 * deduplicates by Message-ID (the mail catcher does) stores a re-sent message once. SMTP answers become the
 * outcomes core's delivery rules read: accepted → acknowledged; 5xx → a permanent refusal (dead letter);
 * 4xx → try again later; no connection or no answer → network or time-out.
 */
export function createEmailClient(opts: { smtpUrl: string; from: string; timeoutMs: number }): PortalClient & {
  close(): void;
} {
  const transport = nodemailer.createTransport(opts.smtpUrl, {
    connectionTimeout: opts.timeoutMs,
    greetingTimeout: opts.timeoutMs,
    socketTimeout: opts.timeoutMs,
  } as object);
  return {
    async send(row: ClaimedOutboxRow): Promise<DeliveryOutcome> {
      const p = row.payload as NotificationPayload;
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: p.to,
          subject: p.subject ?? '',
          text: p.text,
          messageId: `<${row.idempotencyKey.replace(/[^\w.:-]/g, '_')}@mot-cua>`,
          headers: { 'X-Idempotency-Key': row.idempotencyKey },
        });
        return ack(row.idempotencyKey, String(info.messageId ?? info.response));
      } catch (e) {
        const err = e as { responseCode?: number; code?: string; message?: string; response?: string };
        if (typeof err.responseCode === 'number') {
          const permanent = err.responseCode >= 500;
          return {
            kind: 'response',
            status: permanent ? 422 : 503,
            body: `SMTP ${err.responseCode} ${err.response ?? err.message ?? ''}`.trim(),
          };
        }
        if (err.code === 'ETIMEDOUT') return { kind: 'timeout' };
        return { kind: 'network', error: err.code ?? err.message ?? String(e) };
      }
    },
    close: () => transport.close(),
  };
}

/** SMS through the HTTP gateway: one POST per row with its idempotency key; the gateway acknowledges with it. */
export function createSmsClient(opts: { url: string; apiKey?: string | undefined; timeoutMs: number }): PortalClient {
  const endpoint = new URL(SMS_SEND_PATH.slice(1), opts.url.endsWith('/') ? opts.url : `${opts.url}/`).toString();
  return {
    send(row) {
      const p = row.payload as NotificationPayload;
      return postOutboxRow(endpoint, opts, row.idempotencyKey, { to: p.to, text: p.text });
    },
  };
}

import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { CaptureStore } from './notify-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * A local mail catcher (SMTP, no TLS, no authentication): every message is parsed and kept, once per
 * Message-ID (a re-sent message is answered as accepted and not stored again). Fault modes: down (421 at
 * connection), slow (seconds before the answer), timeout (stored, never answered), http500 (451, try later),
 * throttle (421 too busy), reject (550), drop (stored, then 421 and the connection closed instead of the answer), ack-unstored
 * (250 without storing).
 */
export function createMailCatcher(store: CaptureStore) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (store.mode.mode === 'down') return callback(smtpError(421, 'Service not available (simulated)'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          const mode = store.mode;
          if (mode.mode === 'slow') await sleep(mode.seconds * 1000);
          if (mode.mode === 'http500') return callback(smtpError(451, 'Local error, try again later (simulated)'));
          if (mode.mode === 'throttle') return callback(smtpError(421, 'Too many messages, slow down (simulated)'));
          if (mode.mode === 'reject') return callback(smtpError(550, 'Mailbox unavailable (simulated)'));
          if (mode.mode === 'ack-unstored') return callback(null, 'Accepted (not stored, simulated)');
          const mail = await simpleParser(Buffer.concat(chunks));
          const key = mail.messageId ?? `<no-id-${randomUUID()}>`;
          const first = store.seen(key);
          const rcpt = session.envelope.rcptTo.map((r) => r.address).join(', ');
          const c =
            first ??
            (await store.add({
              key,
              receiptId: randomUUID(),
              receivedAt: new Date().toISOString(),
              to: rcpt,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              subject: mail.subject ?? null,
              text: mail.text ?? '',
            }));
          if (mode.mode === 'timeout') return; // stored, never answered
          // Stored, but the answer is lost: the connection closes with 421 instead of the 250.
          if (mode.mode === 'drop') return callback(smtpError(421, 'Connection closed (simulated)'));
          callback(null, `Queued as ${c.receiptId}`);
        })().catch((e: unknown) => callback(e as Error));
      });
    },
  });
  return server;
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultMode } from './fault-modes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fault mode before a handler does anything: down cuts the connection, slow waits, http500 and throttle
 * (429 with Retry-After) answer; then the bearer key is checked when one is set. True when it answered (the
 * handler returns `reply` and stores nothing).
 */
export async function faultBefore(
  mode: FaultMode,
  req: FastifyRequest,
  reply: FastifyReply,
  apiKey?: string | undefined,
): Promise<boolean> {
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
  if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
    await reply.status(401).send({ error: 'unauthorized' });
    return true;
  }
  return false;
}

/**
 * Send a 200 answer under the fault mode: timeout never answers (until the client gives up), drop writes half
 * the body and cuts the connection; otherwise the body is sent. What the handler stored stays stored.
 */
export async function answerWithFault(mode: FaultMode, req: FastifyRequest, reply: FastifyReply, body: unknown) {
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
    reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    reply.raw.write(text.slice(0, Math.floor(text.length / 2)));
    req.raw.socket.destroy();
    return;
  }
  return reply.status(200).send(body);
}

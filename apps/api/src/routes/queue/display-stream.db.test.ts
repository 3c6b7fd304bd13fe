import type { AddressInfo } from 'node:net';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../testing.js';
import { queueClient, queueTestCenter } from './queue-test-helpers.js';

let database: Database;
let app: FastifyInstance;
let url: string;
const clock = fixedClock('2026-03-03T02:00:00Z'); // Tuesday, 09:00 in Vietnam
let center: Awaited<ReturnType<typeof queueTestCenter>>;
let unitCode: string;

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const u = await insertDossierTestUnits(database.db, 1);
  unitCode = u.communeCodes[0]!;
  center = await queueTestCenter(database, unitCode, u.provinceCode);
});
afterAll(async () => {
  await app.close();
});

type Stream = { status: number; type: string; states: Array<{ calling: Array<{ number: number }> }> };

/** Open a display stream and collect its `state` events until aborted. */
function openStream(signal: AbortSignal): Promise<Stream> {
  return fetch(`${url}/api/queue/centers/${center.centerId}/display/stream`, {
    headers: { accept: 'text/event-stream' },
    signal,
  }).then((r) => {
    const s: Stream = { status: r.status, type: r.headers.get('content-type') ?? '', states: [] };
    void (async () => {
      let buf = '';
      const decoder = new TextDecoder();
      try {
        for await (const chunk of r.body!) {
          buf += decoder.decode(chunk as Uint8Array, { stream: true });
          for (let at = buf.indexOf('\n\n'); at >= 0; at = buf.indexOf('\n\n')) {
            const data = buf
              .slice(0, at)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buf = buf.slice(at + 2);
            if (data) s.states.push(JSON.parse(data.slice(6)));
          }
        }
      } catch {
        // aborted
      }
    })();
    return s;
  });
}

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe('display stream', () => {
  it('every display connecting at once, before the center has a feed, gets the state and then each call', async () => {
    const ac = new AbortController();
    try {
      const streams = await Promise.all(Array.from({ length: 40 }, () => openStream(ac.signal)));
      expect(streams.map((s) => `${s.status} ${s.type}`)).toEqual(streams.map(() => '200 text/event-stream'));
      await until(() => streams.every((s) => s.states.length > 0));
      expect(streams.filter((s) => s.states.length === 0)).toHaveLength(0);

      // A call reaches every display.
      const q = queueClient(app);
      const official = await signIn(app, database, [{ role: 'reception', unitCode }]);
      const t = await q.kiosk(center.centerId, center.groups['1']!);
      await q.counter(official, center.counters[1]!, 'open');
      const called = await q.counter(official, center.counters[1]!, 'call-next');
      expect(called.state.current?.number).toBe(t.number);
      const shows = (s: Stream) => s.states.some((st) => st.calling.some((c) => c.number === t.number));
      await until(() => streams.every(shows));
      expect(streams.filter((s) => !shows(s))).toHaveLength(0);
    } finally {
      ac.abort();
    }
  });
});

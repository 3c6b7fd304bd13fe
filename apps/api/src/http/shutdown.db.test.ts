import type { Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing.js';

describe('graceful shutdown', () => {
  it('finishes an in-flight request, then stops listening and closes the database', async () => {
    const real: Database = await createTestDb();
    let closed = false;
    const database: Database = {
      ...real,
      withRawChannel: real.withRawChannel,
      close: async () => {
        closed = true;
        await real.close();
      },
    };
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let arrived!: () => void;
    const inHandler = new Promise<void>((r) => {
      arrived = r;
    });
    const { app } = await buildTestApp(database, {
      register: async (api: FastifyInstance) => {
        api.get('/test/slow', async () => {
          arrived();
          await gate;
          return { done: true };
        });
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

    const inFlight = fetch(`${base}/api/test/slow`, { headers: { connection: 'close' } });
    // Close only once the request is being handled (a fixed wait let a loaded machine close first: 503).
    await inHandler;
    const closing = app.close();
    await new Promise((r) => setTimeout(r, 50));
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(closed).toBe(true);
  }, 120_000);
});

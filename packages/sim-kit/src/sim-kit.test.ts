import { mkdtempSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_MODES, FaultModeBody, OK_MODE, openModeSetting } from './fault-modes.js';
import { answerWithFault, faultBefore } from './http-faults.js';
import { openKeyedLog } from './keyed-log.js';
import { registerModeRoutes } from './mode-routes.js';

describe('a keyed log and a mode setting in a folder', () => {
  it('deduplicates by key, survives a reopen, ignores a torn last line; the mode is kept too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-kit-'));
    type R = { seq: number; key: string; n: number };
    const log = await openKeyedLog<R>(join(dir, 'log.jsonl'), (r) => r.key);
    await log.add({ key: 'a', n: 1 }).persisted;
    await log.add({ key: 'b', n: 2 }).persisted;
    expect(log.find('a')).toMatchObject({ seq: 1, n: 1 });
    await appendFile(join(dir, 'log.jsonl'), '{"seq":3,"key":"c"'); // a crash mid-append
    const mode = await openModeSetting(join(dir, 'mode.json'), OK_MODE);
    await mode.setMode({ mode: 'throttle', seconds: 7 });

    const again = await openKeyedLog<R>(join(dir, 'log.jsonl'), (r) => r.key);
    expect(again.items().map((r) => [r.seq, r.key])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(again.find('c')).toBeUndefined();
    expect((await openModeSetting(join(dir, 'mode.json'), OK_MODE)).mode).toEqual({ mode: 'throttle', seconds: 7 });
    await again.clear();
    expect((await openKeyedLog<R>(join(dir, 'log.jsonl'), (r) => r.key)).items()).toEqual([]);
  });
});

describe('the HTTP faults', () => {
  const app = Fastify({ forceCloseConnections: true });
  let url = '';
  let stored = 0;
  beforeAll(async () => {
    const setting = await openModeSetting(null, OK_MODE);
    registerModeRoutes(app, setting, FaultModeBody, FAULT_MODES);
    app.post('/thing', async (req, reply) => {
      const mode = setting.mode;
      if (await faultBefore(mode, req, reply, 'k')) return reply;
      stored++;
      return answerWithFault(mode, req, reply, { ok: true, padding: 'x'.repeat(100) });
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  const setMode = (mode: string, seconds = 0) =>
    fetch(`${url}/sim/mode`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode, seconds }),
    });
  const post = (auth = 'Bearer k') =>
    fetch(`${url}/thing`, { method: 'POST', headers: { authorization: auth }, signal: AbortSignal.timeout(5000) });

  it('answers, refuses, cuts or never answers as the mode says, and stores only when it should', async () => {
    expect((await post()).status).toBe(200);
    expect((await post('Bearer wrong')).status).toBe(401);
    expect((await setMode('nonsense')).status).toBe(400);
    await setMode('http500');
    expect((await post()).status).toBe(500);
    await setMode('throttle', 9);
    const t = await post();
    expect([t.status, t.headers.get('retry-after')]).toEqual([429, '9']);
    await setMode('down');
    await expect(post()).rejects.toThrow();
    expect(stored).toBe(1);
    await setMode('drop');
    await expect(post().then((r) => r.json())).rejects.toThrow();
    await setMode('timeout');
    await expect(post()).rejects.toThrow(/timeout|aborted/i);
    expect(stored).toBe(3); // drop and timeout stored before failing the answer
    expect(await (await fetch(`${url}/sim/mode`)).json()).toEqual({ mode: 'timeout', seconds: 0 });
  });
});

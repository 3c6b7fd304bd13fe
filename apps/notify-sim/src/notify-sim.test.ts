import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type NotifySim, SMS_PATH, startNotifySim } from './index.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const sms = (sim: NotifySim, key: string, body: unknown) =>
  fetch(`${sim.httpUrl}${SMS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
const mode = (sim: NotifySim, channel: string, m: string, seconds = 0) =>
  fetch(`${sim.httpUrl}/sim/mode`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, mode: m, seconds }),
  });

describe('SMS gateway simulator', () => {
  it('acknowledges with the key, stores once per key, survives a restart, and applies its fault modes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'notify-sim-'));
    dirs.push(dir);
    const sim = await startNotifySim({ httpPort: 0, smtpPort: 0, dataDir: dir });
    const first = await sms(sim, 'k1', { to: '0909123456', text: 'Ho so X da duoc tiep nhan' });
    expect(first.status).toBe(200);
    const ack = (await first.json()) as { idempotencyKey: string; receiptId: string; duplicate: boolean };
    expect(ack).toMatchObject({ idempotencyKey: 'k1', duplicate: false });
    const again = (await (await sms(sim, 'k1', { to: '0909123456', text: 'x' })).json()) as typeof ack;
    expect(again).toMatchObject({ receiptId: ack.receiptId, duplicate: true });
    expect((await sms(sim, 'k2', { to: '12', text: 'x' })).status).toBe(422);
    expect((await sms(sim, '', { to: '0909123456', text: 'x' })).status).toBe(400);
    await mode(sim, 'sms', 'throttle', 4);
    const t = await sms(sim, 'k3', { to: '0909123456', text: 'x' });
    expect([t.status, t.headers.get('retry-after')]).toEqual([429, '4']);
    await mode(sim, 'sms', 'http500');
    expect((await sms(sim, 'k3', { to: '0909123456', text: 'x' })).status).toBe(500);
    await mode(sim, 'sms', 'ack-unstored');
    expect(await (await sms(sim, 'k4', { to: '0909123456', text: 'x' })).json()).toEqual({ ok: true });
    await mode(sim, 'sms', 'down');
    await expect(sms(sim, 'k5', { to: '0909123456', text: 'x' })).rejects.toThrow();
    await sim.close();

    const back = await startNotifySim({ httpPort: 0, smtpPort: 0, dataDir: dir });
    expect(((await (await fetch(`${back.httpUrl}/sim/mode`)).json()) as { sms: { mode: string } }).sms.mode).toBe(
      'down',
    );
    await mode(back, 'sms', 'ok');
    const list = (await (await fetch(`${back.httpUrl}/sim/sms`)).json()) as {
      total: number;
      items: Array<{ key: string }>;
    };
    expect(list.total).toBe(1);
    expect(list.items.map((i) => i.key)).toEqual(['k1']);
    await back.close();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PortalSim, STATUS_PATH, startPortalSim } from './index.js';
import { vnStamp } from './sim-submissions.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const validUpdate = (code: string, status: number) => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Ánh',
  LoaiDoiTuong: 1,
  NgayNopHoSo: '20260302090000',
  NgayHenTra: '',
  TrangThaiHoSo: status,
  DonViXuLy: 'Phường Bến Thành',
  QuaTrinhXuLy: [{ NguoiXuLy: 'Trần Thị Lan', ThoiDiemXuLy: '20260302090000', NoiDungXuLy: 'Tiếp nhận', TrangThai: 2 }],
});

const post = (sim: PortalSim, key: string, body: unknown) =>
  fetch(`${sim.url}${STATUS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
const setMode = (sim: PortalSim, mode: string, seconds = 0) =>
  fetch(`${sim.url}/sim/mode`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, seconds }),
  });
const received = async (sim: PortalSim) =>
  (await (await fetch(`${sim.url}/sim/received`)).json()) as {
    total: number;
    duplicates: number;
    items: Array<{ idempotencyKey: string; requests: number }>;
  };

describe('national portal simulator', () => {
  it('checks the schema, deduplicates by key, records what it got, and keeps it across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-sim-'));
    dirs.push(dir);
    let sim = await startPortalSim({ port: 0, dataDir: dir });
    const r1 = await post(sim, 'k1', validUpdate('X79.26743-260302-0001', 2));
    expect(r1.status).toBe(200);
    const ack = (await r1.json()) as { idempotencyKey: string; receiptId: string; duplicate: boolean };
    expect(ack).toMatchObject({ idempotencyKey: 'k1', duplicate: false });
    const again = (await (await post(sim, 'k1', validUpdate('X79.26743-260302-0001', 2))).json()) as typeof ack;
    expect(again).toEqual({ idempotencyKey: 'k1', receiptId: ack.receiptId, duplicate: true });

    const bad = await post(sim, 'k2', { ...validUpdate('X', 11), NgayNopHoSo: '2026-03-02' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('TrangThaiHoSo');
    expect((await post(sim, '', validUpdate('X', 2))).status).toBe(400);

    expect(await received(sim)).toMatchObject({
      total: 1,
      duplicates: 1,
      items: [{ idempotencyKey: 'k1', requests: 2 }],
    });
    await setMode(sim, 'http500');
    await sim.close();

    sim = await startPortalSim({ port: 0, dataDir: dir });
    expect((await received(sim)).total).toBe(1);
    expect(await (await fetch(`${sim.url}/sim/mode`)).json()).toEqual({ mode: 'http500', seconds: 0 });
    await sim.close();
  });

  it('fault modes: down, 500, 429 with Retry-After, reject, drop mid-response, success without storing', async () => {
    const sim = await startPortalSim({ port: 0, dataDir: null });
    const body = validUpdate('X79.26743-260302-0002', 4);

    await setMode(sim, 'down');
    await expect(post(sim, 'd1', body)).rejects.toThrow();
    await setMode(sim, 'http500');
    expect((await post(sim, 'd1', body)).status).toBe(500);
    await setMode(sim, 'throttle', 7);
    const t = await post(sim, 'd1', body);
    expect([t.status, t.headers.get('retry-after')]).toEqual([429, '7']);
    await setMode(sim, 'reject');
    expect((await post(sim, 'd1', body)).status).toBe(422);
    await setMode(sim, 'ack-unstored');
    const lie = await post(sim, 'd1', body);
    expect([lie.status, await lie.json()]).toEqual([200, { ok: true }]);
    expect((await received(sim)).total).toBe(0);

    await setMode(sim, 'drop');
    await expect(post(sim, 'd1', body).then((r) => r.text())).rejects.toThrow();
    expect((await received(sim)).total).toBe(1); // stored before the cut

    await setMode(sim, 'slow', 1);
    const started = Date.now();
    expect((await post(sim, 'd1', body)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    await setMode(sim, 'timeout');
    await expect(
      fetch(`${sim.url}${STATUS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'd2' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect((await received(sim)).total).toBe(2);
    expect((await setMode(sim, 'sideways')).status).toBe(400);
    await sim.close();
  });

  it('asks for the API key when configured', async () => {
    const sim = await startPortalSim({ port: 0, dataDir: null, apiKey: 'secret' });
    expect((await post(sim, 'a1', validUpdate('X1', 2))).status).toBe(401);
    await sim.close();
  });
});

describe('online dossiers submitted on the portal', () => {
  it('gives each a national code, pages them by cursor, keeps them across a restart and serves the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-sim-sub-'));
    dirs.push(dir);
    const sim = await startPortalSim({ port: 0, dataDir: dir });
    const submit = (name: string) =>
      fetch(`${sim.url}/sim/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ MaTTHC: '1.001193', MaDonVi: '26743', ChuHoSo: { HoTen: name }, DaXacThucVNeID: true }),
      });
    const first = await submit('Nguyễn Văn Một');
    expect(first.status).toBe(201);
    expect(((await first.json()) as { MaHoSoQG: string }).MaHoSoQG).toMatch(/^G22\.99-\d{6}-000001$/);
    await submit('Trần Thị Hai');
    expect((await submit('')).status).toBe(400);
    const page = (await (await fetch(`${sim.url}/api/v1/dossiers?cursor=0&limit=1`)).json()) as {
      items: Array<{ seq: number; ChuHoSo: { HoTen: string }; DaXacThucVNeID: boolean }>;
      nextCursor: number;
    };
    expect(page.items.map((i) => i.ChuHoSo.HoTen)).toEqual(['Nguyễn Văn Một']);
    expect(page.items[0]!.DaXacThucVNeID).toBe(true);
    expect(page.nextCursor).toBe(1);
    const html = await (await fetch(`${sim.url}/nop-ho-so`)).text();
    expect(html).toContain('Nộp hồ sơ trực tuyến');
    await sim.close();

    const again = await startPortalSim({ port: 0, dataDir: dir });
    const rest = (await (await fetch(`${again.url}/api/v1/dossiers?cursor=1`)).json()) as {
      items: Array<{ MaHoSoQG: string }>;
    };
    expect(rest.items.map((i) => i.MaHoSoQG)).toEqual([expect.stringMatching(/-000002$/)]);
    await setMode(again, 'http500');
    expect((await fetch(`${again.url}/api/v1/dossiers`)).status).toBe(500);
    await setMode(again, 'throttle', 9);
    const throttled = await fetch(`${again.url}/api/v1/dossiers`);
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '9']);
    await setMode(again, 'ok');
    await again.close();
  });

  it('gives one dossier by its code with its files; a withdrawn one is gone, also after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-sim-code-'));
    dirs.push(dir);
    const sim = await startPortalSim({ port: 0, dataDir: dir, apiKey: 'k' });
    const auth = { authorization: 'Bearer k' };
    const file = { TenTep: 'a.pdf', MaThanhPhan: 'c01', LoaiTep: 'application/pdf', NoiDung: 'JVBERi0=' };
    const codes: string[] = [];
    for (const name of ['Một', 'Hai']) {
      const r = await fetch(`${sim.url}/sim/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ MaTTHC: '1.001193', MaDonVi: '26743', ChuHoSo: { HoTen: name }, TepDinhKem: [file] }),
      });
      codes.push(((await r.json()) as { MaHoSoQG: string }).MaHoSoQG);
    }
    const byCode = (url: string, code: string) =>
      fetch(`${url}/api/v1/dossiers/${encodeURIComponent(code)}`, { headers: auth });
    expect((await fetch(`${sim.url}/api/v1/dossiers/${codes[0]}`)).status).toBe(401);
    const one = await byCode(sim.url, codes[0]!);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ MaHoSoQG: codes[0], ChuHoSo: { HoTen: 'Một' }, TepDinhKem: [file] });
    expect((await byCode(sim.url, 'KHONG-CO')).status).toBe(404);
    expect((await fetch(`${sim.url}/sim/dossiers/${codes[0]}`, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(`${sim.url}/sim/dossiers/${codes[0]}`, { method: 'DELETE' })).status).toBe(404);
    expect((await byCode(sim.url, codes[0]!)).status).toBe(404);
    await setMode(sim, 'http500');
    expect((await byCode(sim.url, codes[1]!)).status).toBe(500);
    await sim.close();

    const again = await startPortalSim({ port: 0, dataDir: dir, apiKey: 'k' });
    await setMode(again, 'ok'); // the mode was kept across the restart
    expect((await byCode(again.url, codes[0]!)).status).toBe(404);
    expect((await byCode(again.url, codes[1]!)).status).toBe(200);
    // The feed still counts the withdrawn one (the cursor never moves back); the next code follows on.
    const page = (await (await fetch(`${again.url}/api/v1/dossiers?cursor=0`, { headers: auth })).json()) as {
      nextCursor: number;
    };
    expect(page.nextCursor).toBe(2);
    await again.close();
  });
});

describe('push of new online dossiers to the provincial system', () => {
  it('posts each new submission, signed over timestamp and body, retries a 503, and carries the reuse flags', async () => {
    const { createHmac } = await import('node:crypto');
    const { createServer } = await import('node:http');
    const secret = 'sim-push-secret-0123456789';
    const got: Array<{ ts: string; sig: string; body: string }> = [];
    let failFirst = true;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push({ ts: String(req.headers['x-dvcqg-timestamp']), sig: String(req.headers['x-dvcqg-signature']), body });
        if (failFirst) {
          failFirst = false;
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"imported"}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const addr = receiver.address();
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
    const sim = await startPortalSim({ port: 0, dataDir: null });
    try {
      const bad = await fetch(`${sim.url}/sim/webhook`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url, secret: 'short' }),
      });
      expect(bad.status).toBe(400);
      await fetch(`${sim.url}/sim/webhook`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url, secret }),
      });
      const r = await fetch(`${sim.url}/sim/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          MaTTHC: '1.001193',
          MaDonVi: '26743',
          ChuHoSo: { HoTen: 'Lê Thị Đẩy' },
          TepDinhKem: [
            {
              TenTep: 'a.pdf',
              MaThanhPhan: 'c01',
              LoaiTep: 'application/pdf',
              NoiDung: 'JVBERg==',
              DuocTaiSuDung: true,
            },
          ],
        }),
      });
      const { MaHoSoQG } = (await r.json()) as { MaHoSoQG: string };
      await sim.webhook.settle();
      expect(got).toHaveLength(2); // 503, then retried after 1 s
      for (const g of got) {
        const expected = `sha256=${createHmac('sha256', secret).update(`${g.ts}.${g.body}`).digest('hex')}`;
        expect(g.sig).toBe(expected);
        const pushed = JSON.parse(g.body) as { event: string; dossier: { MaHoSoQG: string; TepDinhKem: unknown[] } };
        expect(pushed.event).toBe('dossier.submitted');
        expect(pushed.dossier.MaHoSoQG).toBe(MaHoSoQG);
        expect(pushed.dossier.TepDinhKem[0]).toMatchObject({ DuocTaiSuDung: true, DuocLayTuKhoDMQG: false });
      }
      const log = (await (await fetch(`${sim.url}/sim/webhook`)).json()) as {
        target: { url: string };
        attempts: Array<{ attempt: number; status: number; outcome: string | null }>;
      };
      expect(log.target).toEqual({ url });
      expect(log.attempts.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
        [1, 503, null],
        [2, 200, 'imported'],
      ]);
    } finally {
      await sim.close();
      receiver.close();
    }
  });
});

describe('the portal time stamp', () => {
  it('is Vietnam wall-clock time (UTC+7), across a day and a year boundary', () => {
    expect(vnStamp(new Date('2026-03-06T17:30:05Z'))).toBe('20260307003005');
    expect(vnStamp(new Date('2026-12-31T16:59:59Z'))).toBe('20261231235959');
    expect(vnStamp(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });
});

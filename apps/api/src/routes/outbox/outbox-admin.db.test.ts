import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import type { PortalSim } from '@mot-cua/portal-sim';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxDispatcher } from '../../outbox/outbox-dispatcher.js';
import {
  outboxScene,
  setSimMode,
  simReceived,
  startTestSim,
  testDispatcher,
} from '../../outbox/outbox-test-helpers.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

let database: Database;
let sim: PortalSim;
let app: FastifyInstance;
let admin: Signed;
let dispatcher: OutboxDispatcher;
let scene: Awaited<ReturnType<typeof outboxScene>>;
// An hour ahead of the database's now(), so rows written during the test are due at once.
const clock = fixedClock(new Date(Date.now() + 3_600_000));

beforeAll(async () => {
  database = await createTestDb();
  sim = await startTestSim();
  scene = await outboxScene(database);
  dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
  ({ app } = await buildTestApp(database, { clock }));
  admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe('/api/admin/outbox', () => {
  it('lists a rejected row with the reason and the portal answer; corrected and re-sent, it is delivered once', async () => {
    const d = await scene.receiveIncomplete();
    await setSimMode(sim, 'reject');
    await dispatcher.tick();
    await setSimMode(sim, 'ok');
    const [head] = await scene.listOutbox(d.id);

    const list = await app.inject({ url: '/api/admin/outbox/dead-letters?limit=500', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const item = (list.json() as { items: Array<Record<string, unknown>> }).items.find((i) => i.id === head!.id);
    expect(item).toMatchObject({
      idempotencyKey: head!.idempotencyKey,
      reason: 'rejected by the portal (422)',
      attempts: 1,
      payload: { TrangThaiHoSo: 1 },
    });
    expect(String(item!.portalResponse)).toContain('422');

    const corrected = { ...head!.payload, ChuHoSo: 'Nguyễn Thị Ánh (sửa)' };
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/outbox/dead-letters/${head!.id}/resend`,
      headers: admin.headers,
      payload: { payload: corrected, note: 'Sửa tên chủ hồ sơ' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: head!.id, corrected: true });
    const audit = await createAuditRepository(database.db).listAudit('outbox_message', String(head!.id));
    expect(audit.map((a) => a.action)).toEqual(['outbox.dead_lettered', 'outbox.dead_letter_corrected_and_resent']);
    expect(audit[1]).toMatchObject({ actorUserId: admin.userId, data: { note: 'Sửa tên chủ hồ sơ' } });

    // Only a dead letter can be re-sent.
    const again = await app.inject({
      method: 'POST',
      url: `/api/admin/outbox/dead-letters/${head!.id}/resend`,
      headers: admin.headers,
      payload: {},
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'OUTBOX_MESSAGE_NOT_DEAD']);

    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await dispatcher.tick();
    }
    const got = await simReceived(sim, `&dossier=${d.code}`);
    expect(got.items.map((i) => [i.payload.TrangThaiHoSo, i.payload.ChuHoSo])).toEqual([
      [1, 'Nguyễn Thị Ánh (sửa)'],
      [5, 'Nguyễn Thị Ánh'],
    ]);
  });

  it('refuses others: 401 anonymous, 403 for a province administrator or a director, 404 unknown id', async () => {
    expect((await app.inject({ url: '/api/admin/outbox/dead-letters' })).statusCode).toBe(401);
    const provinceAdmin = await signIn(app, database, [{ role: 'system_admin', unitCode: '79' }]);
    const r = await app.inject({ url: '/api/admin/outbox/dead-letters', headers: provinceAdmin.headers });
    expect([r.statusCode, r.json().code]).toEqual([403, 'OUT_OF_JURISDICTION']);
    const director = await signIn(app, database, [{ role: 'center_director', unitCode: 'VN' }]);
    const d = await app.inject({
      method: 'POST',
      url: '/api/admin/outbox/dead-letters/1/resend',
      headers: director.headers,
      payload: {},
    });
    expect([d.statusCode, d.json().code]).toEqual([403, 'FORBIDDEN']);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/admin/outbox/dead-letters/999999999/resend',
      headers: admin.headers,
      payload: {},
    });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'OUTBOX_MESSAGE_NOT_FOUND']);
  });

  it('summary, readiness degraded while the portal is away, and the outbox metrics', async () => {
    const { createApp } = await import('../../app.js');
    const { loadConfig } = await import('@mot-cua/config');
    const live = await createApp({
      config: loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false' }),
      database: { ...database, close: async () => {} },
      clock,
      outbox: dispatcher,
      logger: false,
    });
    await scene.receiveIncomplete();
    await setSimMode(sim, 'down');
    for (let i = 0; i < 6 && dispatcher.status().breaker.state === 'closed'; i++) {
      clock.advance(60_000);
      await dispatcher.tick();
    }
    const ready = await live.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'degraded', portal: { state: 'away', breaker: 'open' } });
    const metrics = (await live.inject('/metrics')).body;
    expect(metrics).toMatch(/motcua_outbox_pending \d+/);
    expect(metrics).toMatch(/motcua_outbox_oldest_pending_age_seconds \d+/);
    expect(metrics).toContain('motcua_outbox_breaker_state 2');
    expect(metrics).toMatch(/motcua_outbox_delivered_total \d+/);
    expect(metrics).toMatch(/motcua_outbox_retried_total [1-9]\d*/);
    expect(metrics).toContain('motcua_outbox_dead_lettered_total 1');
    await setSimMode(sim, 'ok');
    await live.close();

    const summary = await app.inject({ url: '/api/admin/outbox/summary', headers: admin.headers });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ breaker: null });
  });

  it('discards a dead letter (reason required, audited): out of the list, the dossier’s next change goes', async () => {
    const d = await scene.receiveIncomplete();
    await setSimMode(sim, 'reject');
    // The breaker may still be open from the outage above: let it probe until this dossier's head is refused.
    for (let i = 0; i < 10 && !(await scene.listOutbox(d.id))[0]!.deadAt; i++) {
      clock.advance(60_000);
      await dispatcher.tick();
    }
    await setSimMode(sim, 'ok');
    const [head, next] = await scene.listOutbox(d.id);
    expect(head!.deadAt).not.toBeNull();
    const url = `/api/admin/outbox/dead-letters/${head!.id}/discard`;
    const noReason = await app.inject({ method: 'POST', url, headers: admin.headers, payload: { note: '' } });
    expect(noReason.statusCode).toBe(400);
    const res = await app.inject({ method: 'POST', url, headers: admin.headers, payload: { note: 'Trùng hồ sơ' } });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await createAuditRepository(database.db).listAudit('outbox_message', String(head!.id));
    expect(audit.map((a) => a.action)).toEqual(['outbox.dead_lettered', 'outbox.dead_letter_discarded']);
    expect(audit[1]).toMatchObject({ actorUserId: admin.userId, data: { note: 'Trùng hồ sơ' } });
    const twice = await app.inject({ method: 'POST', url, headers: admin.headers, payload: { note: 'Lần nữa' } });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'OUTBOX_MESSAGE_NOT_DEAD']);
    const list = await app.inject({ url: '/api/admin/outbox/dead-letters?limit=500', headers: admin.headers });
    expect((list.json() as { items: Array<{ id: number }> }).items.map((i) => i.id)).not.toContain(head!.id);
    clock.advance(60_000);
    await dispatcher.tick();
    const got = await simReceived(sim, `&dossier=${d.code}`);
    expect(got.items.map((i) => i.idempotencyKey)).toEqual([next!.idempotencyKey]);
    const [discarded] = await scene.listOutbox(d.id);
    expect(discarded!.deliveredAt).toBeNull();
  });

  it('supervision per province: indicator 1.4 counts only dossiers with every change delivered; the backlog', async () => {
    const url = '/api/admin/outbox/supervision?from=2026-03-01&to=2026-03-31';
    type Row = {
      provinceCode: string;
      received: number;
      synced: number;
      pending: number;
      indicator14: { rate: number };
    };
    const mine = async () => {
      const res = await app.inject({ url, headers: admin.headers });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { period: { from: string; to: string }; provinces: Row[] };
      expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
      return body.provinces.find((p) => p.provinceCode === scene.provinceCode) ?? null;
    };
    const d1 = await scene.receiveIncomplete();
    await scene.supplement(d1.id);
    await scene.accept(d1.id);
    for (let i = 0; i < 10 && (await scene.listOutbox(d1.id)).some((o) => !o.deliveredAt); i++) await dispatcher.tick();
    const before = (await mine())!;
    const d2 = await scene.receiveIncomplete();
    await scene.supplement(d2.id);
    await scene.accept(d2.id);
    const after = (await mine())!;
    // d1: every change delivered (synced); d2: received, its changes still waiting.
    expect(after.received - before.received).toBe(1);
    expect(after.synced - before.synced).toBe(0);
    expect(after.pending - before.pending).toBe(4);
    expect(before.synced).toBeGreaterThanOrEqual(1);
    expect(after.indicator14.rate).toBeCloseTo(after.synced / after.received);
    for (let i = 0; i < 10 && (await scene.listOutbox(d2.id)).some((o) => !o.deliveredAt); i++) await dispatcher.tick();
    const synced = (await mine())!;
    expect(synced.synced - after.synced).toBe(1);
  });

  it('supervision: backlog, oldest pending, dead letters and breaker per destination', async () => {
    await scene.receiveIncomplete();
    const res = await app.inject({ url: '/api/admin/outbox/supervision', headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { destinations: Array<{ destination: string; pending: number; breaker: null }> };
    expect(body.destinations.map((x) => x.destination)).toEqual(['portal', 'email', 'sms']);
    expect(body.destinations[0]!.pending).toBeGreaterThanOrEqual(1);
    expect(body.destinations[0]!.breaker).toBeNull();
    const reception = await signIn(app, database, [{ role: 'reception', unitCode: scene.unitCode }]);
    expect((await app.inject({ url: '/api/admin/outbox/supervision', headers: reception.headers })).statusCode).toBe(
      403,
    );
  });
});

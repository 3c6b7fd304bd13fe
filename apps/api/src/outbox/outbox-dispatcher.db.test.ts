import { fixedClock } from '@mot-cua/core';
import { createAuditRepository, createOutboxRepository, type Database } from '@mot-cua/db';
import type { PortalSim } from '@mot-cua/portal-sim';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxScene, setSimMode, simReceived, startTestSim, testDispatcher } from './outbox-test-helpers.js';

let database: Database;
let sim: PortalSim;
beforeAll(async () => {
  database = await createTestDb();
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
  await database.close();
});

const MINUTE = 60_000;

describe('outbox dispatcher against the simulator', () => {
  it('exactly once and in order per dossier across an hour with the portal down (injected clock)', async () => {
    const scene = await outboxScene(database);
    const clock = fixedClock(new Date(Date.now() + 1000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    await setSimMode(sim, 'down');

    // Dossiers move during the hour while the dispatcher keeps trying.
    const dossiers: Array<{ id: string; code: string }> = [];
    let breakerOpened = false;
    for (let minute = 0; minute < 60; minute++) {
      if (minute < 12) dossiers.push(await scene.receiveIncomplete());
      if (minute >= 12 && minute < 24) await scene.supplement(dossiers[minute - 12]!.id);
      if (minute >= 24 && minute < 36) await scene.accept(dossiers[minute - 24]!.id);
      await dispatcher.tick();
      if (dispatcher.status().breaker.state !== 'closed') breakerOpened = true;
      clock.advance(MINUTE);
    }
    expect(breakerOpened).toBe(true);
    expect((await simReceived(sim, `&dossier=${dossiers[0]!.code}`)).items).toEqual([]);
    const triedDuringOutage = dispatcher.status().retried;
    // The breaker keeps the hour to about one probe per round (60 rounds), not a request per due row per round.
    expect(triedDuringOutage).toBeLessThan(70);

    await setSimMode(sim, 'ok');
    for (let i = 0; i < 200; i++) {
      clock.advance(5 * MINUTE);
      await dispatcher.tick();
      const pending = await Promise.all(dossiers.map((d) => scene.listOutbox(d.id)));
      if (pending.flat().every((o) => o.deliveredAt)) break;
    }

    for (const d of dossiers) {
      const outbox = await scene.listOutbox(d.id);
      expect(outbox.every((o) => o.deliveredAt && o.receiptId)).toBe(true);
      const got = (await simReceived(sim, `&dossier=${d.code}`)).items;
      // Every change once, in the order of the dossier's log: 1 received incomplete, 5, 1 supplemented, 2 accepted.
      expect(got.map((g) => g.idempotencyKey)).toEqual(outbox.map((o) => o.idempotencyKey));
      expect(got.map((g) => g.payload.TrangThaiHoSo)).toEqual([1, 5, 1, 2]);
    }
  });

  async function oneRow(status = 2) {
    const scene = await outboxScene(database);
    const d = await scene.receiveIncomplete();
    const rows = await scene.listOutbox(d.id);
    expect(rows.map((r) => r.payload.TrangThaiHoSo)).toEqual([1, 5]);
    void status;
    return { scene, d, rows };
  }

  const until = async (fn: () => Promise<boolean>, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await fn())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('HTTP 500: retried with backoff, then delivered once', async () => {
    const { scene, d } = await oneRow();
    const clock = fixedClock(new Date(Date.now() + 1000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    await setSimMode(sim, 'http500');
    await dispatcher.tick();
    const [head] = await scene.listOutbox(d.id);
    expect(head).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'HTTP 500' });
    expect(head!.lastResponse).toContain('500');
    expect(head!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(750); // 1 s × (½ + ½·0.5)
    await setSimMode(sim, 'ok');
    clock.advance(MINUTE);
    await dispatcher.tick();
    clock.advance(MINUTE);
    await dispatcher.tick();
    const got = await simReceived(sim, `&dossier=${d.code}`);
    expect(got.items.map((i) => [i.payload.TrangThaiHoSo, i.requests])).toEqual([
      [1, 1],
      [5, 1],
    ]);
  });

  it('429 with Retry-After: nothing is sent to the portal before the time it asked for', async () => {
    const { scene, d } = await oneRow();
    const clock = fixedClock(new Date(Date.now() + 1000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    await setSimMode(sim, 'throttle', 120);
    await dispatcher.tick();
    const [head] = await scene.listOutbox(d.id);
    expect(head!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(120_000);
    expect(dispatcher.status().breaker.state).toBe('open');
    await setSimMode(sim, 'ok');
    clock.advance(119_000);
    expect(await dispatcher.tick()).toBe(0);
    clock.advance(1_000);
    expect(await dispatcher.tick()).toBe(1);
    await dispatcher.tick();
    expect((await simReceived(sim, `&dossier=${d.code}`)).items).toHaveLength(2);
  });

  it.each([
    ['timeout', 0, 'timed out'],
    ['slow', 1, 'timed out'],
    ['drop', 0, 'network'],
  ])(
    '%s: stored by the portal but unanswered, re-sent with the same key, recorded once',
    async (mode, seconds, error) => {
      const { scene, d } = await oneRow();
      const clock = fixedClock(new Date(Date.now() + 1000));
      const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock, timeoutMs: 400 });
      await setSimMode(sim, mode, seconds);
      await dispatcher.tick();
      const [head] = await scene.listOutbox(d.id);
      expect(head!.deliveredAt).toBeNull();
      expect(head!.lastError).toContain(error);
      await until(async () => (await simReceived(sim, `&dossier=${d.code}`)).items.length === 1);
      await setSimMode(sim, 'ok');
      for (let i = 0; i < 3; i++) {
        clock.advance(MINUTE);
        await dispatcher.tick();
      }
      const got = await simReceived(sim, `&dossier=${d.code}`);
      expect(got.items.map((i) => [i.payload.TrangThaiHoSo, i.requests])).toEqual([
        [1, 2],
        [5, 1],
      ]);
      expect((await scene.listOutbox(d.id)).every((o) => o.deliveredAt)).toBe(true);
    },
  );

  it('slow within the time-out: delivered on the first attempt', async () => {
    const { scene, d } = await oneRow();
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { timeoutMs: 3_000 });
    await setSimMode(sim, 'slow', 1);
    await dispatcher.tick();
    await setSimMode(sim, 'ok');
    expect((await scene.listOutbox(d.id))[0]).toMatchObject({ attempts: 1, lastError: null });
    expect((await scene.listOutbox(d.id))[0]!.deliveredAt).not.toBeNull();
  });

  it('success for a request it did not store: no acknowledgement of the key, so not delivered; re-sent', async () => {
    const { scene, d } = await oneRow();
    const clock = fixedClock(new Date(Date.now() + 1000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    await setSimMode(sim, 'ack-unstored');
    await dispatcher.tick();
    expect((await scene.listOutbox(d.id))[0]).toMatchObject({
      deliveredAt: null,
      lastError: 'success without an acknowledgement of this key',
    });
    await setSimMode(sim, 'ok');
    clock.advance(MINUTE);
    await dispatcher.tick();
    clock.advance(MINUTE);
    await dispatcher.tick();
    expect((await simReceived(sim, `&dossier=${d.code}`)).items.map((i) => i.requests)).toEqual([1, 1]);
  });

  it('an invalid payload ends in the dead-letter list at once (with audit), and holds back the dossier', async () => {
    const { scene, d } = await oneRow();
    const clock = fixedClock(new Date(Date.now() + 1000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    await setSimMode(sim, 'reject');
    await dispatcher.tick();
    await setSimMode(sim, 'ok');
    for (let i = 0; i < 5; i++) {
      clock.advance(10 * MINUTE);
      await dispatcher.tick();
    }
    const rows = await scene.listOutbox(d.id);
    expect(rows[0]).toMatchObject({ attempts: 1, deadReason: 'rejected by the portal (422)', deliveredAt: null });
    expect(rows[0]!.lastResponse).toContain('rejected (simulated)');
    expect(rows[1]).toMatchObject({ attempts: 0, deliveredAt: null });
    expect((await simReceived(sim, `&dossier=${d.code}`)).items).toEqual([]);
    expect(dispatcher.status()).toMatchObject({ deadLettered: 1, breaker: { state: 'closed' } });
    const audit = await createAuditRepository(database.db).listAudit('outbox_message', String(rows[0]!.id));
    expect(audit).toMatchObject([{ action: 'outbox.dead_lettered', actorUserId: null }]);
  });

  it('a payload that breaks the published schema is dead-lettered by the real check, not only the fault mode', async () => {
    const { provinceCode } = testUnit();
    await database.db
      .insertInto('outboxMessages')
      .values({
        provinceCode,
        topic: 'dvcqg.dossier_status',
        aggregateType: 'dossier',
        aggregateId: `bad-${provinceCode}`,
        idempotencyKey: `bad-${provinceCode}:1`,
        payload: JSON.stringify({ MaHoSo: 'X', TrangThaiHoSo: 11, NgayNopHoSo: '2026-03-02' }),
      })
      .execute();
    const dispatcher = testDispatcher(database, sim, provinceCode);
    await dispatcher.tick();
    const row = await database.db
      .selectFrom('outboxMessages')
      .selectAll()
      .where('idempotencyKey', '=', `bad-${provinceCode}:1`)
      .executeTakeFirstOrThrow();
    expect(row.deadReason).toBe('rejected by the portal (422)');
    expect(row.lastResponse).toContain('TrangThaiHoSo');
  });

  it('start/stop: the loop delivers on its own and stops cleanly', async () => {
    const { scene, d } = await oneRow();
    const dispatcher = testDispatcher(database, sim, scene.provinceCode);
    dispatcher.start();
    await until(async () => (await scene.listOutbox(d.id)).every((o) => o.deliveredAt));
    await dispatcher.stop();
    expect(dispatcher.status()).toMatchObject({ running: false, delivered: 2 });
  });

  it('Decision 766 indicator 1.4 (dossiers synced) is computed from what was delivered', async () => {
    const scene = await outboxScene(database);
    const clock = fixedClock(new Date(Date.now() + 3_600_000));
    const dispatcher = testDispatcher(database, sim, scene.provinceCode, { clock });
    const synced = await scene.receiveIncomplete();
    const behind = await scene.receiveIncomplete();
    for (const d of [synced, behind]) {
      await scene.supplement(d.id);
      await scene.accept(d.id);
    }
    await scene.receiveIncomplete(); // not received yet (supplement requested at the counter): not counted
    for (let i = 0; i < 5; i++) await dispatcher.tick();
    // A later change of one dossier waits for the portal, so that dossier is no longer synced.
    await database.db
      .insertInto('outboxMessages')
      .values({
        provinceCode: scene.provinceCode,
        topic: 'dvcqg.dossier_status',
        aggregateType: 'dossier',
        aggregateId: behind.id,
        idempotencyKey: `dossier:${behind.id}:99`,
        payload: JSON.stringify({}),
      })
      .execute();
    const indicator = await createOutboxRepository(database.db).syncedDossiersIndicator({
      provinceCode: scene.provinceCode,
      from: new Date('2026-03-01T17:00:00Z'),
      to: new Date('2026-03-02T17:00:00Z'),
    });
    expect(indicator).toEqual({ total: 2, synced: 1, rate: 0.5 });
  });
});

import type { TicketView } from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, testDatabaseKind, testUnit } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { queueClient, queueTestCenter } from './queue-test-helpers.js';

// A Wednesday at 09:00 in Vietnam: the kiosk issues tickets only in office hours.
// Counters calling next at the same instant (on PostgreSQL: parallel transactions on a pool of 4 connections)
// never get the same ticket, and every waiting ticket is called exactly once.
let database: Database;
let app: FastifyInstance;
let q: ReturnType<typeof queueClient>;
let center: Awaited<ReturnType<typeof queueTestCenter>>;
const officials: Signed[] = [];

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock: fixedClock('2026-03-04T02:00:00Z') }));
  q = queueClient(app);
  const unit = testUnit();
  center = await queueTestCenter(database, unit.unitCode, unit.provinceCode);
  for (const n of [1, 2, 3, 4, 5]) {
    const s = await signIn(app, database, [{ role: 'reception', unitCode: unit.unitCode }]);
    officials.push(s);
    expect((await q.counter(s, center.counters[n]!, 'open')).status).toBe(200);
  }
});
afterAll(async () => {
  await app.close();
});

describe(`call-next under contention (${testDatabaseKind()})`, () => {
  it('five counters calling at once, round after round: no ticket twice, none left behind', async () => {
    // Group 3 is served by counters 1, 2 and 3 (tier 2 for 1 and 2, tier 1 for 3); counters 4 and 5 serve pickup and
    // information, so they get QUEUE_EMPTY while the others share the tickets.
    const issued = await Promise.all(Array.from({ length: 24 }, () => q.kiosk(center.centerId, center.groups['3']!)));
    expect(new Set(issued.map((t) => t.number)).size).toBe(24);
    const called: Array<{ counter: number; ticket: TicketView }> = [];
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(
        officials.map((s, i) => q.counter(s, center.counters[i + 1]!, 'call-next').then((r) => ({ ...r, i }))),
      );
      const got = results.filter((r) => r.status === 200);
      for (const r of results.filter((x) => x.status !== 200)) expect(JSON.parse(r.body).code).toBe('QUEUE_EMPTY');
      if (got.length === 0) break;
      for (const r of got) called.push({ counter: r.i + 1, ticket: r.state.current! });
      await Promise.all(got.map((r) => q.ticket(officials[r.i]!, r.state.current!.id, 'no-show')));
    }
    const ids = called.map((c) => c.ticket.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(issued.map((t) => t.id).sort());
    expect(new Set(called.map((c) => c.counter))).toEqual(new Set([1, 2, 3]));
  });
});

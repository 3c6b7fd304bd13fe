/**
 * Front desk (issue 13) through the HTTP API on PostgreSQL: tickets issued per second, calls per second (five
 * counters calling at once, each call followed by a no-show so the counter is free again), and the fan-out of one
 * call to 200 hall displays connected over Server-Sent Events (latency from sending the call to the event arriving at
 * each display, p50/p99). References measured in the same run on the same server: a one-statement read through the
 * same HTTP stack (GET /api/queue/centers) for throughput, and a plain GET of the display state for latency.
 *
 *   npx tsx bench/queue-front-desk.ts
 *   BENCH_PG_URL=postgres://user@host:5432 BENCH_SECONDS=10 BENCH_CLIENTS=8 BENCH_DISPLAYS=200 npx tsx bench/queue-front-desk.ts
 *
 * Uses a throwaway database (queue_bench_<pid>) dropped at the end.
 */
import type { AddressInfo } from 'node:net';
import { shiftedClock, shiftIntoTicketingHours } from '@mot-cua/core';
import { migrate, openDatabase } from '@mot-cua/db';
import { newOfficial } from '@mot-cua/test-kit';
import { createApp } from '../apps/api/src/app.js';
import { benchConfig } from './bench-config.js';
import { benchServer, setUpBenchCenter } from './support/queue-bench-center.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const displays = Number(process.env.BENCH_DISPLAYS ?? 200);
const callsForLatency = Number(process.env.BENCH_CALLS ?? 30);
const dbName = `queue_bench_${process.pid}`;
const { withDb, admin } = benchServer(base);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

await admin(`drop database if exists ${dbName}`);
await admin(`create database ${dbName}`);
const database = await openDatabase({ databaseUrl: withDb(dbName), poolSize: 10 });
try {
  await migrate(database);
  const { unitCode, center } = await setUpBenchCenter(database);
  const config = benchConfig({ SESSION_TTL_HOURS: '24' });
  // Tickets are issued only in office hours: at any other hour the bench runs from the next opening.
  const clock = shiftedClock();
  const app = await createApp({ config, database, clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  shiftIntoTicketingHours(
    clock,
    (
      (await (await fetch(`${url}/api/queue/centers/${center.id}`)).json()) as {
        hours: { open: boolean; opensAt: string | null };
      }
    ).hours,
  );

  async function signIn() {
    const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode }] });
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: o.username, password: o.password }),
    });
    const cookie = String(r.headers.get('set-cookie')).split(';')[0]!;
    return {
      cookie,
      'x-csrf-token': ((await r.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    };
  }
  const post = (h: Record<string, string>, path: string, body: unknown = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) });

  /** Run `clients` loops of `op` for `seconds`; operations per second. */
  async function rate(n: number, op: (i: number) => Promise<boolean>) {
    const end = performance.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        while (performance.now() < end) if (await op(i)) done++;
      }),
    );
    return done / seconds;
  }

  const desk = await Promise.all(Array.from({ length: clients }, () => signIn()));
  const reference = await rate(clients, async () => (await fetch(`${url}/api/queue/centers`)).ok);
  const groupIds = [center.groups['1']!, center.groups['2']!, center.groups['3']!];
  const issued = await rate(clients, async (i) => {
    const r = await post(desk[i]!, `/api/queue/centers/${center.id}/desk-tickets`, { groupId: groupIds[i % 3] });
    await r.arrayBuffer();
    return r.status === 201;
  });
  const officials = await Promise.all(center.counters.map(() => signIn()));
  for (const [i, c] of center.counters.entries())
    await (await post(officials[i]!, `/api/queue/counters/${c}/open`)).arrayBuffer();
  const calls = await rate(center.counters.length, async (i) => {
    const r = await post(officials[i]!, `/api/queue/counters/${center.counters[i]}/call-next`);
    const s = (await r.json()) as { current?: { id: string } };
    if (r.status !== 200 || !s.current) return false;
    await (await post(officials[i]!, `/api/queue/tickets/${s.current.id}/no-show`)).arrayBuffer();
    return true;
  });

  // SSE fan-out: `displays` streams; each call's latency is measured at every display.
  /** Arrival instants of each called number at the displays (the event may come before the call's answer). */
  const arrivalsOf = new Map<number, number[]>();
  const arrivals: number[][] = [];
  const controllers: AbortController[] = [];
  /** Per display: state events received, and the instant of the first one (diagnosis of missed events). */
  const received = Array.from({ length: displays }, () => ({ events: 0, first: 0, status: 0, type: '' }));
  let connected = 0;
  await Promise.all(
    Array.from({ length: displays }, async (_, di) => {
      const ac = new AbortController();
      controllers.push(ac);
      const r = await fetch(`${url}/api/queue/centers/${center.id}/display/stream`, {
        headers: { accept: 'text/event-stream' },
        signal: ac.signal,
      });
      connected++;
      received[di]!.status = r.status;
      received[di]!.type = r.headers.get('content-type') ?? '';
      void (async () => {
        const decoder = new TextDecoder();
        let buf = '';
        const seen = new Set<string>();
        try {
          for await (const chunk of r.body!) {
            buf += decoder.decode(chunk as Uint8Array, { stream: true });
            for (let at = buf.indexOf('\n\n'); at >= 0; at = buf.indexOf('\n\n')) {
              const msg = buf.slice(0, at);
              buf = buf.slice(at + 2);
              const data = msg.split('\n').find((l) => l.startsWith('data: '));
              if (!data) continue;
              received[di]!.events++;
              if (!received[di]!.first) received[di]!.first = performance.now();
              type Call = { ticketId: string; number: number };
              const state = JSON.parse(data.slice(6)) as { calling: Call[]; recent: Call[] };
              // Shown once it is on the TV: among the calls, or already among the recent ones when the state that
              // carried the call also carried the counter's next action.
              for (const c of [...state.calling, ...state.recent]) {
                if (seen.has(c.ticketId)) continue;
                seen.add(c.ticketId);
                const list = arrivalsOf.get(c.number) ?? [];
                list.push(performance.now());
                arrivalsOf.set(c.number, list);
              }
            }
          }
        } catch {
          // aborted at the end
        }
      })();
    }),
  );
  const h = officials[0]!;
  const latencies: number[] = [];
  const plain: number[] = [];
  for (let k = 0; k < callsForLatency; k++) {
    await (
      await post(desk[0]!, `/api/queue/centers/${center.id}/desk-tickets`, { groupId: center.groups['1'] })
    ).arrayBuffer();
    const t0 = performance.now();
    const r = await post(h, `/api/queue/counters/${center.counters[0]}/call-next`);
    const s = (await r.json()) as { current: { id: string; number: number } };
    const until = performance.now() + 5000;
    while ((arrivalsOf.get(s.current.number)?.length ?? 0) < displays && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const got = (arrivalsOf.get(s.current.number) ?? []).map((t) => t - t0);
    arrivals.push(got);
    latencies.push(...got);
    await (await post(h, `/api/queue/tickets/${s.current.id}/no-show`)).arrayBuffer();
    const p0 = performance.now();
    await (await fetch(`${url}/api/queue/centers/${center.id}/display`)).arrayBuffer();
    plain.push(performance.now() - p0);
  }
  const delivered = arrivals.reduce((n, a) => n + a.length, 0);
  const silentOnes = received.filter((r) => r.events === 0);
  const silent = `${silentOnes.length} (answers: ${[...new Set(silentOnes.map((r) => `${r.status} ${r.type}`))].join(', ')})`;
  const perCallMissing = arrivals.map((a) => displays - a.length);
  console.log(
    `diagnosis: displays that received no event at all: ${silent}; missing per call: ${perCallMissing.join(' ')}`,
  );
  for (const ac of controllers) ac.abort();

  const f = (n: number) => n.toFixed(1);
  console.log(`front desk on PostgreSQL, ${clients} clients, ${seconds} s per phase, ${displays} displays`);
  console.log(`| measure | figure |\n|---|---|`);
  console.log(`| reference: GET /api/queue/centers (one select) | ${f(reference)} req/s |`);
  console.log(
    `| tickets issued (POST desk-tickets, ${clients} clients) | ${f(issued)} /s (${((issued / reference) * 100).toFixed(0)} % of the reference) |`,
  );
  console.log(`| calls (call-next + no-show, ${center.counters.length} counters at once) | ${f(calls)} /s |`);
  console.log(`| SSE displays connected | ${connected} |`);
  console.log(`| events delivered | ${delivered} of ${callsForLatency * displays} |`);
  console.log(`| call → display latency p50 / p99 | ${f(pct(latencies, 50))} ms / ${f(pct(latencies, 99))} ms |`);
  console.log(
    `| reference: GET display state round trip p50 / p99 | ${f(pct(plain, 50))} ms / ${f(pct(plain, 99))} ms |`,
  );
  await app.close();
} finally {
  await database.close().catch(() => {});
  await admin(`drop database if exists ${dbName}`);
}

/**
 * Front desk across two API processes on one PostgreSQL database (issue 13): a call made through process A reaches
 * the hall displays connected to process B through B's poll of the center's version (every 1 s), and counters calling
 * at once through both processes never get the same ticket. Reference in the same run: displays connected to A,
 * which its own write wakes at once.
 *
 *   npx tsx bench/queue-cross-process.ts
 *   BENCH_PG_URL=postgres://user@host:5432 BENCH_CALLS=20 BENCH_DISPLAYS=20 npx tsx bench/queue-cross-process.ts
 *
 * Uses a throwaway database (queue_xproc_<pid>) dropped at the end. Information-desk tickets (no ticketing hours).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { migrate, openDatabase } from '@mot-cua/db';
import { newOfficial } from '@mot-cua/test-kit';
import { benchServer, setUpBenchCenter } from './support/queue-bench-center.js';

const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const calls = Number(process.env.BENCH_CALLS ?? 20);
const displays = Number(process.env.BENCH_DISPLAYS ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const dbName = `queue_xproc_${process.pid}`;
const { withDb, admin } = benchServer(base);
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : Number.NaN;

function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL('./support/queue-api-process.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: withDb(dbName) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${(m as { port: number }).port}` }));
    child.once('exit', (code) => reject(new Error(`API process exited ${code}`)));
  });
}

await admin(`drop database if exists ${dbName}`);
await admin(`create database ${dbName}`);
const database = await openDatabase({ databaseUrl: withDb(dbName), poolSize: 4 });
const children: ChildProcess[] = [];
try {
  await migrate(database);
  const { unitCode, center } = await setUpBenchCenter(database);
  const [a, b] = await Promise.all([startApi(), startApi()]);
  children.push(a.child, b.child);

  /** Sessions live in the database: a session opened through A is valid on B. */
  async function signIn(url: string) {
    const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode }] });
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: o.username, password: o.password }),
    });
    return {
      cookie: String(r.headers.get('set-cookie')).split(';')[0]!,
      'x-csrf-token': ((await r.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    };
  }
  const post = (url: string, h: Record<string, string>, path: string, body: unknown = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) });

  /** `n` SSE displays on a process; arrival instants of each called ticket id. */
  async function connectDisplays(url: string, n: number) {
    const arrivals = new Map<string, number[]>();
    const controllers: AbortController[] = [];
    await Promise.all(
      Array.from({ length: n }, async () => {
        const ac = new AbortController();
        controllers.push(ac);
        const r = await fetch(`${url}/api/queue/centers/${center.id}/display/stream`, {
          headers: { accept: 'text/event-stream' },
          signal: ac.signal,
        });
        void (async () => {
          const decoder = new TextDecoder();
          let buf = '';
          const seen = new Set<string>();
          try {
            for await (const chunk of r.body!) {
              buf += decoder.decode(chunk as Uint8Array, { stream: true });
              for (let at = buf.indexOf('\n\n'); at >= 0; at = buf.indexOf('\n\n')) {
                const data = buf
                  .slice(0, at)
                  .split('\n')
                  .find((l) => l.startsWith('data: '));
                buf = buf.slice(at + 2);
                if (!data) continue;
                const state = JSON.parse(data.slice(6)) as { calling: Array<{ ticketId: string }> };
                for (const c of state.calling) {
                  if (seen.has(c.ticketId)) continue;
                  seen.add(c.ticketId);
                  arrivals.set(c.ticketId, [...(arrivals.get(c.ticketId) ?? []), performance.now()]);
                }
              }
            }
          } catch {
            // aborted at the end
          }
        })();
      }),
    );
    return {
      arrivals,
      close: () => {
        for (const c of controllers) c.abort();
      },
    };
  }

  const desk = await signIn(a.url);
  const officials = await Promise.all(center.counters.map((_, i) => signIn(i % 2 ? b.url : a.url)));
  const via = (i: number) => (i % 2 ? b.url : a.url);
  for (const [i, c] of center.counters.entries())
    await (await post(via(i), officials[i]!, `/api/queue/counters/${c}/open`)).arrayBuffer();

  // 1. Latency: a call through A, seen by displays on A (same process) and on B (other process, poll).
  const onA = await connectDisplays(a.url, displays);
  const onB = await connectDisplays(b.url, displays);
  await new Promise((r) => setTimeout(r, 1500));
  const latA: number[] = [];
  const latB: number[] = [];
  let missedB = 0;
  for (let k = 0; k < calls; k++) {
    await (
      await post(a.url, desk, `/api/queue/centers/${center.id}/desk-tickets`, { groupId: center.groups['1'] })
    ).arrayBuffer();
    const t0 = performance.now();
    const r = await post(a.url, officials[0]!, `/api/queue/counters/${center.counters[0]}/call-next`);
    const s = (await r.json()) as { current: { id: string } };
    const until = performance.now() + 5000;
    while ((onB.arrivals.get(s.current.id)?.length ?? 0) < displays && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 5));
    }
    latA.push(...(onA.arrivals.get(s.current.id) ?? []).map((t) => t - t0));
    const got = (onB.arrivals.get(s.current.id) ?? []).map((t) => t - t0);
    missedB += displays - got.length;
    latB.push(...got);
    await (await post(a.url, officials[0]!, `/api/queue/tickets/${s.current.id}/no-show`)).arrayBuffer();
    // Calls at random phases of B's 1 s poll.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1000)));
  }
  onA.close();
  onB.close();

  // 2. Contention: every counter calls at once, counters 1, 3, 5 through A and 2, 4 through B.
  const tickets = center.counters.length * rounds;
  for (let i = 0; i < tickets; i++)
    await (
      await post(a.url, desk, `/api/queue/centers/${center.id}/desk-tickets`, { groupId: center.groups['3'] })
    ).arrayBuffer();
  const calledIds: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const got = await Promise.all(
      center.counters.map(async (c, i) => {
        const r = await post(via(i), officials[i]!, `/api/queue/counters/${c}/call-next`);
        const s = (await r.json()) as { current?: { id: string } };
        if (r.status !== 200 || !s.current) return null;
        await (await post(via(i), officials[i]!, `/api/queue/tickets/${s.current.id}/no-show`)).arrayBuffer();
        return s.current.id;
      }),
    );
    calledIds.push(...got.filter((x): x is string => !!x));
  }
  const duplicates = calledIds.length - new Set(calledIds).size;

  const f = (n: number) => n.toFixed(1);
  console.log(`front desk, two API processes on one PostgreSQL database, ${displays} displays on each, ${calls} calls`);
  console.log('| measure | figure |\n|---|---|');
  console.log(
    `| call through A → displays on A (same process, woken by the write), p50 / p99 | ${f(pct(latA, 50))} ms / ${f(pct(latA, 99))} ms |`,
  );
  console.log(
    `| call through A → displays on B (other process, 1 s version poll), p50 / p99 / max | ${f(pct(latB, 50))} ms / ${f(pct(latB, 99))} ms / ${f(Math.max(...latB))} ms |`,
  );
  console.log(`| events on B within 5 s | ${latB.length} of ${calls * displays} (missed ${missedB}) |`);
  console.log(`| counters calling at once through A and B: calls, duplicates | ${calledIds.length}, ${duplicates} |`);
  if (duplicates > 0) process.exitCode = 1;
} finally {
  for (const c of children) c.send('stop');
  await new Promise((r) => setTimeout(r, 1000));
  for (const c of children) c.kill();
  await database.close().catch(() => {});
  await admin(`drop database if exists ${dbName}`);
}

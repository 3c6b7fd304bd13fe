import { createApp } from '@mot-cua/api';
import { passwordHasher } from '@mot-cua/api/http/auth';
import { loadConfig } from '@mot-cua/config';
import { shiftedClock, shiftIntoTicketingHours } from '@mot-cua/core';
import { type Database, loadMasterData, migrate, openDatabase, seedDemo } from '@mot-cua/db';
import { createScratchDatabase } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, screenshot } from './support/harness.js';

// The hall display survives the API restarting: the stream drops, the page says it is reconnecting, and once an
// API listens again on the same address it shows the current state, including a call made while it was away.
let database: Database;
let shared: Database;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
let app: FastifyInstance;
let port = 0;
let browser: Browser;
let tv: Page;
let centerId = '';
let counterId = '';
let headers: Record<string, string> = {};
const config = () =>
  loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
// The kiosk issues tickets only in office hours: the clock runs from the next opening when the center is closed.
const clock = shiftedClock();
const build = () => createApp({ config: config(), database: shared, clock, logger: false });

beforeAll(async () => {
  scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : null;
  database = await openDatabase(scratch ? { databaseUrl: scratch.url, poolSize: 4 } : { dataDir: 'memory://' });
  // Each API instance closes its database on close; the restart must keep the data, so the instances get a
  // handle whose close does nothing and the test closes the real one at the end.
  shared = { ...database, close: async () => {} };
  await migrate(database);
  await loadMasterData(database);
  await seedDemo(database, { hashPassword: passwordHasher.hash });
  app = await build();
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  tv = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
}, 300_000); // migrations, master data and demo seed on a busy machine
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  await scratch?.drop();
});

async function signInTo(a: FastifyInstance) {
  const login = await a.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'tiepnhan.benthanh', password: 'motcua2025' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  headers = { cookie, 'x-csrf-token': login.json().csrfToken };
}

describe('hall display across an API restart', () => {
  it('shows a first call over SSE', async () => {
    centerId = (await app.inject({ url: '/api/queue/centers' })).json().items[0].id;
    shiftIntoTicketingHours(clock, (await app.inject({ url: `/api/queue/centers/${centerId}` })).json().hours);
    const center = (await app.inject({ url: `/api/queue/centers/${centerId}` })).json();
    const group = center.groups.find((g: { code: string }) => g.code === '1').id;
    counterId = center.counters.find((c: { number: number }) => c.number === 1).id;
    for (let i = 0; i < 2; i++)
      await app.inject({ method: 'POST', url: `/api/queue/centers/${centerId}/tickets`, payload: { groupId: group } });
    await signInTo(app);
    await app.inject({ method: 'POST', url: `/api/queue/counters/${counterId}/open`, headers });
    await tv.goto(`http://127.0.0.1:${port}/man-hinh/${centerId}`);
    await tv.locator('[data-connected="yes"]').waitFor();
    const first = await app.inject({ method: 'POST', url: `/api/queue/counters/${counterId}/call-next`, headers });
    expect(first.json().current.number).toBe(1001);
    await tv.getByTestId('display-calling').getByText('1001').waitFor({ timeout: 10_000 });
  });

  it('the API stops: the display says it is reconnecting', async () => {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await tv.getByRole('status').getByText('Mất kết nối, đang kết nối lại…').waitFor({ timeout: 15_000 });
    await screenshot(tv, 'queue-display-reconnecting');
  });

  it('a new API on the same port: the display catches up with the call made while it was away', async () => {
    app = await build();
    await signInTo(app);
    const state = (await app.inject({ url: `/api/queue/counters/${counterId}`, headers })).json();
    await app.inject({ method: 'POST', url: `/api/queue/tickets/${state.current.id}/no-show`, headers });
    const next = await app.inject({ method: 'POST', url: `/api/queue/counters/${counterId}/call-next`, headers });
    expect(next.json().current.number).toBe(1002);
    await app.listen({ port, host: '127.0.0.1' });
    await tv.locator('[data-connected="yes"]').waitFor({ timeout: 20_000 });
    await tv.getByTestId('display-calling').getByText('1002').waitFor({ timeout: 10_000 });
    expect(await tv.getByTestId('display-calling').textContent()).not.toContain('1001');
    expect(await tv.getByTestId('display-recent').textContent()).toContain('1001');
    await screenshot(tv, 'queue-display-after-restart');
  });
});

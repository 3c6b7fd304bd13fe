/**
 * Weight and load time of the citizen's pages on a cheap phone: headless Chromium (playwright-core + CDP) on a
 * slow-3G-like profile (400 ms RTT, 400 kbit/s down, 400 kbit/s up) with 4× CPU throttling, next to the same loads
 * without throttling in the same run (the reference). For each page: JavaScript and CSS bytes on the wire, other
 * bytes, and the time until the page's first control is visible and enabled (a cold cache each time).
 *
 *   npm run build:web && npx tsx bench/citizen-portal-weight.ts
 *
 * The app runs in this process over an in-memory PGlite with master data and the demo seed, as the e2e harness does.
 */
import { createApp } from '@mot-cua/api';
import { passwordHasher } from '@mot-cua/api/http/auth';
import { loadConfig } from '@mot-cua/config';
import { systemClock } from '@mot-cua/core';
import { loadMasterData, migrate, openDatabase, seedDemo, withStartupLock } from '@mot-cua/db';
import { chromium, type Page } from 'playwright-core';

const BUDGET_JS_GZIP_KB = 150;
const BUDGET_USABLE_MS = 5000;
const PAGES: Array<{ path: string; ready: (p: Page) => ReturnType<Page['getByRole']> }> = [
  { path: '/', ready: (p) => p.getByRole('textbox').first() },
  { path: '/procedures/1.001193', ready: (p) => p.getByRole('link', { name: 'Nộp trực tuyến' }).first() },
  { path: '/dang-nhap', ready: (p) => p.getByRole('link', { name: 'Đăng nhập bằng VNeID' }) },
];

type Figures = { js: number; css: number; other: number; usableMs: number };

async function measure(
  baseUrl: string,
  path: string,
  ready: (p: Page) => ReturnType<Page['getByRole']>,
  slow: boolean,
) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const types = new Map<string, string>();
  const f: Figures = { js: 0, css: 0, other: 0, usableMs: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const t = types.get(e.requestId);
    if (t === 'Script') f.js += e.encodedDataLength;
    else if (t === 'Stylesheet') f.css += e.encodedDataLength;
    else f.other += e.encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit', timeout: 120_000 });
  await ready(page).waitFor({ state: 'visible', timeout: 120_000 });
  f.usableMs = Date.now() - t0;
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
  await browser.close();
  return f;
}

async function main() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: '0' });
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await withStartupLock(database, async () => {
    await loadMasterData(database);
    await seedDemo(database, { hashPassword: passwordHasher.hash, systemCode: config.systemCode });
  });
  const app = await createApp({ config, database, clock: systemClock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`budget: JS ≤ ${BUDGET_JS_GZIP_KB} KB on the wire, usable ≤ ${BUDGET_USABLE_MS} ms (slow 3G, 4× CPU)`);
  console.log('page | JS | CSS | other | usable, reference (no throttling) | usable, slow 3G + 4× CPU | within budget');
  for (const p of PAGES) {
    const ref = await measure(baseUrl, p.path, p.ready, false);
    const slow = await measure(baseUrl, p.path, p.ready, true);
    const ok = slow.js / 1024 <= BUDGET_JS_GZIP_KB && slow.usableMs <= BUDGET_USABLE_MS;
    console.log(
      `${p.path} | ${kb(slow.js)} | ${kb(slow.css)} | ${kb(slow.other)} | ${ref.usableMs} ms | ${slow.usableMs} ms | ${ok ? 'yes' : 'no'}`,
    );
  }
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

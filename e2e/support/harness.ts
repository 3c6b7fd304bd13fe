import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@mot-cua/api';
import { moveFilesOutOfDatabase, openFileStore } from '@mot-cua/api/files';
import { passwordHasher } from '@mot-cua/api/http/auth';
import { openCitizenIdentity } from '@mot-cua/api/http/citizen-identity';
import { openPaymentGateway } from '@mot-cua/api/payments/payment-gateway';
import { syncServices } from '@mot-cua/api/sync-services';
import { loadConfig } from '@mot-cua/config';
import { type Clock, systemClock } from '@mot-cua/core';
import { loadMasterData, migrate, openDatabase, seedDemo, withStartupLock } from '@mot-cua/db';
import { startNotifySim } from '@mot-cua/notify-sim';
import { startPortalSim } from '@mot-cua/portal-sim';
import { createScratchDatabase } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Harness = {
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  /** With `sync`: the national portal simulator and the notification simulators' HTTP address. */
  portalUrl?: string;
  notifyUrl?: string;
  close(): Promise<void>;
};

/**
 * The real product, as `npm start` runs it (built web app, migrations, master data, demo seed), on
 * a random port over a fresh in-memory PGlite or a fresh database on the PostgreSQL server of
 * TEST_DATABASE_URL (journeys merge units and announce schedules: they must not share a database),
 * plus a headless Debian Chromium driven by playwright-core.
 */
export async function startHarness(opts: { sync?: boolean; clock?: Clock } = {}): Promise<Harness> {
  const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : null;
  // The citizens' identity provider must know the callback address before the app listens: take a free port first.
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mc-e2e-data-')),
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_SIM_PORT: '0',
    PAYMENT_SIM_PORT: '0',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 4 } : { dataDir: 'memory://' },
  );
  const files = openFileStore(config);
  await migrate(database);
  await withStartupLock(database, async () => {
    await loadMasterData(database);
    await seedDemo(database, {
      hashPassword: passwordHasher.hash,
      systemCode: config.systemCode,
      publicUrl: config.publicUrl,
    });
    await moveFilesOutOfDatabase(database, files);
  });
  // With `sync`: the portal and notification simulators, and the dispatchers and importer that talk to them.
  const sims = opts.sync
    ? await (async () => {
        const portal = await startPortalSim({ port: 0, dataDir: null, codePrefix: 'G22.99' });
        const notify = await startNotifySim({ httpPort: 0, smtpPort: 0, dataDir: null });
        const services = syncServices({
          config: loadConfig({ NODE_ENV: 'test', OUTBOX_POLL_MS: '200', PORTAL_IMPORT_POLL_MS: '500' }),
          database,
          clock: systemClock,
          portalUrl: portal.url,
          smtpUrl: notify.smtpUrl,
          smsUrl: notify.httpUrl,
          notifySimUrl: notify.httpUrl,
          files,
        });
        return { portal, notify, services };
      })()
    : null;
  const identity = await openCitizenIdentity(config);
  const payments = await openPaymentGateway(config);
  const app = await createApp({
    config,
    database,
    clock: opts.clock ?? systemClock,
    logger: false,
    identity,
    payments,
    files,
    ...sims?.services.deps,
  });
  await app.listen({ port, host: '127.0.0.1' });
  sims?.services.start();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // A Vietnamese browser by default: dates and times as a commune official sees them.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (o) => newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...o });
  browser.newPage = (o) => newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...o });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    ...(sims ? { portalUrl: sims.portal.url, notifyUrl: sims.notify.httpUrl } : {}),
    close: async () => {
      await sims?.services.stop();
      await sims?.portal.close();
      await sims?.notify.close();
      await browser.close();
      await app.close(); // closes the database too
      await identity.close();
      await payments.close();
      await scratch?.drop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const p = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(p));
    });
  });
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Sign in through the real login form. */
export async function loginAs(page: Page, baseUrl: string, username: string, password = 'motcua2025') {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${baseUrl}/workspace`);
}

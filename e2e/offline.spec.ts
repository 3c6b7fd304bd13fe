import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, screenshot, startHarness } from './support/harness.js';

/**
 * A phone that loses its connection: the built portal's service worker keeps a small offline page and shows it for a
 * navigation that fails, instead of the browser's error; back online, "Tải lại trang" opens the page again.
 */
describe('offline page on a phone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a navigation without network opens the offline page; back online the page reloads', async () => {
    const phone = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const p = await phone.newPage();
    await p.goto(h.baseUrl);
    // Wait until the worker is active, its cache holds the offline page and it controls this page: only a
    // controlled page's navigations go through the worker (the first load of a page is not controlled until the
    // worker claims it).
    await expect
      .poll(() => p.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 60_000 })
      .toBe('activated');
    await expect
      .poll(() => p.evaluate(async () => Boolean(await caches.match('/offline.html'))), { timeout: 60_000 })
      .toBe(true);
    await expect
      .poll(() => p.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 })
      .toBe(true);

    await phone.setOffline(true);
    await p.goto(`${h.baseUrl}/procedures`).catch(() => undefined);
    await expect.poll(() => p.locator('h1').textContent(), { timeout: 30_000 }).toBe('Không có kết nối mạng');
    await screenshot(p, 'portal-offline-phone');

    await phone.setOffline(false);
    await p.getByRole('button', { name: 'Tải lại trang' }).click();
    await expect.poll(() => p.url(), { timeout: 30_000 }).toContain('/procedures');
    await expect.poll(() => p.locator('h1').textContent(), { timeout: 30_000 }).not.toBe('Không có kết nối mạng');
    await phone.close();
  });
});

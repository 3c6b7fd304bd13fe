import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * What a province supervisor reads side by side (issue 15, the pages): one on-time rate on the dashboard and the
 * 766 index, figures in Vietnamese notation, the index's badges readable in full at desktop and phone widths.
 */
async function signedIn(browser: Browser, baseUrl: string, username: string, width = 1280) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await loginAs(page, baseUrl, username);
  return page;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

describe('supervision pages a supervisor can trust', () => {
  it('the dashboard and the 766 index show the same on-time rate, in Vietnamese notation', async () => {
    // a period with the demo dossiers (this month may have begun today in Vietnam)
    const day = (back: number) => new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(90), day(0)];
    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm');
    await page.goto(`${h.baseUrl}/workspace/supervision/dashboard?from=${from}&to=${to}`);
    await page.getByRole('heading', { name: /— Thành phố Hồ Chí Minh$/ }).waitFor();
    const kpi = page.getByText('Đúng hạn (chỉ số 766 – 2.1)', { exact: true }).locator('..');
    const value = kpi.locator('p').nth(1);
    await expect.poll(() => value.textContent(), { timeout: 15_000 }).toMatch(/^\d+(,\d)? %$/);
    const dashboardRate = (await value.textContent())!;
    // no decimal point anywhere in a percentage of the page
    await page.getByText('Phản ánh, kiến nghị xử lý đúng hạn (5.2)').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/\d\.\d %/);
    await screenshot(page, 'pages-dashboard-province');
    await page.goto(`${h.baseUrl}/workspace/supervision/index`);
    await page.getByLabel('Từ ngày').fill(from);
    await page.getByLabel('Đến ngày').fill(to);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    const row = page.getByTestId('service-index-table').locator('tbody tr').filter({ hasText: /^2\.1/ });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(dashboardRate);
    await page.context().close();
  });

  for (const width of [1280, 390]) {
    it(`the index's "Không tính được" badge reads in full at ${width} px`, async () => {
      const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm', width);
      await page.goto(`${h.baseUrl}/workspace/supervision/index`);
      const badge = page.getByTestId('service-index-badge-1.1');
      await badge.waitFor({ timeout: 15_000 });
      expect(await badge.textContent()).toBe('Không tính được');
      // the label is not clipped: its content fits the box it is drawn in
      const clipped = await badge.evaluate((el) => {
        const label = (el.querySelector('.mantine-Badge-label') ?? el) as HTMLElement;
        return label.scrollWidth > label.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1;
      });
      expect(clipped).toBe(false);
      await badge.scrollIntoViewIfNeeded();
      await screenshot(page, `pages-index-badge-${width}`);
      await page.context().close();
    });
  }
  it('the monthly reports page lists the province’s recorded months with their files, from the index page', async () => {
    // the administrator records last month (the API process does it on its own at the start of a month)
    const admin = await signedIn(h.browser, h.baseUrl, 'admin');
    const vnNow = new Date(Date.now() + 7 * 3_600_000);
    const last = new Date(Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const taken = await admin.evaluate(async (month) => {
      const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/supervision/service-index/snapshots', {
        method: 'POST',
        headers: { 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ month, provinceCode: '79' }),
      });
      return r.status;
    }, last);
    expect(taken).toBe(200);
    await admin.context().close();
    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm');
    await page.goto(`${h.baseUrl}/workspace`);
    await page.getByRole('link', { name: 'Bộ chỉ số 766 và diễn biến theo tháng' }).click();
    await page.getByRole('link', { name: 'Báo cáo tháng' }).click();
    await page.waitForURL(/\/workspace\/supervision\/reports$/);
    await page.getByRole('heading', { name: 'Báo cáo tháng theo tỉnh, thành phố' }).waitFor();
    // the API process records last month of every province at start-up
    const table = page.getByTestId('monthly-reports');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await table.locator('tbody').textContent()).toContain('Thành phố Hồ Chí Minh (79)');
    expect(await table.locator('tbody').textContent()).not.toContain('(01)');
    const xlsx = table.getByRole('link', { name: /Tải báo cáo .* của Thành phố Hồ Chí Minh \(Excel\)/ }).first();
    const href = (await xlsx.getAttribute('href'))!;
    const res = await page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'same-origin' });
      return { status: r.status, type: r.headers.get('content-type') ?? '', size: (await r.arrayBuffer()).byteLength };
    }, href);
    expect(res).toMatchObject({ status: 200 });
    expect(res.type).toContain('spreadsheetml');
    expect(res.size).toBeGreaterThan(1000);
    await screenshot(page, 'pages-monthly-reports');
    await page.context().close();
  });
});

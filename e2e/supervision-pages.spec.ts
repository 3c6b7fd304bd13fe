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
    await page.getByRole('button', { name: 'Xem' }).click();
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
});

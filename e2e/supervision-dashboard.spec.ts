import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * The national supervisor drills down the dashboard: the nation (map, chart, a row per province) → TP Hồ Chí Minh →
 * Phường Bến Thành → its dossier list. The province supervisor of Hồ Chí Minh cannot open the nation.
 */
describe('supervision dashboard journey', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('nation → province → commune → dossiers', async () => {
    await loginAs(page, h.baseUrl, 'giamsat.quocgia');
    await page.goto(`${h.baseUrl}/workspace/supervision/dashboard`);
    await page.getByRole('heading', { name: /Bảng điều hành giám sát — Toàn quốc/ }).waitFor();
    // the map is its own chunk: the province of the demo dossiers is a link on it
    await expect.poll(() => page.locator('svg a[data-province="79"]').count()).toBe(1);
    await page.getByText('Hồ sơ tiếp nhận theo ngày và kênh').waitFor();
    await screenshot(page, 'dashboard-nation');
    await page.getByRole('link', { name: 'Xem chi tiết Thành phố Hồ Chí Minh' }).click();
    await page.getByRole('heading', { name: /— Thành phố Hồ Chí Minh$/ }).waitFor();
    expect(page.url()).toContain('level=province&code=79');
    await page.getByRole('link', { name: /Quay lại Toàn quốc/ }).waitFor();
    await screenshot(page, 'dashboard-province');
    await page.getByRole('link', { name: 'Xem chi tiết Phường Bến Thành' }).click();
    await page.getByRole('heading', { name: /— Phường Bến Thành$/ }).waitFor();
    await page.getByText('Theo thủ tục (thời gian giải quyết so với thời hạn)').waitFor();
    await screenshot(page, 'dashboard-commune');
    await page.getByRole('link', { name: /Phường Bến Thành — Danh sách hồ sơ/ }).click();
    await expect.poll(() => page.url()).toContain('/workspace/dossiers?unit=26743&view=all');
    await page.getByText('Đơn vị 26743').waitFor();
    await page.getByText('X79.26743-261102-010001').first().waitFor();
    await screenshot(page, 'dashboard-dossiers');
  });

  it('a province supervisor sees their province and is refused the nation', async () => {
    const other = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(other, h.baseUrl, 'giamsat.hcm');
    await other.goto(`${h.baseUrl}/workspace/supervision/dashboard`);
    await other.getByRole('heading', { name: /— Thành phố Hồ Chí Minh$/ }).waitFor();
    expect(await other.getByRole('link', { name: /Quay lại Toàn quốc/ }).count()).toBe(0);
    await other.goto(`${h.baseUrl}/workspace/supervision/dashboard?level=nation`);
    await other.getByText('Bạn không có quyền xem số liệu này.').waitFor();
    await screenshot(other, 'dashboard-province-supervisor-refused');
    await other.close();
  });
});

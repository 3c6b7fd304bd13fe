import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, SCREENSHOT_DIR, screenshot, startHarness } from './support/harness.js';

/**
 * The national supervisor drills down the dashboard: the nation (map, chart, a row per province) → TP Hồ Chí Minh (its
 * communes on the map, one opened from its shape) → Phường Bến Thành → its departments → a department's officials → an official's dossiers → one dossier. The province supervisor of Hồ Chí Minh cannot open the nation.
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
    // a period with the demo dossiers (this month may have begun today in Vietnam); the links keep it
    const day = (back: number) => new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${h.baseUrl}/workspace/supervision/dashboard?from=${day(90)}&to=${day(0)}`);
    await page.getByRole('heading', { name: /Bảng điều hành giám sát — Toàn quốc/ }).waitFor();
    // the map is its own chunk: the province of the demo dossiers is a link on it
    await expect.poll(() => page.locator('svg a[data-province="79"]').count()).toBe(1);
    await page.getByText('Hồ sơ tiếp nhận theo ngày và kênh').waitFor();
    // the days under the chart read dd/mm (they read 11-02)
    const ticks = page.locator('.recharts-xAxis-tick-labels text');
    await expect.poll(() => ticks.count()).toBeGreaterThan(0);
    expect(await ticks.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{2}\/\d{2}$/)]));
    expect((await ticks.allTextContents()).filter((d) => !/^\d{2}\/\d{2}$/.test(d))).toEqual([]);
    await screenshot(page, 'dashboard-nation');
    await page.getByRole('link', { name: 'Xem chi tiết Thành phố Hồ Chí Minh' }).click();
    await page.getByRole('heading', { name: /— Thành phố Hồ Chí Minh$/ }).waitFor();
    expect(page.url()).toContain('level=province&code=79');
    await page.getByRole('link', { name: /Quay lại Toàn quốc/ }).waitFor();
    await screenshot(page, 'dashboard-province');
    // the province's communes and wards on the map, shaded by the chosen metric, each titled with its name and value
    const communes = page.locator('[data-testid="commune-map"] a[data-commune]');
    await expect.poll(() => communes.count()).toBeGreaterThan(100);
    const benThanh = communes.and(page.locator('[data-commune="26743"]'));
    await expect
      .poll(() => benThanh.locator('title').textContent())
      .toMatch(/^Phường Bến Thành: Đúng hạn \(chỉ số 766 – 2\.1\): \d+(,\d)? %$/);
    // Côn Đảo, far offshore, is drawn in an inset of its own rather than shrinking the city to a corner
    await page.locator('[data-testid="commune-map"] text', { hasText: 'Đặc khu Côn Đảo' }).waitFor();
    // Hà Nội's wards are not drawn on Hồ Chí Minh's map; a commune without dossiers says so
    expect(await communes.and(page.locator('[data-commune="00004"]')).count()).toBe(0);
    await expect
      .poll(() => page.locator('a[data-commune] title', { hasText: 'Chưa có số liệu' }).count())
      .toBeGreaterThan(0);
    // the map's card (metric, legend, map, attribution), and the city centre around Bến Thành (the header, fixed at the top, hidden from the shots)
    const noHeader = '.mantine-AppShell-header { visibility: hidden; }';
    const map = page.locator('[data-testid="commune-map"]');
    await page
      .locator('.mantine-Card-root', { has: map })
      .screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-province-communes.png'), style: noHeader });
    const box = (await benThanh.boundingBox())!;
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'dashboard-province-communes-centre.png'),
      clip: { x: box.x - 80, y: box.y - 80, width: box.width + 160, height: box.height + 160 },
      style: noHeader,
    });
    await page.getByRole('textbox', { name: 'Chỉ số tô màu' }).click();
    await page.getByRole('option', { name: 'Tỷ lệ trực tuyến' }).click();
    await expect.poll(() => benThanh.locator('title').textContent()).toMatch(/^Phường Bến Thành: Tỷ lệ trực tuyến: \d/);
    await page.getByText('Chú giải: Tỷ lệ trực tuyến').waitFor();
    await page.getByText(/Ranh giới hành chính 2025: vietnamese-provinces-database/).waitFor();
    // zoom and pan: the wheel around the pointer (Bến Thành grows under it), the keyboard on the focused map, the buttons
    const zoom = page.getByTestId('map-zoom');
    await zoom.scrollIntoViewIfNeeded();
    const before = (await benThanh.boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
    await expect.poll(async () => Number(await zoom.getAttribute('data-zoom'))).toBeGreaterThan(3);
    const zoomed = (await benThanh.boundingBox())!;
    expect(zoomed.width).toBeGreaterThan(before.width * 3);
    await page
      .locator('.mantine-Card-root', { has: map })
      .screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-map-zoomed.png'), style: noHeader });
    await page.getByRole('button', { name: 'Về toàn cảnh' }).click();
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('1.00');
    await zoom.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('2.25');
    const centred = (await benThanh.boundingBox())!;
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await benThanh.boundingBox())!.x).toBeGreaterThan(centred.x);
    await page.keyboard.press('-');
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('1.50');
    await page.keyboard.press('0');
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('1.00');
    await page.getByRole('button', { name: 'Phóng to bản đồ' }).click();
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('1.50');
    await page.getByRole('button', { name: 'Về toàn cảnh' }).click();
    await expect.poll(() => zoom.getAttribute('data-zoom')).toBe('1.00');
    // a commune's shape opens that commune's dashboard, as its row in the table does
    await benThanh.click();
    await page.getByRole('heading', { name: /— Phường Bến Thành$/ }).waitFor();
    expect(page.url()).toContain('level=commune&code=26743');
    await page.goBack();
    await page.getByRole('heading', { name: /— Thành phố Hồ Chí Minh$/ }).waitFor();
    await page.getByRole('link', { name: 'Xem chi tiết Phường Bến Thành' }).click();
    await page.getByRole('heading', { name: /— Phường Bến Thành$/ }).waitFor();
    await page.getByText('Theo thủ tục (thời gian giải quyết so với thời hạn)').waitFor();
    await screenshot(page, 'dashboard-commune');
    // below the commune: departments → a department's officials → an official's dossiers → one dossier
    await page.getByRole('link', { name: /Phường Bến Thành — theo phòng ban, công chức, hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Phường Bến Thành: theo phòng ban, công chức' }).waitFor();
    expect(page.url()).toContain('/workspace/supervision/commune?code=26743');
    // the period reads the Vietnamese way (it printed 2026-11-02 – 2026-12-01)
    await page.getByText(/ \d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
    const departments = page.getByTestId('drill-departments');
    await expect.poll(() => departments.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await screenshot(page, 'dashboard-drill-commune');
    await departments.locator('tbody tr').first().getByRole('link').click();
    await expect.poll(() => page.url()).toContain('department=');
    const officials = page.getByTestId('drill-officials');
    await expect.poll(() => officials.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('drill-dossiers').locator('tbody tr').first().waitFor();
    await screenshot(page, 'dashboard-drill-department');
    const first = officials.locator('tbody tr').first().getByRole('link');
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await expect.poll(() => page.url()).toContain('official=');
    const list = page.getByTestId('drill-dossiers');
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // the figure filter narrows the list to the official's dossiers of that state
    await page.getByRole('textbox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Đang giải quyết, còn hạn' }).click();
    await expect.poll(() => list.locator('tbody tr').first().textContent()).toMatch(/Đang giải quyết, còn hạn|^$/);
    await screenshot(page, 'dashboard-drill-official');
    await page.getByRole('textbox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Tất cả' }).click();
    // the list pages by keyset: the next page shows other dossiers, the previous one the first again
    await expect.poll(() => list.getByText(/^Trang 1 \/ \d+$/).count()).toBe(1);
    const firstRow = (await list.locator('tbody tr').first().textContent())!;
    const next = list.getByRole('button', { name: 'Trang sau' });
    if (await next.isEnabled()) {
      await next.click();
      await list.getByText(/^Trang 2 \/ \d+$/).waitFor();
      await expect.poll(() => list.locator('tbody tr').first().textContent()).not.toBe(firstRow);
      await list.getByRole('button', { name: 'Trang trước' }).click();
      await expect.poll(() => list.locator('tbody tr').first().textContent()).toBe(firstRow);
    }
    await list.locator('tbody tr').first().getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    await page
      .getByText(/X79\.26743-/)
      .first()
      .waitFor();
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

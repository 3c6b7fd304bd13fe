import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, screenshot, startHarness } from './support/harness.js';

/** A citizen with no account: finds a procedure, learns what to bring, asks the assistant, reads the calendar. */
describe('citizen portal journey', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the home page searches without accents and opens the birth registration procedure', async () => {
    await page.goto(h.baseUrl);
    await expect.poll(() => page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(true);
    await screenshot(page, 'portal-home');
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('lam giay khai sinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/search?q=lam');
    const firstResult = page.locator('a[href^="/procedures/"]').first();
    await expect.poll(() => firstResult.textContent(), { timeout: 15_000 }).toMatch(/khai sinh/i);
    await screenshot(page, 'portal-search-khai-sinh');
    await firstResult.click();
    await expect.poll(() => page.url()).toMatch(/\/procedures\/[0-9A-Z.-]+/);
    // the procedure page tells what to bring and how long it takes
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/Tờ khai/i);
    await screenshot(page, 'portal-procedure-page');
  });

  it('the assistant offers choices ("Có phải bạn muốn…"), shows the picked one, and is not sure about nonsense', async () => {
    await page.goto(`${h.baseUrl}/assistant`);
    const box = page.getByRole('textbox').first();
    await box.fill('con tôi mới sinh cần làm giấy tờ gì');
    await box.press('Enter');
    const choices = page.getByRole('group', { name: 'Có phải bạn muốn…' });
    await expect.poll(() => choices.isVisible(), { timeout: 15_000 }).toBe(true);
    const first = choices.getByRole('button').first();
    expect(await first.textContent()).toMatch(/khai sinh/i);
    await first.click();
    // the picked procedure opens as a card with what to bring
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/Giấy tờ cần nộp/);
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await first.textContent()).toMatch(/^✓ /);
    // the other choices stay enabled and readable, so the applicant can change their mind
    expect(await choices.getByRole('button').nth(1).isEnabled()).toBe(true);
    await screenshot(page, 'portal-assistant-picked');
    await box.fill('xyzzy qwerty plugh');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toMatch(/chưa chắc chắn|không chắc|chưa tìm thấy/i);
    await screenshot(page, 'portal-assistant');
  });

  it('the calendar shows the 2026 Tết days off', async () => {
    await page.goto(`${h.baseUrl}/calendar?year=2026`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/Tết/);
    // 16–20/2/2026 are the announced Tết days off; Saturday 22/8 is worked back for the 2/9 bridge
    await expect.poll(() => page.locator('td[data-date="2026-02-17"]').getAttribute('data-working')).toBe('false');
    expect(await page.locator('td[data-date="2026-02-17"]').getAttribute('aria-label')).toMatch(/Tết/);
    expect(await page.locator('td[data-date="2026-08-22"]').getAttribute('data-working')).toBe('true');
    expect(await page.locator('td[data-date="2026-08-31"]').getAttribute('data-working')).toBe('false');
    await screenshot(page, 'portal-calendar');
  });

  it('every public page is reachable from the navigation and none shows an error', async () => {
    await page.goto(h.baseUrl);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual([
      '/procedures',
      '/search',
      '/assistant',
      '/tra-cuu',
      '/dat-lich',
      '/units/convert',
      '/units',
      '/calendar',
      '/phan-anh',
      '/hoi-dap',
    ]);
    for (const path of links) {
      const res = await page.goto(`${h.baseUrl}${path}`);
      expect(res?.status()).toBe(200);
      await expect.poll(() => page.locator('h2').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).not.toMatch(/Có lỗi xảy ra|INTERNAL_ERROR|Không tìm thấy trang/);
      // Each page loads its feature's strings with it: no raw translation key is ever left on screen.
      await expect
        .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
        .not.toMatch(/\b(adminUnits|calendar|citizens|dossiers|feedback|procedures|queue|search|sync)\.[a-z]\w*/);
    }
  });

  it('an unknown address shows a not-found page with a way home', async () => {
    await page.goto(`${h.baseUrl}/khong-co-trang-nay`);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Không tìm thấy trang');
    await page.getByRole('main').getByRole('link', { name: 'Trang chủ' }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Dịch vụ công một cửa cấp xã');
  });

  it('fits a phone screen: nothing wider than the viewport, the header on one line', async () => {
    const phone = await h.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const path of ['/', '/procedures/1.001193', '/tra-cuu', '/units/convert']) {
      await phone.goto(`${h.baseUrl}${path}`);
      await phone.locator('main h2').first().waitFor({ timeout: 15_000 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // the brand block stays one line high (the tagline used to wrap into six lines over the navigation)
      const brand = await phone.locator('header a[href="/"]').boundingBox();
      expect(brand?.height).toBeLessThanOrEqual(64);
    }
    await screenshot(phone, 'portal-phone-procedure');
    await phone.close();
  });

  it('search filters by field and by the unit that receives the procedure', async () => {
    await page.goto(`${h.baseUrl}/search?q=khai%20sinh`);
    // the unit by its name, accents optional (the field asked for the code "26743")
    const unit = page.getByRole('textbox', { name: 'Nơi tiếp nhận (xã, phường, tỉnh)' });
    await unit.fill('ben thanh');
    await page
      .getByRole('option', { name: /Phường Bến Thành/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain('unit=26743');
    const birth = page.locator('a[href="/procedures/1.001193"]');
    await expect.poll(() => birth.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The search's time in the page's language: 34.722 ms reads "34.722 ms" (thirty-four thousand) in Vietnamese.
    await page.route('**/api/search?*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), tookMs: 34.722 } });
    });
    await page.goto(`${h.baseUrl}/search?q=dang%20ky%20khai%20sinh`);
    await expect
      .poll(() => page.getByText(/Tìm thấy \d+ thủ tục/).textContent(), { timeout: 15_000 })
      .toContain('(35 ms)');
    await page.unroute('**/api/search?*');
    // a province does not receive the commune-level birth registration
    await page.goto(`${h.baseUrl}/search?q=khai%20sinh&unit=79`);
    await expect.poll(() => page.getByText(/Tìm thấy \d+ thủ tục/).count(), { timeout: 15_000 }).toBe(1);
    expect(await birth.count()).toBe(0);
    // field filter: every result is of the chosen field
    await page.goto(`${h.baseUrl}/search?q=dang%20ky`);
    await page.getByLabel('Lĩnh vực').selectOption({
      label:
        (await page.getByLabel('Lĩnh vực').locator('option', { hasText: 'Hộ tịch (' }).first().textContent()) ?? '',
    });
    await expect.poll(() => page.url()).toContain('field=');
    await expect.poll(() => page.locator('a[href^="/procedures/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const fields = await page.locator('main').textContent();
    expect(fields).toContain('Hộ tịch');
    await screenshot(page, 'portal-search-filters');
  });

  it('the units page draws the 34 provinces; choosing one on the map opens it', async () => {
    await page.goto(`${h.baseUrl}/units?onDate=2026-05-01`);
    const shapes = page.locator('svg a[data-province]');
    await expect.poll(() => shapes.count(), { timeout: 15_000 }).toBe(34);
    await screenshot(page, 'portal-units-map');
    await page.locator('svg a[data-province="01"]').click();
    await expect.poll(() => page.url()).toContain('code=01');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Thành phố Hà Nội');
    // before the reform there were 63 provinces: the 2025 map is not drawn for such a date
    await page.goto(`${h.baseUrl}/units?onDate=2025-06-30`);
    await page.locator('main h2').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await shapes.count()).toBe(0);
  });
});

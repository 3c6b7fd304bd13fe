import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * Issue 11: no English sentence, raw enum value or untranslated key on the Vietnamese pages. Each page is opened in
 * the vi locale (the default) and its visible text is read line by line: a line fails when it holds two or more
 * English function words ("the", "of", "with"…), "undefined", "null", "NaN", a snake_case value ("in_person", "system_admin") or an i18n key
 * ("dossiers.queue.title"). Names of products (OpenStreetMap, VNeID), file types and e-mail addresses are allowed.
 */
const ENGLISH =
  /\b(?:the|of|and|with|from|this|that|is|are|not|please|your|for|has|have|none|unknown|error|loading|code|unit|date)\b/gi;
const BROKEN = /\b(?:undefined|null|NaN)\b|\[object Object\]|Invalid Date/;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;
const KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\.[a-zA-Z.]+\b/;
const ALLOWED = /OpenStreetMap|VNeID|https?:\/\/\S+|\S+@\S+|\b[\w.-]+\.(?:vn|com|pdf|png|json)\b/g;

function leaks(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .filter((l) => {
      const bare = l.replace(ALLOWED, ' ');
      return (bare.match(ENGLISH)?.length ?? 0) >= 2 || BROKEN.test(bare) || SNAKE.test(bare) || KEY.test(bare);
    });
}

async function visibleText(page: Page, path: string, baseUrl: string): Promise<string[]> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('main h2, main h1').first().waitFor({ timeout: 45_000 });
  await page.waitForLoadState('networkidle');
  return leaks(await page.locator('body').innerText());
}

const PUBLIC_PAGES = [
  '/',
  '/procedures',
  '/procedures/1.001193',
  '/procedures/1.007277',
  '/search?q=khai%20sinh',
  '/tra-cuu',
  '/units',
  '/units/convert',
  '/calendar',
  '/calendar?year=2026&provinceCode=79&unitCode=26743',
  '/phan-anh',
  '/hoi-dap',
];
const RECEPTION_PAGES = ['/workspace', '/workspace/dossiers', '/workspace/dossiers/new', '/workspace/account'];
const ADMIN_PAGES = [
  '/admin/users',
  '/admin/calendar',
  '/admin/procedures',
  '/admin/procedures/26743/1.001193/process',
  '/admin/procedures/26743/1.001193/conditions',
  '/admin/units',
  '/admin/units/26743/organisation',
  '/admin/units/readiness',
  '/admin/queue',
  '/admin/sync',
];

describe('Vietnamese pages show no English and no raw codes (issue 11)', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage();
  }, 400_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the leak detector finds what it should and leaves Vietnamese alone', () => {
    expect(leaks('Unit code of the receiving office')).toHaveLength(1);
    expect(leaks('Kênh: in_person')).toHaveLength(1);
    expect(leaks('dossiers.queue.title')).toHaveLength(1);
    expect(leaks('Xem bản đồ (OpenStreetMap)\nĐăng nhập bằng VNeID\nThủ tục đăng ký khai sinh')).toEqual([]);
  });

  it('a fresh install: "where to go" shows the demo center, marked as demonstration data, with its map position', async () => {
    await page.goto(`${h.baseUrl}/procedures/1.001193`);
    await page.getByRole('textbox', { name: 'Xã, phường nơi bạn ở (gõ tên)' }).fill('ben thanh');
    await page
      .getByRole('option', { name: /Phường Bến Thành/ })
      .first()
      .click();
    const where = page.getByTestId('where-to-go');
    await expect.poll(() => where.textContent()).toContain('Trụ sở Ủy ban nhân dân Phường Bến Thành');
    expect(await where.getByTestId('where-to-go-demo').textContent()).toContain('Dữ liệu minh họa');
    const map = where.getByRole('link', { name: 'Xem bản đồ (OpenStreetMap)' });
    expect(await map.getAttribute('href')).toContain('mlat=10.7713&mlon=106.694');
    await screenshot(page, 'where-to-go-demo-center');
    await page.evaluate(() => window.localStorage.clear());
  });

  it('the calendar scope is chosen by name: province, then one of its wards', async () => {
    await page.goto(`${h.baseUrl}/calendar?year=2026`);
    await page.getByRole('textbox', { name: 'Tỉnh, thành phố' }).fill('ho chi minh');
    await page.getByRole('option', { name: /^Thành phố Hồ Chí Minh \(79\)$/ }).click();
    await page.getByRole('textbox', { name: 'Xã, phường, đặc khu' }).fill('ben thanh');
    await page.getByRole('option', { name: /Phường Bến Thành.*\(26743\)/ }).click();
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.url()).toContain('unitCode=26743');
    await expect.poll(() => page.getByText('Phạm vi: Phường Bến Thành (26743)').count()).toBe(1);
    await screenshot(page, 'calendar-scope-by-name');
  });

  it.each(PUBLIC_PAGES)('public page %s', async (path) => {
    expect(await visibleText(page, path, h.baseUrl)).toEqual([]);
  });

  let reception = false;
  it.each(RECEPTION_PAGES)('reception page %s', async (path) => {
    if (!reception) await loginAs(page, h.baseUrl, 'tiepnhan.benthanh');
    reception = true;
    expect(await visibleText(page, path, h.baseUrl)).toEqual([]);
  });

  let admin = false;
  it.each(ADMIN_PAGES)('administrator page %s', async (path) => {
    if (!admin) {
      await page.context().clearCookies();
      await loginAs(page, h.baseUrl, 'admin');
    }
    admin = true;
    expect(await visibleText(page, path, h.baseUrl)).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * Administrators prepare a center: the center director enables a procedure and sets its internal process; the
 * system administrator stores a year's schedule of days off. Both are refused outside their role or jurisdiction.
 */
describe('administration journeys', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the center director turns birth registration off and on at Bến Thành and edits its internal process', async () => {
    await loginAs(page, h.baseUrl, 'giamdoc.benthanh');
    await page.locator('[data-role="center_director"]').waitFor();
    await page.goto(`${h.baseUrl}/admin/procedures`);
    await page.getByLabel('Mã hoặc tên thủ tục').fill('1.001193');
    const toggle = page.getByRole('switch', { name: /^Tiếp nhận: Thủ tục đăng ký khai sinh$/ });
    await toggle.waitFor({ timeout: 15_000 });
    // a commune receives its commune-level procedures until someone turns one off
    expect(await toggle.isChecked()).toBe(true);
    const storedConfig = () =>
      page.evaluate(async () => {
        const r = await fetch('/api/procedures/units/26743/configs');
        const body = (await r.json()) as { items: { procedureCode: string; enabled: boolean }[] };
        return body.items.find((i) => i.procedureCode === '1.001193')?.enabled;
      });
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked(), { timeout: 30_000 }).toBe(false);
    await expect.poll(storedConfig, { timeout: 30_000 }).toBe(false);
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked(), { timeout: 30_000 }).toBe(true);
    await expect.poll(storedConfig, { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'admin-procedures-enabled');

    await page.getByRole('link', { name: 'Quy trình nội bộ' }).first().click();
    await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 15_000 }).toContain('1.001193');
    const names = page.getByLabel('Nội dung công việc');
    await names.first().fill('Tiếp nhận, kiểm tra hồ sơ khai sinh');
    await page.getByRole('button', { name: 'Lưu quy trình' }).click();
    await expect.poll(() => page.getByText('Đã lưu quy trình').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'admin-internal-process');
    const stored = await page.evaluate(async () => {
      const r = await fetch('/api/procedures/units/26743/procedures/1.001193/internal-process');
      return (await r.json()) as { steps: { name: string }[] };
    });
    expect(stored.steps[0]?.name).toBe('Tiếp nhận, kiểm tra hồ sơ khai sinh');
  });

  it('the center director may not configure procedures of another commune (Hoàn Kiếm)', async () => {
    const res = await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/procedures/units/00070/procedures/1.001193/config', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ enabled: true, localFeeVnd: null, localFeeNote: null }),
      });
      return { status: r.status, code: ((await r.json()) as { code: string }).code };
    });
    expect(res.status).toBe(403);
    expect(res.code).toBe('OUT_OF_JURISDICTION');
  });

  it('the system administrator stores the 2027 schedule of days off from the rule draft', async () => {
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, h.baseUrl, 'admin');
    await page.locator('[data-role="system_admin"]').waitFor();
    await screenshot(page, 'admin-workspace');
    await page.getByRole('link', { name: 'Lịch làm việc, ngày nghỉ' }).click();
    await page.getByLabel('Năm').fill('2027');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect
      .poll(() => page.getByText('Chưa lưu: bản nháp tính theo quy định').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.getByLabel('Căn cứ (số văn bản, đường dẫn)').fill('Bản nháp theo Bộ luật Lao động 2019, Điều 112');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await expect.poll(() => page.getByText('Đã lưu (phiên bản 1)').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'admin-calendar-2027');
  });

  it('a reception official cannot change the national schedule', async () => {
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, h.baseUrl, 'tiepnhan.benthanh');
    const res = await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/calendar/schedules/2028', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ source: 'x', entries: [], expectedVersion: 0 }),
      });
      return { status: r.status, code: ((await r.json()) as { code: string }).code };
    });
    expect(res.status).toBe(403);
    expect(res.code).toBe('FORBIDDEN');
  });

  it('the national supervisor sees the on-time rate on the province map and drills into a province from it', async () => {
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, h.baseUrl, 'giamsat.quocgia');
    await page.goto(`${h.baseUrl}/workspace/supervision`);
    const hcm = page.locator('svg a[data-province="79"]');
    await expect.poll(() => hcm.count(), { timeout: 15_000 }).toBe(1);
    // the shape's label carries the figures of the table row
    expect(await hcm.getAttribute('aria-label')).toMatch(/Thành phố Hồ Chí Minh: \d+(,\d)?% đúng hạn, \d+ hồ sơ/);
    await screenshot(page, 'admin-supervision-map');
    // by keyboard, as a screen-reader user would (the shape is a link)
    await hcm.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('provinceCode=79');
    await expect
      .poll(() => page.getByTestId('supervision-table').locator('tr[data-unit="26743"]').count(), { timeout: 15_000 })
      .toBe(1);
  });
});

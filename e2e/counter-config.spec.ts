import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from './support/browser.js';
import { type Harness, SCREENSHOT_DIR, screenshot, startHarness } from './support/harness.js';

/**
 * Issue 11, the rest of the counter and the desk at 1366×768 (and a phone): conditions of components set by the
 * center's director, a registered dossier accepted by ticking its checklist in the dialog, a component scanned
 * from the dossier page, and "where to go" on the public procedure page.
 */

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A write from the signed-in page (the session's CSRF token in its header). */
const send = (page: Page, method: string, url: string, body: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const s = await (await fetch('/api/auth/session', { credentials: 'same-origin' })).json();
      const r = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify(body),
      });
      return r.status;
    },
    { method, url, body },
  );

describe('conditions, acceptance by checklist, scanning from the dossier, where to go', () => {
  let h: Harness;
  let dossierUrl = '';

  // Loading the catalog and the demo takes long on a loaded machine.
  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the director makes a component conditional for the ward; reception sees it start "not applicable"', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'giamdoc.benthanh');
    await page.goto(`${h.baseUrl}/admin/procedures/26743/1.001193/conditions`);
    const table = page.getByTestId('component-conditions');
    await table.waitFor();
    const row = table.locator('tbody tr').filter({ hasText: 'Giấy chứng sinh' }).first();
    await row.getByText('Nếu thuộc trường hợp', { exact: true }).click();
    await row.getByRole('textbox').fill('Trường hợp trẻ sinh tại cơ sở y tế');
    await page.getByRole('button', { name: 'Lưu điều kiện' }).click();
    await page.getByText('Đã lưu điều kiện.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Đơn vị đã đặt');
    await screenshot(page, 'counter-conditions-admin');

    const reception = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await reception.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await reception.getByRole('textbox', { name: 'Thủ tục' }).fill('khai sinh');
    await reception
      .getByRole('option', { name: /1\.001193/ })
      .first()
      .click();
    const birth = reception
      .getByTestId('reception-checklist')
      .locator('tbody tr')
      .filter({ hasText: 'Giấy chứng sinh' });
    await birth.waitFor();
    await expect.poll(() => birth.textContent()).toContain('Nếu: Trường hợp trẻ sinh tại cơ sở y tế');

    // Back to the catalog's condition: the page says so, and the other journeys see the catalog again.
    await row.getByRole('button', { name: 'Dùng theo danh mục' }).click();
    await page.getByRole('button', { name: 'Lưu điều kiện' }).click();
    await expect.poll(() => row.textContent()).toContain('Theo danh mục');
    await page.context().close();
    await reception.context().close();
  });

  it('a dossier registered with a missing component is accepted by ticking it in the dialog', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await page.getByRole('textbox', { name: 'Thủ tục' }).fill('khai sinh');
    await page
      .getByRole('option', { name: /1\.001193/ })
      .first()
      .click();
    const rows = page.getByTestId('reception-checklist').locator('tbody tr');
    await rows.first().waitFor();
    // Everything required but the birth certificate, which the applicant brings later.
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const text = (await row.textContent()) ?? '';
      if (text.includes('Nếu:') || text.includes('Giấy chứng sinh')) continue;
      await row.getByText('Có', { exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('reception-verdict').textContent()).toContain('Còn 1');
    await page.getByLabel(/^Họ và tên/).fill('Đỗ Minh Khang');
    await page.getByRole('button', { name: 'Đăng ký, kiểm tra sau' }).click();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    dossierUrl = page.url();

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const checklist = dialog.getByTestId('reception-checklist');
    await checklist.waitFor();
    await expect.poll(() => dialog.getByTestId('reception-verdict').textContent()).toContain('Còn 1');
    expect(await dialog.getByRole('button', { name: 'Xác nhận' }).isDisabled()).toBe(true);
    await checklist.locator('tbody tr').filter({ hasText: 'Giấy chứng sinh' }).getByText('Có', { exact: true }).click();
    await expect.poll(() => dialog.getByTestId('reception-verdict').textContent()).toContain('Hồ sơ đầy đủ');
    await screenshot(page, 'counter-accept-checklist');
    await dialog.screenshot({ path: join(SCREENSHOT_DIR, 'counter-accept-checklist-dialog.png') });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText('Đã tiếp nhận').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('reception scans a component from the dossier page (desktop and phone)', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(dossierUrl);
    const components = page.getByTestId('dossier-components');
    await components.waitFor();
    const birth = components.locator('tbody tr').filter({ hasText: 'Giấy chứng sinh' });
    await birth
      .locator('input[type=file]')
      .setInputFiles([{ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: PNG }]);
    await birth.getByRole('link', { name: /\.pdf/ }).waitFor();
    await screenshot(page, 'counter-detail-scan');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'counter-detail-scan-phone');
    await page.context().close();
  });

  it('a citizen picks their ward on the procedure page and sees the center, its hours and a map link', async () => {
    // The director records the center's address (test data of this run).
    const director = await signedIn(h.browser, h.baseUrl, 'giamdoc.benthanh');
    const org = await director.evaluate(async () =>
      (await fetch('/api/admin-units/units/26743/organisation', { credentials: 'same-origin' })).json(),
    );
    const centerId: string = org.serviceCenters[0].id;
    expect(
      await send(director, 'PATCH', `/api/admin-units/service-centers/${centerId}`, {
        address: 'Số 1 đường thử nghiệm, Phường Bến Thành, Thành phố Hồ Chí Minh',
      }),
    ).toBe(204);
    await director.context().close();

    for (const [viewport, name] of [
      [{ width: 1366, height: 768 }, 'counter-where-to-go'],
      [{ width: 390, height: 844 }, 'counter-where-to-go-phone'],
    ] as const) {
      const ctx = await h.browser.newContext({ viewport });
      const page = await ctx.newPage();
      await page.goto(`${h.baseUrl}/procedures/1.001193`);
      const picker = page.getByRole('textbox', { name: 'Xã, phường nơi bạn ở (gõ tên)' });
      await picker.fill('ben thanh');
      await page
        .getByRole('option', { name: /Phường Bến Thành/ })
        .first()
        .click();
      const where = page.getByTestId('where-to-go');
      await where.waitFor();
      await expect.poll(() => where.textContent()).toContain('Số 1 đường thử nghiệm');
      expect(await where.textContent()).toMatch(/Giờ tiếp nhận: \d\d:\d\d–\d\d:\d\d/);
      const map = where.getByRole('link', { name: 'Xem bản đồ (OpenStreetMap)' });
      expect(await map.getAttribute('href')).toContain('openstreetmap.org/search?query=');
      // the steps read correctly (the crawl's displaced words are back in place)
      expect(await page.getByText('đăng ký khai sinh tại Trung tâm Phục vụ hành chính công').count()).toBeGreaterThan(
        0,
      );
      expect(await page.getByText('áp dụng').first().textContent()).toMatch(/không nêu|áp dụng từ/);
      await screenshot(page, name);
      await page
        .locator('section')
        .filter({ has: where })
        .screenshot({ path: join(SCREENSHOT_DIR, `${name}-section.png`) });
      await ctx.close();
    }
  });
});

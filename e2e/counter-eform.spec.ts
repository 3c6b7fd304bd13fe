import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../apps/api/src/slips/pdf-text.js';
import { fetchedJson, fetchIn, pdfScreenshot, signedIn } from './support/browser.js';
import { type Harness, screenshot, startHarness } from './support/harness.js';

/**
 * Issue 17 at a 1366×768 counter: reception fills in the birth registration's e-form for the applicant (an online
 * submission assisted at the counter), the interactive e-form row is ticked by itself, the receipt prints with the
 * e-form's data, and the dossier page shows it.
 */
describe('the e-form filled in at the counter', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reception fills the e-form, receives, prints the receipt; the dossier page and the slip show the e-form', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await page.getByRole('textbox', { name: 'Thủ tục' }).fill('dang ky khai sinh');
    await page
      .getByRole('option', { name: /1\.001193/ })
      .first()
      .click();
    const checklist = page.getByTestId('reception-checklist');
    await checklist.waitFor();
    await page.locator('label[for$="-online"]').first().click();
    await expect.poll(() => checklist.textContent()).toContain('Mẫu hộ tịch điện tử tương tác');
    const interactive = checklist.locator('tbody tr').filter({ hasText: 'Mẫu hộ tịch điện tử tương tác' });

    // The e-form, with the same renderer as the citizen's: the interactive row is handed in as soon as it is chosen.
    const form = page.locator('#counter-eform');
    await form.getByRole('checkbox', { name: 'Điền tờ khai điện tử tại quầy' }).check();
    await expect.poll(() => interactive.getByRole('radio', { name: 'Có' }).isChecked(), { timeout: 15_000 }).toBe(true);
    await form.getByRole('textbox', { name: 'Họ, chữ đệm, tên', exact: true }).fill('Trần Gia Bảo');
    await form.getByLabel('Giới tính').selectOption('nam');
    await form.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-02');
    await form.getByLabel('Nơi sinh').fill('Bệnh viện Từ Dũ');
    await form.getByLabel('Dân tộc').fill('Kinh');
    await form.getByLabel('Quốc tịch').fill('Việt Nam');
    await form.getByLabel('Họ, chữ đệm, tên của mẹ').fill('Nguyễn Thị Hoa');
    await form.getByLabel('Ngày sinh của mẹ').fill('1990-01-01');
    await form.getByLabel('Số định danh cá nhân của mẹ').fill('079190001234');
    await form.locator('#eform-mother').getByRole('textbox', { name: 'Xã, phường' }).fill('Ben Thanh');
    await page
      .getByRole('option', { name: /Bến Thành/ })
      .first()
      .click();
    await form.locator('#eform-mother').getByLabel('Số nhà, đường, thôn, tổ').fill('12 Lê Lợi');
    await form.getByLabel('Quan hệ với người được khai sinh').selectOption('me');

    // The rest of the checklist as handed in.
    const rows = checklist.locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const text = (await row.textContent()) ?? '';
      if (text.includes('Nếu:') || text.includes('điện tử tương tác')) continue;
      await row.getByText('Có', { exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('reception-verdict').textContent()).toContain('Hồ sơ đầy đủ');
    await page.getByLabel(/^Họ và tên/).fill('Nguyễn Thị Hoa');
    await page.getByLabel('Điện thoại').fill('0903111333');
    await screenshot(page, 'counter-eform-filled');

    const popups: Page[] = [];
    page.on('popup', (p) => popups.push(p));
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    for (const p of popups) await p.close();
    const id = page.url().split('/').at(-1)!;

    // The dossier page shows the e-form, read back with its labels.
    const card = page.locator('#eform-summary-title').locator('..');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Trần Gia Bảo');
    expect(await card.textContent()).toMatch(/Nơi cư trú của mẹ12 Lê Lợi, Bến Thành/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'counter-eform-dossier');
    const d = fetchedJson(await fetchIn(page, `/api/dossiers/${id}`));
    expect(d.components.find((c: { name: string }) => c.name.includes('điện tử tương tác')).state).toBe('present');

    // The receipt slip carries the e-form's data.
    const receipt = Buffer.from((await fetchIn(page, `/api/dossiers/${id}/slips/receipt`)).body, 'base64');
    const text = (await pdfText(receipt)).text.replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Thông tin khai trên tờ khai đăng ký khai sinh');
    expect(text).toContain('Trần Gia Bảo');
    expect(text).toContain('Bệnh viện Từ Dũ');
    await pdfScreenshot(receipt, 'counter-eform-slip-receipt');
    await page.context().close();
  });
});

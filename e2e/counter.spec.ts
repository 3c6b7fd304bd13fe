import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../apps/api/src/slips/pdf-text.js';
import { fetchedJson, fetchIn, pdfScreenshot, signedIn } from './support/browser.js';
import { type Harness, screenshot, startHarness } from './support/harness.js';

/** Issue 11 at a 1366×768 counter: the procedure by name, a scanned component, a fee, the book, one-action approval. */

const json = fetchedJson;

async function act(page: Page, action: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// A 1×1 PNG: a photographed page.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('the counter and the desk as officials work them (1366×768)', () => {
  let h: Harness;
  let dossierUrl = '';
  let id = '';

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reception types "khai sinh" and picks the procedure by name; the checklist fits the counter', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    // The receiving unit by name, the code as a detail.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Nơi tiếp nhận', exact: true }).first().inputValue())
      .toMatch(/Bến Thành/);
    await page.getByRole('textbox', { name: 'Thủ tục' }).fill('khai sinh');
    const option = page.getByRole('option', { name: /Thủ tục đăng ký khai sinh.*1\.001193/ }).first();
    await option.waitFor();
    await option.click();
    const checklist = page.getByTestId('reception-checklist');
    await checklist.waitFor();
    expect(await page.getByTestId('procedure-code').textContent()).toContain('1.001193');
    const text = (await checklist.textContent()) ?? '';
    // The online-only interactive e-form is not asked at the counter; conditional rows start "not applicable".
    expect(text).not.toContain('Mẫu hộ tịch điện tử tương tác');
    expect(text).toContain('Nếu: Trường hợp trẻ em bị bỏ rơi');
    expect(await page.getByTestId('reception-verdict').textContent()).toMatch(/Còn 2 thành phần thiếu/);
    await screenshot(page, 'counter-checklist-start');
    await page.context().close();
  });

  it('ticks what is handed in, scans one component, takes a fee, receives; the receipt and fee receipt print', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await page.getByRole('textbox', { name: 'Thủ tục' }).fill('dang ky khai sinh');
    await page
      .getByRole('option', { name: /1\.001193/ })
      .first()
      .click();
    const rows = page.getByTestId('reception-checklist').locator('tbody tr');
    await rows.first().waitFor();
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      if ((await row.textContent())?.includes('Nếu:')) continue;
      await row.getByText('Có', { exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('reception-verdict').textContent()).toContain('Hồ sơ đầy đủ');
    const birthCertificate = rows.filter({ hasText: 'Giấy chứng sinh' });
    await birthCertificate.locator('input[type=file]').setInputFiles([
      { name: 'giay-chung-sinh-1.png', mimeType: 'image/png', buffer: PNG },
      { name: 'giay-chung-sinh-2.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await expect.poll(() => birthCertificate.textContent()).toContain('2 tệp');
    await page.getByLabel('Thu tại quầy (đồng)').fill('8000');
    await page.getByLabel(/^Họ và tên/).fill('Lê Thị Hồng Nhung');
    await page.getByLabel('Điện thoại').fill('0903111222');
    const old = '12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh';
    await page.getByLabel('Địa chỉ').fill(old);
    await page.getByRole('button', { name: 'Đổi địa chỉ cũ sang đơn vị mới' }).click();
    // Converted at once, or (a split ward) one of the offered new units is picked.
    const converted = page.getByTestId('address-converted');
    const choice = page.getByRole('button', { name: /^Phường .*, Thành phố Hồ Chí Minh$/ }).first();
    await converted.or(choice).first().waitFor();
    if ((await converted.count()) === 0) await choice.click();
    await expect.poll(() => page.getByLabel('Địa chỉ').inputValue()).not.toBe(old);
    expect(await page.getByLabel('Địa chỉ').inputValue()).toMatch(/^12 Lê Lợi, Phường .+, Thành phố Hồ Chí Minh$/);
    await screenshot(page, 'counter-reception-ready');
    const popups: Page[] = [];
    page.on('popup', (p) => popups.push(p));
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    for (const p of popups) await p.close();
    dossierUrl = page.url();
    id = dossierUrl.split('/').at(-1)!;
    const d = json(await fetchIn(page, `/api/dossiers/${id}`));
    expect(d.feeCollected.amountVnd).toBe(8000);
    expect(d.book.number).toBeGreaterThan(0);
    expect(d.attachments).toHaveLength(1);
    expect(d.attachments[0]).toMatchObject({ mediaType: 'application/pdf' });
    const receipt = Buffer.from((await fetchIn(page, `/api/dossiers/${id}/slips/receipt`)).body, 'base64');
    const text = (await pdfText(receipt)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Quyển số: ${d.book.year} Số thứ tự: ${d.book.number}`);
    expect(text).toContain('Giấy chứng sinh');
    expect(text).not.toContain('điện tử tương tác');
    expect(text).not.toContain('bị bỏ rơi');
    await pdfScreenshot(receipt, 'counter-slip-receipt');
    const fee = Buffer.from((await fetchIn(page, `/api/dossiers/${id}/slips/fee-receipt`)).body, 'base64');
    expect((await pdfText(fee)).text.replace(/\s+/g, ' ')).toContain('8.000 đồng');
    await pdfScreenshot(fee, 'counter-slip-fee');
    expect(await page.getByTestId('dossier-awaiting').textContent()).toMatch(/bước 1/);
    await screenshot(page, 'counter-dossier-received');
    await page.context().close();
  });

  /** One official takes the dossier from "waiting for me" and hands it on to the next step. */
  async function handOn(user: string) {
    const page = await signedIn(h.browser, h.baseUrl, user);
    await page.goto(`${h.baseUrl}/workspace/dossiers?view=waiting`);
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Lê Thị Hồng Nhung');
    await page.goto(dossierUrl);
    await page.getByTestId('dossier-actions').waitFor();
    if ((await page.getByRole('button', { name: 'Nhận xử lý', exact: true }).count()) > 0)
      await act(page, 'Nhận xử lý');
    await act(page, 'Chuyển bước tiếp theo');
    await page.context().close();
  }
  it('reception hands the dossier on from "waiting for me"', () => handOn('tiepnhan.benthanh'));
  it('the specialist finds it waiting and hands it on', () => handOn('chuyenvien.benthanh'));
  it('the department head finds it waiting and hands it on', () => handOn('truongphong.benthanh'));

  it('the leader approves in one action and the dossier moves on to the return step', async () => {
    const leader = await signedIn(h.browser, h.baseUrl, 'lanhdao.benthanh');
    await leader.goto(`${h.baseUrl}/workspace/dossiers?view=waiting`);
    await expect.poll(() => leader.locator('tbody').textContent()).toContain('Lê Thị Hồng Nhung');
    await leader.goto(dossierUrl);
    await expect.poll(() => leader.getByTestId('dossier-awaiting').textContent()).toMatch(/bước 4/);
    await screenshot(leader, 'counter-leader-before');
    await act(leader, 'Phê duyệt');
    // One action: approved and handed to the return step, held by the official who received it.
    await expect
      .poll(() => leader.getByTestId('dossier-awaiting').textContent())
      .toMatch(/Trần Thị Lan đang giữ hồ sơ ở bước 5/);
    await screenshot(leader, 'counter-leader-approved');
    await leader.context().close();
  });

  it('the supervisor clicks the overdue figure: the list has as many dossiers as the figure', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm');
    // The period opens 40 days back: the default (this month in Vietnam) holds none of the demo dossiers on the
    // first days of a month.
    const from = new Date(Date.now() + 7 * 3_600_000 - 40 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${h.baseUrl}/workspace/supervision?from=${from}`);
    // The headline figure (the table repeats it per row and in the totals).
    const figure = page.getByRole('button', { name: /^Quá hạn: \d+$/ }).first();
    await figure.waitFor();
    const n = Number((await figure.getAttribute('aria-label'))!.split(': ')[1]);
    expect(n).toBeGreaterThan(0);
    await figure.click();
    const list = page.getByTestId('stats-list');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(n);
    expect(await list.textContent()).toContain(`${n} hồ sơ`);
    await screenshot(page, 'counter-supervision-list');
    await page.context().close();
  });

  it('a supplement requested at the counter: the clock has not started, the procedure still has its time limit', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await page.getByRole('textbox', { name: 'Thủ tục' }).fill('1.001193');
    await page.getByRole('option').first().click();
    await page.getByTestId('reception-checklist').waitFor();
    await page.getByLabel(/^Họ và tên/).fill('Phạm Thị Lành');
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }).click();
    await (await popup).close();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    const badges = page.locator('.mantine-Badge-root');
    await expect.poll(() => badges.first().textContent()).toBe('Chờ bổ sung');
    // It read "Không quy định thời hạn" (no time limit) for a one-working-day procedure.
    expect(await badges.nth(1).textContent()).toBe('Chưa tính thời hạn');
    await page.context().close();
  });
});

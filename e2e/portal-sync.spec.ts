import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

async function signedIn(browser: Browser, baseUrl: string, username: string) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await loginAs(page, baseUrl, username);
  return page;
}

/** Click an action button of the detail page, confirm its dialog, wait for the new status badge. */
async function act(page: Page, action: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.locator('.mantine-Badge-root').allTextContents()).toContain(status);
}

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
});

describe('national portal both ways: submitted online → Bến Thành processes → the portal shows every status', () => {
  let h: Harness;
  let portalCode = '';
  let dossierUrl = '';
  const email = 'tran.thi.mai@example.vn';

  beforeAll(async () => {
    h = await startHarness({ sync: true });
  }, 600_000); // the harness loads the master data: minutes on a loaded machine
  afterAll(async () => {
    await h?.close();
  });

  it('a citizen submits a birth registration on the portal’s page, with files, VNeID-verified', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${h.portalUrl}/nop-ho-so`);
    await page.getByLabel('Mã thủ tục hành chính').fill('1.001193');
    await page.getByLabel('Mã xã/phường nơi nộp').fill('26743');
    await page.getByLabel('Họ và tên chủ hồ sơ').fill('Trần Thị Mai');
    await page.getByLabel('Số định danh cá nhân').fill('079190054321');
    await page.getByLabel('Số điện thoại').fill('0912000111');
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel(/^Mã thành phần/).fill('c04,c06,c07,c08');
    await page
      .getByLabel(/^Tệp đính kèm/)
      .setInputFiles([pdf('giay-chung-sinh.pdf'), pdf('cccd.pdf'), pdf('to-khai.pdf'), pdf('mau-dien-tu.pdf')]);
    await page.getByLabel('Tài khoản đã xác thực VNeID').check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => page.locator('#result').textContent()).toMatch(/Mã hồ sơ: G22\.99-\d{6}-\d{6}/);
    portalCode = (await page.locator('#result').textContent())!.split('Mã hồ sơ: ')[1]!.trim();
    await screenshot(page, 'portal-sync-citizen-submits');
    await page.close();
  });

  it('it arrives in Phường Bến Thành’s list of online dossiers, with its files and flags', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/online-dossiers`);
    await expect.poll(() => page.locator('tbody').textContent(), { timeout: 20_000 }).toContain(portalCode);
    const row = page.locator('tbody tr', { hasText: portalCode });
    expect(await row.textContent()).toContain('Trần Thị Mai');
    expect(await row.textContent()).toContain('VNeID');
    await screenshot(page, 'portal-sync-online-list');
    await row.getByRole('link').click();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    dossierUrl = page.url();
    // The status is one of the badges (the VNeID badge may render first).
    await expect.poll(() => page.locator('.mantine-Badge-root').allTextContents()).toContain('Mới đăng ký');
    expect(await page.getByText('giay-chung-sinh.pdf').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('reception accepts it and takes step 1; the applicant’s notifications are logged', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(dossierUrl);
    await act(page, 'Tiếp nhận', 'Đã tiếp nhận');
    await act(page, 'Nhận xử lý', 'Đang xử lý');
    await act(page, 'Chuyển bước tiếp theo', 'Đang xử lý');
    const log = page.getByTestId('notification-log');
    // The receipt's message is queued with the acceptance and sent by the dispatcher: reload until it is listed.
    await expect
      .poll(
        async () => {
          await page.reload();
          await log.waitFor();
          return log.textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('Tiếp nhận hồ sơ');
    expect(await log.textContent()).toContain('Đã gửi');
    await screenshot(page, 'portal-sync-dossier-notifications');
    await page.context().close();
  });

  it('the specialist, department head and leader process and approve it', async () => {
    const specialist = await signedIn(h.browser, h.baseUrl, 'chuyenvien.benthanh');
    await specialist.goto(dossierUrl);
    await act(specialist, 'Nhận xử lý', 'Đang xử lý');
    await act(specialist, 'Chuyển bước tiếp theo', 'Đang xử lý');
    await specialist.context().close();
    const head = await signedIn(h.browser, h.baseUrl, 'truongphong.benthanh');
    await head.goto(dossierUrl);
    await act(head, 'Chuyển bước tiếp theo', 'Đang xử lý');
    await head.context().close();
    const leader = await signedIn(h.browser, h.baseUrl, 'lanhdao.benthanh');
    await leader.goto(dossierUrl);
    await act(leader, 'Phê duyệt', 'Đang xử lý');
    await leader.context().close();
  });

  it('the specialist issues the result file and reception returns it', async () => {
    const specialist = await signedIn(h.browser, h.baseUrl, 'chuyenvien.benthanh');
    await specialist.goto(dossierUrl);
    await specialist.getByRole('button', { name: 'Ban hành kết quả', exact: true }).click();
    const dialog = specialist.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(pdf('giay-khai-sinh.pdf'));
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect
      .poll(
        () =>
          specialist
            .locator('.mantine-Badge-root')
            .allTextContents()
            .catch(() => []),
        { timeout: 15_000 },
      )
      .toContain('Đã có kết quả');
    await specialist.context().close();
    const reception = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await reception.goto(dossierUrl);
    await act(reception, 'Trả kết quả', 'Đã trả kết quả');
    await reception.context().close();
  });

  it('the portal’s page shows every status of the dossier, in order, with the result file', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${h.portalUrl}/nop-ho-so`);
    await page.getByLabel('Mã hồ sơ trên Cổng').fill(portalCode);
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Tra cứu' }).click();
          return page.locator('#statuses tbody').textContent();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain('10 — ');
    const statuses = await page.locator('#statuses tbody tr td:nth-child(3)').allTextContents();
    expect(statuses.map((s) => Number(s.split(' ')[0]))).toEqual([1, 2, 4, 9, 10]);
    expect(await page.locator('#statuses tbody').textContent()).toContain('giay-khai-sinh.pdf');
    await screenshot(page, 'portal-sync-portal-statuses');
    await page.close();
    // The applicant's mailbox (the mail catcher) got the receipt and the result, once each.
    const mail = (await (await fetch(`${h.notifyUrl}/sim/mail?to=${email}`)).json()) as {
      items: Array<{ subject: string; requests: number }>;
    };
    const subjects = mail.items.map((m) => m.subject);
    expect(subjects.some((s) => s.startsWith('Đã tiếp nhận hồ sơ X79.26743-'))).toBe(true);
    expect(subjects.some((s) => s.startsWith('Đã trả kết quả hồ sơ'))).toBe(true);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('the administrator sees the sync per destination and the (empty) dead-letter list', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'admin');
    await page.goto(`${h.baseUrl}/admin/sync`);
    await page.getByTestId('destination-portal').waitFor();
    expect(await page.getByTestId('destination-portal').textContent()).toContain('Bình thường');
    expect(await page.getByTestId('portal-import').textContent()).toMatch(/Đã nhận: 1/);
    await screenshot(page, 'portal-sync-supervision');
    await page.goto(`${h.baseUrl}/admin/sync/dead-letters`);
    await page.getByText('Không có bản tin nào gửi lỗi.').waitFor();
    await page.goto(`${h.baseUrl}/admin/sync/mailbox`);
    await expect.poll(() => page.locator('main').textContent()).toContain(email);
    await screenshot(page, 'portal-sync-mailbox');
    await page.context().close();
  });
  it('a dossier with a commune code that cannot be mapped waits for review; the administrator routes it to Bến Thành', async () => {
    const res = await fetch(`${h.portalUrl}/sim/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        MaTTHC: '1.001193',
        MaDonVi: '99999',
        ChuHoSo: { HoTen: 'Lê Văn Chuyển', SoDinhDanh: '079190099999', SoDienThoai: '0912000999' },
        TepDinhKem: [
          {
            TenTep: 'to-khai-chuyen.pdf',
            MaThanhPhan: 'c04',
            LoaiTep: 'application/pdf',
            NoiDung: pdf('to-khai-chuyen.pdf').buffer.toString('base64'),
          },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const code = ((await res.json()) as { MaHoSoQG: string }).MaHoSoQG;
    const page = await signedIn(h.browser, h.baseUrl, 'admin');
    await page.goto(`${h.baseUrl}/workspace/online-dossiers`);
    await expect.poll(() => page.locator('tbody').textContent(), { timeout: 20_000 }).toContain(code);
    const row = page.locator('tbody tr', { hasText: code });
    expect(await row.textContent()).toContain('Cần xem xét');
    await screenshot(page, 'portal-sync-review-list');
    await row.getByRole('button', { name: /Chọn đơn vị/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // No successors (the code is unknown): a province, then any of its communes.
    await dialog.getByLabel('Tỉnh, thành phố').click();
    await dialog.getByLabel('Tỉnh, thành phố').fill('Hồ Chí Minh');
    await page
      .getByRole('option', { name: /Hồ Chí Minh/ })
      .first()
      .click();
    await dialog.getByLabel('Đơn vị tiếp nhận').click();
    await dialog.getByLabel('Đơn vị tiếp nhận').fill('Bến Thành');
    await page
      .getByRole('option', { name: /Phường Bến Thành/ })
      .first()
      .click();
    await screenshot(page, 'portal-sync-route-dialog');
    await dialog.getByRole('button', { name: 'Chuyển và nhập hồ sơ' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining(`Đã chuyển hồ sơ ${code}`));
    await screenshot(page, 'portal-sync-routed');
    await page.context().close();

    // It is now in Bến Thành's queue, with the file fetched again from the portal.
    const reception = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await reception.goto(`${h.baseUrl}/workspace/online-dossiers`);
    await expect.poll(() => reception.locator('tbody').textContent(), { timeout: 20_000 }).toContain(code);
    await reception.locator('tbody tr', { hasText: code }).getByRole('link').click();
    await reception.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    await expect.poll(() => reception.getByText('to-khai-chuyen.pdf').count()).toBeGreaterThan(0);
    await reception.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../apps/api/src/slips/pdf-text.js';

import { fetchIn, pdfScreenshot, signedIn } from './support/browser.js';
import { type Harness, screenshot, startHarness } from './support/harness.js';

/** The supervision tables want a wider screen than a counter's. */
const signedIn1280 = (b: Browser, url: string, user: string) => signedIn(b, url, user, { width: 1280, height: 900 });

/** Pick a procedure at the counter by typing (a name or a code) and choosing the first answer. */
async function pickProcedure(page: Page, typed: string) {
  const input = page.getByRole('textbox', { name: 'Thủ tục' });
  await input.fill(typed);
  const first = page.getByRole('option').first();
  await first.waitFor();
  await first.click();
  await page.getByTestId('reception-checklist').waitFor();
}

/** Tick "Có" on every row that is always required (conditional rows start "not applicable" and stay so). */
async function tickRequired(page: Page) {
  const rows = page.getByTestId('reception-checklist').locator('tbody tr');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    if ((await row.textContent())?.includes('Nếu:')) continue;
    await row.getByText('Có', { exact: true }).click();
  }
}

/** Labels of the action buttons the detail page offers to the signed-in official. */
async function offered(page: Page): Promise<string[]> {
  const bar = page.getByTestId('dossier-actions');
  await bar.waitFor();
  return (await bar.getByRole('button').allTextContents()).map((x) => x.trim());
}

/** Click an action button of the detail page, confirm its dialog, wait for the new status badge. */
async function act(
  page: Page,
  action: string,
  status: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.locator('.mantine-Badge-root').first().textContent()).toBe(status);
}

describe('dossier journey: counter receipt → processing → approval → result returned → public lookup → supervision', () => {
  let h: Harness;
  let dossierUrl = '';
  let code = '';
  let id = '';
  const applicant = { fullName: 'Nguyễn Thị Ánh Tuyết', phone: '0987654321', idNumber: '079190012345' };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the reception official sees a queue of demo dossiers', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers`);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.locator('tbody').textContent()).toContain('Đã có kết quả');
    await screenshot(page, 'dossiers-queue-reception');
    await page.getByText('Quá hạn', { exact: true }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Phan Quốc Bảo');
    await page.context().close();
  });

  it('receives a dossier at the counter for someone else: checklist, receipt with due date, receipt PDF', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    await pickProcedure(page, '1.001193');
    await expect.poll(() => page.getByText('Thủ tục đăng ký khai sinh').count()).toBeGreaterThan(0);
    await tickRequired(page);
    await expect.poll(() => page.getByText('Hồ sơ đầy đủ: có thể tiếp nhận.').count()).toBe(1);
    // complete but no name yet: the buttons are off and the page says why (it only showed three grey buttons)
    expect(await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('reception-name-first').textContent()).toContain('Nhập họ và tên người nộp');
    await page.getByLabel(/^Họ và tên/).fill(applicant.fullName);
    expect(await page.getByTestId('reception-name-first').count()).toBe(0);
    await page.getByLabel('Số định danh / CCCD').fill(applicant.idNumber);
    await page.getByLabel('Điện thoại').fill(applicant.phone);
    await page.getByLabel(/^Nộp thay/).check();
    await page.getByLabel('Họ tên người nộp thay').fill('Nguyễn Văn Bình');
    await page.getByLabel('Quan hệ với chủ hồ sơ').fill('chồng');
    await screenshot(page, 'dossiers-reception-form');
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await (await popup).close(); // the receipt opens in a new tab for printing
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    dossierUrl = page.url();
    id = dossierUrl.split('/').at(-1)!;
    await expect.poll(() => page.locator('h2').first().textContent()).toMatch(/^X79\.26743-\d{6}-01\d{4}$/);
    code = (await page.locator('h2').first().textContent())!;
    expect(await page.locator('.mantine-Badge-root').first().textContent()).toBe('Đã tiếp nhận');
    const body = (await page.locator('main, body').first().textContent())!;
    expect(body).toContain('Hẹn trả');
    expect(body).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/20\d{2}/);
    expect(body).toContain('↳ Nguyễn Văn Bình');
    await screenshot(page, 'dossiers-detail-received');

    // The receipt (form 01) as the official's browser downloads it: a PDF with the code, due date and Vietnamese intact.
    const slip = await fetchIn(page, `/api/dossiers/${id}/slips/receipt`);
    expect(slip.status).toBe(200);
    expect(slip.type).toBe('application/pdf');
    const pdf = Buffer.from(slip.body, 'base64');
    const text = (await pdfText(pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain(code);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(applicant.fullName);
    expect(text).toContain('Nguyễn Văn Bình (chồng)');
    await pdfScreenshot(pdf, 'dossiers-slip-receipt');

    // Only what reception may do now: take step 1, forward, stop; never the leader's approval.
    const forReception = await offered(page);
    expect(forReception).toContain('Nhận xử lý');
    expect(forReception).not.toContain('Phê duyệt');
    expect(forReception).not.toContain('Phân công');
    expect(forReception).not.toContain('Ban hành kết quả');
    // Step 1 is reception's: take it and hand the dossier over to the specialist's step.
    await act(page, 'Nhận xử lý', 'Đang xử lý');
    await act(page, 'Chuyển bước tiếp theo', 'Đang xử lý', (d) => d.getByLabel('Ghi chú').fill('Đã số hóa hồ sơ'));
    expect(await page.getByTestId('dossier-awaiting').textContent()).toContain('2. Thẩm định, xử lý hồ sơ');
    await page.context().close();
  });

  it('the specialist claims it and hands it on to the review step', async () => {
    const specialist = await signedIn1280(h.browser, h.baseUrl, 'chuyenvien.benthanh');
    await specialist.goto(`${h.baseUrl}/workspace/dossiers`);
    await specialist.getByText('Chưa phân công', { exact: true }).click();
    await expect.poll(() => specialist.locator('tbody').textContent()).toContain(code);
    await specialist.goto(dossierUrl);
    await act(specialist, 'Nhận xử lý', 'Đang xử lý');
    expect(await specialist.getByText('Người xử lý: Lê Văn Hùng').count()).toBe(1);
    await act(specialist, 'Chuyển bước tiếp theo', 'Đang xử lý', (d) => d.getByLabel('Ghi chú').fill('Đủ điều kiện'));
    await specialist.context().close();
  });

  it('the department head hands it on; reception sees no approval, the leader approves', async () => {
    // Step 3 is the department head's review; then the dossier reaches the leader's approval step.
    const head = await signedIn1280(h.browser, h.baseUrl, 'truongphong.benthanh');
    await head.goto(dossierUrl);
    expect(await offered(head)).not.toContain('Phê duyệt');
    await act(head, 'Chuyển bước tiếp theo', 'Đang xử lý', (d) => d.getByLabel('Ghi chú').fill('Trình ký'));
    await head.context().close();

    // Reception sees no approval; the leader does, and not the specialist's or reception's work.
    const reception = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await reception.goto(dossierUrl);
    await reception.getByTestId('no-actions').or(reception.getByTestId('dossier-actions')).first().waitFor();
    expect(await offered(reception)).not.toContain('Phê duyệt');
    await reception.context().close();
    const leader = await signedIn1280(h.browser, h.baseUrl, 'lanhdao.benthanh');
    await leader.goto(dossierUrl);
    const forLeader = await offered(leader);
    expect(forLeader).toContain('Phê duyệt');
    expect(forLeader).not.toContain('Trả kết quả');
    await screenshot(leader, 'dossiers-detail-leader-actions');
    await act(leader, 'Phê duyệt', 'Đang xử lý', (d) => d.getByLabel('Ghi chú').fill('Đồng ý'));
    await leader.context().close();
  });

  it('the specialist issues the result with its file', async () => {
    const specialist = await signedIn1280(h.browser, h.baseUrl, 'chuyenvien.benthanh');
    await specialist.goto(dossierUrl);
    await specialist.getByRole('button', { name: 'Ban hành kết quả', exact: true }).click();
    const dialog = specialist.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'giay-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Giấy khai sinh bản điện tử\n%%EOF\n'),
    });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => specialist.locator('.mantine-Badge-root').first().textContent()).toBe('Đã có kết quả');
    expect(await specialist.getByText(/giay-khai-sinh\.pdf/).count()).toBe(1);
    await specialist.context().close();
  });

  it('reception returns the result at the counter; the control sheet and timeline show every hand-over', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(dossierUrl);
    await act(page, 'Trả kết quả', 'Đã trả kết quả');
    const body = (await page.locator('body').textContent())!;
    for (const label of ['Tiếp nhận', 'Nhận xử lý', 'Phê duyệt', 'Ban hành kết quả', 'Trả kết quả']) {
      expect(body).toContain(label);
    }
    await screenshot(page, 'dossiers-detail-returned');
    const sheet = await fetchIn(page, `/api/dossiers/${id}/slips/control-sheet`);
    expect(sheet.status).toBe(200);
    const pdf = Buffer.from(sheet.body, 'base64');
    expect((await pdfText(pdf)).text.replace(/\s+/g, ' ')).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    await pdfScreenshot(pdf, 'dossiers-slip-control-sheet');
    await page.context().close();
  });

  it('the public lookup by code + phone shows the timeline and lets the applicant rate', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${h.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}`);
    expect(await page.getByLabel(/^Mã hồ sơ/).inputValue()).toBe(code);
    await page.getByLabel(/^Số điện thoại, số định danh/).fill('0911 111 111');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tìm thấy');
    await page.getByLabel(/^Số điện thoại, số định danh/).fill(applicant.phone);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByText('Đã trả kết quả').count()).toBeGreaterThan(0);
    const body = (await page.locator('body').textContent())!;
    expect(body).toContain('N. T. A. Tuyết');
    expect(body).not.toContain(applicant.idNumber);
    expect(body).toContain('Phường Bến Thành');
    expect(await page.locator('.mantine-Timeline-item').count()).toBeGreaterThanOrEqual(3);
    // Who opened the dossier (issue 16): the officials of this journey, as office and role, never by name.
    const tracker = page.getByRole('region', { name: 'Ai đã mở hồ sơ của tôi' });
    await expect.poll(() => tracker.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    const trackerText = (await tracker.textContent())!;
    expect(trackerText).toContain('Cán bộ tiếp nhận (một cửa)');
    expect(trackerText).toContain('Xem hồ sơ');
    expect(trackerText).toMatch(/Phường Bến Thành/);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByText('Cảm ơn ông/bà đã đánh giá.').count()).toBe(1);
    await screenshot(page, 'dossiers-lookup-public');
    const phone = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const small = await phone.newPage();
    await small.goto(`${h.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await small.getByLabel(/^Số điện thoại, số định danh/).fill(applicant.phone);
    await small.getByRole('button', { name: 'Tra cứu' }).click();
    // On a phone the answer is brought up under the header and focused (it stayed below the fold, nothing seemed to happen)
    const result = small.getByTestId('lookup-result');
    await result.waitFor();
    await expect.poll(() => result.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
    expect(await small.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lookup-result');
    await screenshot(small, 'dossiers-lookup-result-phone');
    await expect.poll(() => small.getByRole('region', { name: 'Ai đã mở hồ sơ của tôi' }).count()).toBe(1);
    await small.getByRole('region', { name: 'Ai đã mở hồ sơ của tôi' }).scrollIntoViewIfNeeded();
    await screenshot(small, 'dossiers-lookup-access-log-phone');
    await phone.close();

    // The documented demo dossier of the seed (README): code + phone.
    await page.goto(`${h.baseUrl}/tra-cuu`);
    await page.getByLabel(/^Mã hồ sơ/).fill('X79.26743-261102-010001');
    await page.getByLabel(/^Số điện thoại, số định danh/).fill('0912345678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByText('Thủ tục đăng ký khai sinh').count()).toBe(1);
    expect(await page.locator('body').textContent()).toContain('Đã trả kết quả');
    await screenshot(page, 'dossiers-lookup-demo');
    await ctx.close();
  });

  it('an official of another commune is refused and sees nothing of the dossier', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.hoankiem');
    for (const url of [`/api/dossiers/${id}`, `/api/dossiers/${id}/slips/receipt`, `/api/dossiers/${id}/candidates`]) {
      const r = await fetchIn(page, url);
      expect([403, 404], url).toContain(r.status);
      const text = Buffer.from(r.body, 'base64').toString('utf8');
      expect(text).not.toContain(applicant.fullName);
      expect(text).not.toContain(applicant.phone);
      expect(text).not.toContain(code);
    }
    const list = await fetchIn(page, `/api/dossiers?view=all&q=${encodeURIComponent(code)}`);
    expect(list.status).toBe(200);
    expect(JSON.parse(Buffer.from(list.body, 'base64').toString('utf8'))).toEqual({
      items: [],
      total: 0,
      totalCapped: false,
    });
    const write = await page.evaluate(async (u) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch(u, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ reason: 'Thử dừng hồ sơ của phường khác' }),
      });
      return { status: r.status, body: await r.text() };
    }, `/api/dossiers/${id}/stop`);
    expect(write.status).toBe(403);
    expect(write.body).not.toContain(applicant.fullName);
    // The workspace page shows the refusal, not the dossier.
    await page.goto(dossierUrl);
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).not.toContain(applicant.fullName);
    await screenshot(page, 'dossiers-other-commune-refused');
    await page.context().close();
  });

  it('the province supervisor opens it from the workspace: a row per commune, on-time bars, overdue links', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'giamsat.hcm');
    await page.goto(`${h.baseUrl}/workspace`);
    await page.getByRole('link', { name: 'Giám sát hồ sơ trên địa bàn' }).click();
    await page.waitForURL(/\/workspace\/supervision$/);
    await expect.poll(() => page.getByTestId('supervision-table').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Giám sát giải quyết hồ sơ');
    const benThanh = page.getByTestId('supervision-table').locator('tr[data-unit="26743"]');
    await expect.poll(() => benThanh.count(), { timeout: 15_000 }).toBe(1);
    expect(await benThanh.textContent()).toContain('Bến Thành');
    // The province box names the province the figures cover, as the date boxes name the period.
    await expect
      .poll(() => page.getByLabel('Tỉnh, thành phố', { exact: true }).first().inputValue())
      .toContain('Hồ Chí Minh');
    // No commune of another province.
    expect(await page.getByTestId('supervision-table').locator('tr[data-unit="00070"]').count()).toBe(0);
    // The bar says what it shows.
    expect(await page.getByRole('img', { name: /Trong hạn .*: \d+; quá hạn .*: \d+/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'dossiers-supervision-province');
    // The same figures as the API, and the overdue link opens that commune's overdue list.
    const api = await fetchIn(page, '/api/dossiers/stats');
    const stats = JSON.parse(Buffer.from(api.body, 'base64').toString('utf8'));
    const row = stats.rows.find((r: { code: string }) => r.code === '26743');
    expect(row.received).toBeGreaterThan(0);
    expect(await benThanh.locator('td').nth(1).textContent()).toBe(String(row.received));
    // The toggle reports by today's unit (the owner columns re-homing moves), kept in the URL.
    await page.locator('label', { hasText: 'Đơn vị hiện nay' }).click();
    await page.waitForURL(/by=current_unit/);
    await expect.poll(() => page.locator('thead').first().textContent()).toContain('Đơn vị hiện nay');
    const current = await fetchIn(page, '/api/dossiers/stats?by=current_unit');
    const currentStats = JSON.parse(Buffer.from(current.body, 'base64').toString('utf8'));
    expect(currentStats.by).toBe('current_unit');
    const currentRow = currentStats.rows.find((r: { code: string }) => r.code === '26743');
    await expect.poll(() => benThanh.locator('td').nth(1).textContent()).toBe(String(currentRow.received));
    await screenshot(page, 'dossiers-supervision-current-unit');
    await page.locator('label', { hasText: 'Đơn vị tại thời điểm tiếp nhận' }).click();
    await page.waitForURL((u) => !u.search.includes('by='));
    // The overdue link opens the list behind the figure: as many dossiers as it says.
    await benThanh.getByRole('button', { name: /Hồ sơ quá hạn/ }).click();
    const list = page.getByTestId('stats-list');
    await expect.poll(() => list.locator('tbody').textContent()).toContain('Phan Quốc Bảo');
    expect(await list.locator('tbody tr').count()).toBe(row.inProgress.overdue);
    await screenshot(page, 'dossiers-supervision-overdue-list');
    // Another province is refused.
    const other = await fetchIn(page, '/api/dossiers/stats?provinceCode=01');
    expect(other.status).toBe(403);
    expect(JSON.parse(Buffer.from(other.body, 'base64').toString('utf8')).code).toBe('OUT_OF_JURISDICTION');
    await page.context().close();
  });

  it('the national supervisor sees provinces and drills down; reception is refused', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'giamsat.quocgia');
    await page.goto(`${h.baseUrl}/workspace/supervision`);
    await expect
      .poll(() => page.getByTestId('supervision-table').locator('tr[data-unit="79"]').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByTestId('supervision-table').locator('thead').getByText('Tỉnh, thành phố').count()).toBe(1);
    await screenshot(page, 'dossiers-supervision-national');
    await page
      .getByTestId('supervision-table')
      .locator('tr[data-unit="79"]')
      .getByRole('link', { name: 'Xem theo xã, phường' })
      .click();
    await expect
      .poll(() => page.getByTestId('supervision-table').locator('tr[data-unit="26743"]').count(), { timeout: 15_000 })
      .toBe(1);
    await page.context().close();

    const reception = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    const denied = await fetchIn(reception, '/api/dossiers/stats');
    expect(denied.status).toBe(403);
    expect(JSON.parse(Buffer.from(denied.body, 'base64').toString('utf8')).code).toBe('FORBIDDEN');
    await reception.goto(`${h.baseUrl}/workspace/supervision`);
    await expect.poll(() => reception.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await reception.getByTestId('supervision-table').count()).toBe(0);
    await reception.context().close();
  });

  it('a procedure without a time limit: reception enters one, and the due date follows it', async () => {
    const page = await signedIn1280(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/dossiers/new`);
    // 1.001570 (household business pause) has no time limit in the catalog for any channel.
    await pickProcedure(page, '1.001570');
    await expect.poll(() => page.getByTestId('reception-time-limit').count()).toBe(1);
    await tickRequired(page);
    await page.getByLabel(/^Họ và tên/).fill('Đoàn Văn Hậu');
    await page.getByLabel('Điện thoại').fill('0912000111');
    // Without a limit the server refuses with its reason.
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'phải nhập thời hạn giải quyết' }).count())
      .toBe(1);
    await page.getByLabel('Số lượng').fill('5');
    await screenshot(page, 'dossiers-reception-time-limit');
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await (await popup).close();
    await page.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1)!;
    const res = await fetchIn(page, `/api/dossiers/${id}`);
    const d = JSON.parse(Buffer.from(res.body, 'base64').toString('utf8'));
    expect(d.duration).toEqual({ value: 5, unit: 'working_days' });
    expect(d.dueAt).toMatch(/^20\d\d-/);
    await page.context().close();
  });
});

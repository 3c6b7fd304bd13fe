import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

// A 1×1 PNG, as a phone photo looks to the server.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PUBLIC_QUESTION = 'Hồ sơ sang tên sổ đỏ bị trễ hẹn thì phản ánh ở đâu, bao lâu có trả lời?';

/**
 * A citizen sends a complaint with a photo and a place on the map → the hotline operator routes it → the
 * specialist drafts the answer → the leader approves and publishes it → the assistant finds the published answer.
 */
describe('feedback journey (PAKN)', () => {
  let h: Harness;
  let citizen: Page;
  let trackUrl = '';
  let detailUrl = '';
  beforeAll(async () => {
    // With the notification simulators and dispatchers: the citizen's SMS are really delivered.
    h = await startHarness({ sync: true });
    citizen = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 300_000); // start-up (migrations, master data, demo seed, simulators) is slow on a loaded machine
  afterAll(async () => {
    await h?.close();
  });

  const official = async (username: string) => {
    const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await loginAs(page, h.baseUrl, username);
    return page;
  };

  it('a citizen sends a complaint with a photo and a place on the map', async () => {
    await citizen.goto(`${h.baseUrl}/phan-anh`);
    await citizen.getByRole('textbox', { name: 'Loại' }).click();
    await citizen.getByRole('option', { name: 'Phản ánh, khiếu nại' }).click();
    await citizen.getByLabel('Tiêu đề').fill('Hồ sơ sang tên sổ đỏ trễ hẹn');
    await citizen.getByLabel('Nội dung').fill('Hồ sơ sang tên sổ đỏ của tôi đã quá hẹn 5 ngày mà chưa có thông báo.');
    // The commune by its name, accents optional (its code is the secondary detail).
    await citizen.getByRole('textbox', { name: /^Xã, phường nơi xảy ra sự việc/ }).fill('ben thanh');
    await citizen.getByRole('option', { name: /Phường Bến Thành.*\(26743\)/ }).click();
    await citizen.getByLabel('Lĩnh vực').fill('Đất đai');
    await citizen.getByLabel('Họ và tên').fill('Đặng Thị Hoa');
    await citizen.getByLabel('Số điện thoại').fill('0909123456');
    await citizen
      .locator('input[type="file"]')
      .setInputFiles({ name: 'tre-hen.png', mimeType: 'image/png', buffer: PHOTO });
    await citizen.locator('figure svg path').first().waitFor({ timeout: 20_000 });
    const map = await citizen.locator('figure svg').boundingBox();
    expect(map).not.toBeNull();
    await citizen.mouse.click(map!.x + map!.width * 0.36, map!.y + map!.height * 0.8);
    await citizen.getByText('Đã chọn vị trí').waitFor({ timeout: 45_000 });
    await screenshot(citizen, 'feedback-form');
    await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();
    const done = citizen.getByText(/Đã gửi\. Mã phản ánh PA-79-/);
    await done.waitFor({ timeout: 20_000 });
    trackUrl = (await citizen.getByRole('link', { name: 'Theo dõi phản ánh' }).getAttribute('href')) ?? '';
    expect(trackUrl).toMatch(/^\/phan-anh\/[\w-]{16,}$/);
    await screenshot(citizen, 'feedback-sent');
  });

  it('the hotline operator finds it in the queue and routes it', async () => {
    const page = await official('tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}/workspace/feedback`);
    await page
      .getByRole('link', { name: /^PA-79-/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await page.getByLabel('Tìm theo mã hoặc tiêu đề').fill('sang ten so do');
    await expect.poll(() => page.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, 'feedback-queue');
    await page.getByRole('link', { name: /^PA-79-/ }).click();
    await page.getByLabel('Mã đơn vị nhận').fill('26743');
    await page.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await page.getByText('Chuyển đơn vị', { exact: true }).first().waitFor({ timeout: 45_000 });
    await expect.poll(() => page.locator('.mantine-Timeline-item').count(), { timeout: 15_000 }).toBe(2);
    detailUrl = page.url();
    await page.context().close();
  });

  it('the specialist accepts it, starts and drafts the answer', async () => {
    const page = await official('chuyenvien.benthanh');
    await page.goto(detailUrl);
    await page.getByRole('button', { name: 'Thụ lý' }).click();
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    // The step's answer resets the text field: fill it once the step is in the history.
    await expect.poll(() => page.locator('.mantine-Timeline-item').count(), { timeout: 45_000 }).toBe(4);
    await page
      .getByLabel('Nội dung (lý do, yêu cầu, trả lời)')
      .fill(
        'Trung tâm đã kiểm tra: hồ sơ chờ ý kiến của cơ quan thuế; kết quả trả ngày 20. Phản ánh trễ hẹn gửi tại trang Phản ánh, trả lời trong 15 ngày làm việc.',
      );
    await page.getByRole('button', { name: 'Gửi dự thảo trả lời' }).click();
    await page.getByText('Dự thảo trả lời', { exact: true }).waitFor({ timeout: 45_000 });
    await screenshot(page, 'feedback-drafted');
    await page.context().close();
  });

  it('the leader approves and publishes the answer', async () => {
    const page = await official('lanhdao.benthanh');
    await page.goto(detailUrl);
    await page.getByRole('button', { name: 'Duyệt và gửi trả lời' }).click();
    await page.getByLabel('Câu hỏi khi công khai').fill(PUBLIC_QUESTION);
    await page.getByRole('button', { name: 'Công khai trả lời' }).click();
    await page.getByText('Đã công khai', { exact: true }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'feedback-published');
    await page.context().close();
  });

  it('the citizen reads the answer and rates it; the assistant and the Q&A page find the published answer', async () => {
    await citizen.goto(`${h.baseUrl}${trackUrl}`);
    await citizen.getByText('cơ quan thuế').waitFor({ timeout: 15_000 });
    await citizen.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await citizen.getByText('Bạn đã đánh giá: Hài lòng').waitFor({ timeout: 45_000 });
    await citizen.goto(`${h.baseUrl}/assistant`);
    await citizen
      .getByLabel(/Câu hỏi/)
      .first()
      .fill('so do tre hen phan anh o dau');
    await citizen.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const faq = citizen.getByTestId('faq-cards');
    await faq.waitFor({ timeout: 20_000 });
    expect(await faq.textContent()).toContain(PUBLIC_QUESTION);
    expect(await faq.textContent()).toContain('Nguồn: phản ánh, kiến nghị đã trả lời và công khai');
    await screenshot(citizen, 'feedback-assistant-faq');
    await citizen.goto(`${h.baseUrl}/hoi-dap`);
    await citizen.getByLabel('Tìm câu hỏi').fill('khai sinh so ho khau');
    await citizen.getByText('Làm giấy khai sinh cho con có cần mang sổ hộ khẩu không?').waitFor({ timeout: 15_000 });
    await screenshot(citizen, 'feedback-answers');
  });

  it("the citizen's phone received the receipt, the acceptance and the answer by SMS, once each", async () => {
    type Sms = { items: Array<{ text: string; requests: number }> };
    const sms = async () => (await (await fetch(`${h.notifyUrl}/sim/sms?to=0909123456`)).json()) as Sms;
    await expect
      .poll(async () => (await sms()).items.map((m) => m.text), { timeout: 45_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Da nhan phan anh PA-79-/),
          expect.stringMatching(/^Phan anh PA-79-\S+ da duoc thu ly/),
          expect.stringMatching(/^Phan anh PA-79-\S+ da duoc tra loi/),
        ]),
      );
    const items = (await sms()).items;
    expect(items.every((m) => m.requests === 1)).toBe(true);
    expect(items.find((m) => m.text.includes('da duoc tra loi'))!.text).toContain('/phan-anh/');
  });

  it('the center director edits a routing rule on the administration page (desktop and phone)', async () => {
    const page = await official('giamdoc.benthanh');
    await page.goto(`${h.baseUrl}/workspace`);
    await page.getByTestId('feedback-rules-link').click();
    const table = page.getByRole('table', { name: 'Quy tắc chuyển phản ánh, kiến nghị' });
    await table.getByText('Đất đai').waitFor({ timeout: 20_000 });
    await screenshot(page, 'feedback-routing-rules');
    await table.getByRole('button', { name: 'Sửa' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Thứ tự ưu tiên').fill('40');
    await screenshot(page, 'feedback-routing-rule-edit');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await table.getByRole('cell', { name: '40', exact: true }).waitFor({ timeout: 20_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'feedback-routing-rules-phone');
    await page.context().close();
  });

  it('the supervisor reads indicators 5.2 and 5.3 per unit on the supervision page (desktop and phone)', async () => {
    const page = await official('giamsat.hcm');
    await page.goto(`${h.baseUrl}/workspace/supervision`);
    const section = page.getByTestId('feedback-index');
    await section.getByTestId('feedback-index-table').waitFor({ timeout: 30_000 });
    const row = section.locator('tr[data-unit="26743"]');
    await row.waitFor({ timeout: 20_000 });
    expect(await section.textContent()).toContain('Chỉ số 5.2: đúng hạn');
    expect(await row.textContent()).toMatch(/%/);
    await screenshot(page, 'feedback-index-supervision');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'feedback-index-supervision-phone');
    await page.context().close();
  });
});

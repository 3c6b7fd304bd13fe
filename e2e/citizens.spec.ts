import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSignIn } from './support/citizen-sign-in.js';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const HOA = '079190001234';
const KHOA = '079095004321';

/** A citizen on a cheap phone: signs in with the electronic identity, submits online, answers a supplement. */
describe('citizen online journey (phone)', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let dossierUrl = '';
  const files = join(tmpdir(), `motcua-e2e-${process.pid}`);

  beforeAll(async () => {
    h = await startHarness();
    ctx = await h.browser.newContext(PHONE);
    page = await ctx.newPage();
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'to-khai.pdf'), '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    writeFileSync(
      join(files, 'giay-chung-sinh.png'),
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('signs in through the local provider and sees her dossiers (the demo one included)', async () => {
    await citizenSignIn(page, h.baseUrl, HOA);
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toMatch(/X79\.26743-261102-010001|khai sinh/i);
    await screenshot(page, 'citizen-my-dossiers');
  });

  it('starts a birth registration online: e-form and two uploads kept in a server-side draft', async () => {
    await page.goto(`${h.baseUrl}/procedures/1.001193`);
    await page.locator('a[href="/nop-truc-tuyen/1.001193"]').click();
    await expect
      .poll(() => page.getByLabel('Họ và tên').first().inputValue(), { timeout: 15_000 })
      .toBe('Nguyễn Thị Hoa');
    const unit = page.getByRole('textbox', { name: 'Nơi nộp hồ sơ (xã, phường)' });
    // "Xem lại" before a commune is chosen says so at the field and takes the citizen there (it was a grey button)
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.getByText('Chọn xã, phường nơi nộp hồ sơ (gõ tên để tìm).').waitFor();
    await expect.poll(() => unit.evaluate((e) => e === document.activeElement)).toBe(true);
    await unit.fill('Ben Thanh');
    await page
      .getByRole('option', { name: /Bến Thành/ })
      .first()
      .click();
    // The e-form of the birth registration: the child's section now, the rest on another device.
    await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên', exact: true }).fill('Trần Gia Bảo');
    await page.getByLabel('Giới tính').selectOption('nam');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-02');
    await page.getByLabel('Nơi sinh').fill('Bệnh viện Từ Dũ');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByLabel('Quốc tịch').fill('Việt Nam');
    const inputs = page.locator('input[type=file]');
    await inputs.nth(0).setInputFiles(join(files, 'to-khai.pdf'));
    await expect.poll(() => page.getByText('to-khai.pdf').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await inputs.nth(1).setInputFiles(join(files, 'giay-chung-sinh.png'));
    await expect.poll(() => page.getByText('giay-chung-sinh.png').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Đã lưu bản nháp lúc/).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, 'citizen-online-form');
  });

  it('resumes the draft on another device from "Hồ sơ của tôi", completes the e-form and sends it', async () => {
    const other = await h.browser.newContext(PHONE);
    const p = await other.newPage();
    await citizenSignIn(p, h.baseUrl, HOA);
    await expect.poll(() => p.getByText('Bản nháp chưa gửi').isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(p, 'citizen-drafts');
    await p.getByRole('link', { name: 'Tiếp tục' }).click();
    await expect
      .poll(() => p.getByRole('textbox', { name: 'Họ, chữ đệm, tên', exact: true }).inputValue(), { timeout: 15_000 })
      .toBe('Trần Gia Bảo');
    expect(await p.getByText('giay-chung-sinh.png').count()).toBeGreaterThan(0);
    // Sending with the mother's section empty: the form names what is missing, Vietnamese first.
    await p.getByRole('button', { name: 'Xem lại' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toMatch(/Tờ khai còn \d+ trường cần sửa/);
    await screenshot(p, 'citizen-eform-errors');
    await p.getByLabel('Họ, chữ đệm, tên của mẹ').fill('Nguyễn Thị Hoa');
    await p.getByLabel('Ngày sinh của mẹ').fill('1990-01-01');
    await p.getByLabel('Số định danh cá nhân của mẹ').fill('079190001234');
    const residence = p.locator('#eform-mother');
    await residence.getByRole('textbox', { name: 'Xã, phường' }).fill('Ben Thanh');
    await p
      .getByRole('option', { name: /Bến Thành/ })
      .first()
      .click();
    await residence.getByLabel('Số nhà, đường, thôn, tổ').fill('12 Lê Lợi');
    await p.getByLabel('Quan hệ với người được khai sinh').selectOption('me');
    await p.getByRole('button', { name: 'Xem lại' }).click();
    await expect.poll(() => p.getByText('Kiểm tra trước khi gửi').isVisible()).toBe(true);
    await expect.poll(() => p.getByRole('heading', { name: 'Tờ khai đăng ký khai sinh' }).isVisible()).toBe(true);
    await screenshot(p, 'citizen-online-review');
    await expect
      .poll(() => p.locator('#eform-summary-title').locator('..').textContent())
      .toMatch(/Nơi cư trú của mẹ12 Lê Lợi, Bến Thành/);
    await p.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await p.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]+\?moi=1/);
    dossierUrl = p.url().split('?')[0]!;
    await expect.poll(() => p.getByRole('status').textContent()).toMatch(/Đã gửi hồ sơ\. Mã hồ sơ: /);
    await expect.poll(() => p.getByText('Tải tờ khai (PDF)').isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(p, 'citizen-online-sent');
    const id = dossierUrl.split('/').pop()!;
    const pdf = await p.request.get(`${h.baseUrl}/api/citizen/dossiers/${id}/declaration`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // The draft is gone once sent.
    const gone = await p.request.get(`${h.baseUrl}/api/citizen/drafts/1.001193`);
    expect([gone.status(), await gone.text()]).toEqual([200, 'null']);
    await other.close();
  });

  it('the reception official asks for a supplement', async () => {
    const official = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(official, h.baseUrl, 'tiepnhan.benthanh');
    const id = dossierUrl.split('/').pop()!;
    await official.goto(`${h.baseUrl}/workspace/dossiers/${id}`);
    await expect.poll(() => official.locator('main').textContent(), { timeout: 15_000 }).toMatch(/Nguyễn Thị Hoa/);
    const csrf = await official.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken);
    const res = await official.request.post(`${h.baseUrl}/api/dossiers/${id}/supplement-request`, {
      headers: { 'x-csrf-token': csrf },
      data: { items: [{ key: 'c02', state: 'invalid', reason: 'Ảnh bị mờ, chụp lại rõ' }] },
    });
    expect(res.status()).toBe(200);
    await official.close();
  });

  it('the citizen sees what to do and answers the supplement online', async () => {
    await page.goto(dossierUrl);
    await expect.poll(() => page.getByText('Bổ sung hồ sơ trực tuyến').isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'citizen-supplement-asked');
    await page.locator('input[type=file]').first().setInputFiles(join(files, 'to-khai.pdf'));
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(() => page.getByText('Chờ tiếp nhận').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'citizen-supplement-answered');
  });

  it('the officials accept it and ask for a fee; the citizen pays it through the gateway simulator', async () => {
    const id = dossierUrl.split('/').pop()!;
    const act = async (
      username: string,
      path: string,
      data: (d: { components: Array<{ key: string }> }) => unknown,
    ) => {
      const off = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
      await loginAs(off, h.baseUrl, username);
      const csrf = await off.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken);
      const d = await (await off.request.get(`${h.baseUrl}/api/dossiers/${id}`)).json();
      const res = await off.request.post(`${h.baseUrl}/api/dossiers/${id}/${path}`, {
        headers: { 'x-csrf-token': csrf },
        data: data(d),
      });
      expect(res.status(), await res.text()).toBe(200);
      await off.close();
    };
    await act('tiepnhan.benthanh', 'accept', (d) => ({
      components: d.components.map((c) => ({ key: c.key, state: 'present' })),
    }));
    await act('chuyenvien.benthanh', 'financial-obligation', () => ({
      amount: 50_000,
      description: 'Lệ phí cấp bản sao',
    }));
    await page.goto(dossierUrl);
    await page.getByRole('button', { name: /Thanh toán 50\.000/ }).click();
    await expect.poll(() => page.getByText('Cổng thanh toán').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'citizen-pay-gateway');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL(/thanh-toan=success/);
    await expect.poll(() => page.getByText('Thanh toán thành công.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('Đã thanh toán trực tuyến').isVisible()).toBe(true);
    await screenshot(page, 'citizen-paid');
  });

  it('the officials process and return it; the citizen downloads the result and rates the service', async () => {
    const id = dossierUrl.split('/').pop()!;
    const officials = new Map<string, Page>();
    const as = async (username: string) => {
      let off = officials.get(username);
      if (!off) {
        off = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
        await loginAs(off, h.baseUrl, username);
        officials.set(username, off);
      }
      const csrf = await off.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken);
      return { off, headers: { 'x-csrf-token': csrf } };
    };
    // Each holder takes the current step and hands it on, as the unit's internal process says, then the leader
    // approves (the API the workspace pages call; dossiers.spec.ts walks the same process through the pages).
    const holders: Record<string, string> = {
      reception: 'tiepnhan.benthanh',
      specialist: 'chuyenvien.benthanh',
      department_head: 'truongphong.benthanh',
      leader: 'lanhdao.benthanh',
    };
    for (let guard = 0; guard < 8; guard++) {
      const { off } = await as('tiepnhan.benthanh');
      const d = await (await off.request.get(`${h.baseUrl}/api/dossiers/${id}`)).json();
      const step = d.currentStep as { order: number; role: string } | null;
      if (!step || d.status !== 'processing') break;
      const who = await as(holders[step.role]!);
      if (step.role === 'leader') {
        const r = await who.off.request.post(`${h.baseUrl}/api/dossiers/${id}/approve`, {
          headers: who.headers,
          data: {},
        });
        expect(r.status(), await r.text()).toBe(200);
        break;
      }
      for (const [path, data] of [
        ['claim', { stepOrder: step.order }],
        ['complete-step', { fromStep: step.order }],
      ] as const) {
        const r = await who.off.request.post(`${h.baseUrl}/api/dossiers/${id}/${path}`, { headers: who.headers, data });
        expect(r.status(), `${path} ${step.role}: ${await r.text()}`).toBe(200);
      }
    }
    const specialist = await as('chuyenvien.benthanh');
    const result = await specialist.off.request.post(`${h.baseUrl}/api/dossiers/${id}/result`, {
      headers: specialist.headers,
      multipart: {
        file: {
          name: 'trich-luc-khai-sinh.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
        },
      },
    });
    expect(result.status(), await result.text()).toBe(200);
    const reception = await as('tiepnhan.benthanh');
    const returned = await reception.off.request.post(`${h.baseUrl}/api/dossiers/${id}/return`, {
      headers: reception.headers,
      data: { method: 'online' },
    });
    expect(returned.status(), await returned.text()).toBe(200);
    for (const off of officials.values()) await off.close();

    await page.goto(dossierUrl);
    const download = page.getByRole('link', { name: 'trich-luc-khai-sinh.pdf' });
    await expect.poll(() => download.isVisible(), { timeout: 15_000 }).toBe(true);
    const file = await page.request.get(`${h.baseUrl}${await download.getAttribute('href')}`);
    expect(file.headers()['content-type']).toContain('application/pdf');
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình');
    await screenshot(page, 'citizen-rate');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect
      .poll(() => page.getByText('Bạn đã đánh giá: Hài lòng. Cảm ơn bạn!').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await screenshot(page, 'citizen-rated');
    // Feedback about this dossier opens with its code filled in.
    await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị về hồ sơ này' }).click();
    await expect.poll(() => page.url()).toContain('/phan-anh?ho-so=');
    const code = decodeURIComponent(page.url().split('ho-so=')[1]!);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Mã hồ sơ liên quan (nếu có)' }).inputValue(), { timeout: 15_000 })
      .toBe(code);
  });

  it('a second citizen cannot see the first one’s dossier, in the page or by a direct API call', async () => {
    const other = await h.browser.newContext(PHONE);
    const p2 = await other.newPage();
    await citizenSignIn(p2, h.baseUrl, KHOA);
    await p2.goto(dossierUrl);
    await expect.poll(() => p2.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/Không tìm thấy hồ sơ/);
    await screenshot(p2, 'citizen-other-not-found');
    const id = dossierUrl.split('/').pop()!;
    const api = await p2.request.get(`${h.baseUrl}/api/citizen/dossiers/${id}`);
    expect(api.status()).toBe(404);
    const official = await p2.request.get(`${h.baseUrl}/api/dossiers/${id}`);
    expect(official.status()).toBe(403);
    await other.close();
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, SCREENSHOT_DIR, screenshot, startHarness } from './support/harness.js';

/** The front desk from ticket to pickup: kiosk → display → counter → dossier → pickup; then an appointment. */
let h: Harness;
let kiosk: Page;
let tv: Page;
let counter: Page;
let ticketToken = '';
let dossierCode = '';

/** A JSON call from inside a page (same cookies; the CSRF token of the signed-in session on writes). */
const call = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const s: { csrfToken?: string } = await fetch('/api/auth/session').then((r) => (r.ok ? r.json() : {}));
      const r = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...(s.csrfToken ? { 'x-csrf-token': s.csrfToken } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: r.status, json: await r.json().catch(() => null) };
    },
    { method, url, body },
  );

async function pdfScreenshot(pdf: Buffer, name: string) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 2 });
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: unknown };
  };
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), canvas.toBuffer('image/png'));
  await doc.destroy();
}

beforeAll(async () => {
  h = await startHarness();
  kiosk = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
  tv = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  counter = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await h?.close();
});

describe('front desk: ticket to pickup', () => {
  it('the kiosk gives a ticket for a field, with the people ahead and a QR to follow it', async () => {
    await kiosk.goto(`${h.baseUrl}/lay-so`);
    await kiosk.getByRole('button', { name: /Tư pháp - Hộ tịch/ }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('1001');
    expect(await kiosk.getByTestId('ticket-card').textContent()).toContain('Trước quý khách: 0 người');
    await screenshot(kiosk, 'queue-kiosk-ticket');
    const href = await kiosk.getByRole('link', { name: 'In phiếu (80 mm)' }).getAttribute('href');
    ticketToken = href!.split('/')[4]!;
    const pdf = await kiosk.evaluate(async (u) => {
      const r = await fetch(u);
      return Array.from(new Uint8Array(await r.arrayBuffer()));
    }, href!);
    await pdfScreenshot(Buffer.from(pdf), 'queue-ticket-80mm');
  });

  it('the official takes counter 1 and calls: the hall display shows 1001 at counter 1', async () => {
    await tv.goto(`${h.baseUrl}/man-hinh`);
    await tv.locator('[data-connected="yes"]').waitFor();
    await loginAs(counter, h.baseUrl, 'tiepnhan.benthanh');
    await counter.goto(`${h.baseUrl}/workspace/quay`);
    await counter.getByRole('textbox', { name: 'Chọn quầy làm việc' }).click();
    await counter.getByRole('option', { name: /Quầy 1/ }).click();
    await counter.getByRole('button', { name: 'Nhận quầy' }).click();
    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await counter.getByTestId('counter-current').getByText('1001').waitFor();
    await tv.getByTestId('display-calling').getByText('1001').waitFor({ timeout: 10_000 });
    const row = await tv.getByTestId('display-calling').locator('tbody tr').first().textContent();
    expect(row).toBe('10011');
    await screenshot(tv, 'queue-display-tv');
    await screenshot(counter, 'queue-counter-called');
  });

  it('serving, the official receives a dossier; on finish the ticket is linked to it', async () => {
    await counter.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await counter.getByRole('button', { name: 'Kết thúc' }).waitFor();
    // The counter's checklist for this channel, as the server gives it: the rows needed are handed in.
    const checklist = await call(counter, 'POST', '/api/dossiers/checklist', {
      procedureCode: '1.001193',
      receivingUnitCode: '26743',
      channel: 'in_person',
    });
    const components = (checklist.json.rows as Array<{ key: string; initialState: string }>)
      .filter((r) => r.initialState === 'missing')
      .map((r) => ({ key: r.key, state: 'present' }));
    const r = await call(counter, 'POST', '/api/dossiers', {
      mode: 'receive',
      channel: 'in_person',
      procedureCode: '1.001193',
      receivingUnitCode: '26743',
      applicant: { fullName: 'Lê Thị Hoa', idNumber: '079190009999', phone: '0903111222' },
      components,
      returnMethod: 'counter',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    dossierCode = r.json.code;
    await screenshot(counter, 'queue-counter-serving');
    await counter.getByRole('button', { name: 'Kết thúc' }).click();
    await counter.getByText('Đã phục vụ hôm nay: 1').waitFor();
    const phone = await h.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${h.baseUrl}/so-thu-tu/${ticketToken}`);
    await phone.getByTestId('ticket-status').getByText('Đã phục vụ xong').waitFor();
    await phone.getByRole('link', { name: dossierCode }).waitFor();
    await screenshot(phone, 'queue-phone-follow');
    await phone.close();
  });

  it('later, a receipt slip with a ready result gets a pickup ticket from the kiosk', async () => {
    const list = await call(counter, 'GET', '/api/dossiers?view=all&status=result_ready&limit=5');
    const code = (list.json.items as Array<{ code: string }>)[0]!.code;
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk
      .getByLabel('Quét mã QR trên phiếu hẹn trả kết quả hoặc lịch hẹn')
      .fill(`${h.baseUrl}/tra-cuu?ma=${code}`);
    await kiosk.getByRole('button', { name: 'Lấy số', exact: true }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('4001');
    expect(await kiosk.getByTestId('ticket-card').textContent()).toContain(`Nhận kết quả hồ sơ ${code}`);
    await screenshot(kiosk, 'queue-kiosk-pickup');
  });
});

describe('front desk: appointment and QR check-in', () => {
  let token = '';
  let bookedToday = false;
  it('a citizen books the first free slot (today when the center is still open)', async () => {
    const page = await h.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${h.baseUrl}/dat-lich`);
    const center = await call(page, 'GET', '/api/queue/centers');
    const centerId = center.json.items[0].id as string;
    const groups = (await call(page, 'GET', `/api/queue/centers/${centerId}`)).json.groups as Array<{ id: string }>;
    let date = '';
    let start = '';
    for (let d = 0; d < 10 && !start; d++) {
      date = new Date(Date.now() + 7 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
      const slots = await call(
        page,
        'GET',
        `/api/queue/centers/${centerId}/slots?groupId=${groups[0]!.id}&date=${date}`,
      );
      start =
        (slots.json.slots as Array<{ start: string; available: number }>).find((x) => x.available > 0)?.start ?? '';
    }
    expect(start).not.toBe('');
    await page.getByText('Tư pháp - Hộ tịch').click();
    await page.getByRole('textbox', { name: 'Ngày' }).fill(date);
    await page.getByText(new RegExp(`^${start}–`)).click();
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await screenshot(page, 'queue-appointment-book');
    await page.getByRole('button', { name: 'Đặt lịch' }).click();
    await page.getByTestId('appointment-status').getByText('Đã đặt').waitFor();
    expect(await page.getByTestId('appointment-when').textContent()).toContain(start);
    token = (await page.getByTestId('appointment-token').textContent())!.trim();
    bookedToday = date === new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await screenshot(page, 'queue-appointment-booked');
    await page.close();
  });

  it('at the kiosk the booking QR becomes a priority ticket (on its day; another day is refused)', async () => {
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk
      .getByLabel('Quét mã QR trên phiếu hẹn trả kết quả hoặc lịch hẹn')
      .fill(`${h.baseUrl}/dat-lich/${token}`);
    await kiosk.getByRole('button', { name: 'Lấy số', exact: true }).click();
    if (!bookedToday) {
      await kiosk.getByRole('alert').getByText('Lịch hẹn không phải hôm nay', { exact: false }).waitFor();
      return;
    }
    await kiosk.getByText('Có lịch hẹn').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('1002');
    await screenshot(kiosk, 'queue-kiosk-check-in');
  });
});

describe('front desk: the director’s numbers', () => {
  it('shows wait and service time per group with a chart and the peak-hours map', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, h.baseUrl, 'giamdoc.benthanh');
    await page.goto(`${h.baseUrl}/workspace/quay/so-lieu`);
    await page.getByRole('heading', { name: 'Số liệu quầy tiếp nhận' }).waitFor();
    await page.getByRole('heading', { name: 'Giờ cao điểm theo thứ trong tuần (số lượt lấy số)' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.getByText('Từ lấy số đến trả kết quả').count()).toBe(1);
    await screenshot(page, 'queue-director-numbers');
    await page.close();
  });
});

import { shiftedClock, shiftIntoTicketingHours } from '@mot-cua/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfScreenshot } from './support/browser.js';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/** The front desk from ticket to pickup: kiosk → display → counter → dossier → pickup; then an appointment. */
let h: Harness;
let kiosk: Page;
let tv: Page;
let counter: Page;
let ticketToken = '';
let dossierCode = '';
let dossierId = '';
/** The kiosk issues tickets only in office hours: when the center is closed, the app's clock runs from its next opening. */
const clock = shiftedClock();
/** Today in Vietnam by the app's clock. */
const appToday = (plusDays = 0) =>
  new Date(clock.now().getTime() + 7 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
type Stats = {
  byGroup: Array<{ label: string; tickets: number; served: number }>;
  byCounter: Array<{ label: string; tickets: number; served: number }>;
  endToEnd: { dossiers: number; returned: number };
};
let centerId = '';
let statsBefore: Stats;

/** The director's numbers through the API (the page must show the same). */
async function directorStats(): Promise<Stats> {
  const login = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'giamdoc.benthanh', password: 'motcua2025' }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
  const r = await fetch(`${h.baseUrl}/api/queue/centers/${centerId}/stats`, { headers: { cookie } });
  return (await r.json()) as Stats;
}

async function pickProcedure(page: Page, typed: string) {
  await page.getByRole('textbox', { name: 'Thủ tục' }).fill(typed);
  await page.getByRole('option').first().click();
  await page.getByTestId('reception-checklist').waitFor();
}

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

/**
 * The dossier's processing through the API the workspace pages call: each holder takes the current step and hands
 * it on as the unit's internal process says, the leader approves, the specialist uploads the result.
 */
async function takeToResultReady(id: string) {
  const holders: Record<string, string> = {
    reception: 'tiepnhan.benthanh',
    specialist: 'chuyenvien.benthanh',
    department_head: 'truongphong.benthanh',
    leader: 'lanhdao.benthanh',
  };
  const pages = new Map<string, Page>();
  const as = async (username: string) => {
    let p = pages.get(username);
    if (!p) {
      p = await h.browser.newPage();
      await loginAs(p, h.baseUrl, username);
      pages.set(username, p);
    }
    return p;
  };
  for (let guard = 0; guard < 8; guard++) {
    const d = (await call(counter, 'GET', `/api/dossiers/${id}`)).json;
    const step = d.currentStep as { order: number; role: string } | null;
    if (!step || !['received', 'processing'].includes(d.status)) break;
    const who = await as(holders[step.role]!);
    if (step.role === 'leader') {
      const r = await call(who, 'POST', `/api/dossiers/${id}/approve`, {});
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      break;
    }
    for (const [path, body] of [
      ['claim', { stepOrder: step.order }],
      ['complete-step', { fromStep: step.order }],
    ] as const) {
      const r = await call(who, 'POST', `/api/dossiers/${id}/${path}`, body);
      expect(r.status, `${path} ${step.role}: ${JSON.stringify(r.json)}`).toBe(200);
    }
  }
  const specialist = await as('chuyenvien.benthanh');
  const csrf = await specialist.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken);
  const result = await specialist.request.post(`${h.baseUrl}/api/dossiers/${id}/result`, {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      file: { name: 'trich-luc-khai-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    },
  });
  expect(result.status(), await result.text()).toBe(200);
  expect((await result.json()).status).toBe('result_ready');
  for (const p of pages.values()) await p.close();
}

beforeAll(async () => {
  h = await startHarness({ clock });
  centerId = ((await (await fetch(`${h.baseUrl}/api/queue/centers`)).json()) as { items: Array<{ id: string }> })
    .items[0]!.id;
  type Hours = { open: boolean; opensAt: string | null; closesAt: string | null };
  const hours = async () =>
    ((await (await fetch(`${h.baseUrl}/api/queue/centers/${centerId}`)).json()) as { hours: Hours }).hours;
  // The journey books a slot for today and checks in: run it an hour after an opening. Open now but closing within
  // three hours (no free slot may be left today): move past the closing first, then to the next opening.
  let now = await hours();
  if (now.open && now.closesAt && Date.parse(now.closesAt) - clock.now().getTime() < 3 * 3_600_000) {
    clock.shiftTo(new Date(Date.parse(now.closesAt) + 60_000));
    now = await hours();
  }
  shiftIntoTicketingHours(clock, now);
  statsBefore = await directorStats();
  kiosk = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
  tv = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  counter = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
}, 300_000); // the harness starts the whole product (migrations, master data, demo seed) on a busy machine
afterAll(async () => {
  await h?.close();
});

describe('front desk: ticket to pickup', () => {
  it('the kiosk gives a ticket for a field, with the people ahead and a QR to follow it', async () => {
    // A portrait kiosk screen: every group's name is read whole ("Kinh doanh và lĩnh vực kha" was cut off).
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.goto(`${h.baseUrl}/lay-so`);
    await kiosk.getByRole('button', { name: /Kinh doanh và lĩnh vực khác/ }).waitFor();
    const clipped = await kiosk
      .locator('.queue-kiosk-group .mantine-Button-label')
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
    expect(clipped).toEqual([]);
    await kiosk.setViewportSize({ width: 1366, height: 768 });
    // A double tap while the network is slow gives one ticket, not two (the second was a phantom no-show).
    await kiosk.route('**/api/queue/centers/*/tickets', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await kiosk.getByRole('button', { name: /Tư pháp - Hộ tịch/ }).dblclick();
    await kiosk.getByTestId('ticket-number').waitFor();
    await kiosk.unroute('**/api/queue/centers/*/tickets');
    const groups = (
      (await (await fetch(`${h.baseUrl}/api/queue/centers/${centerId}`)).json()) as {
        groups: Array<{ name: string; waiting: number }>;
      }
    ).groups;
    expect(groups.find((g) => g.name === 'Tư pháp - Hộ tịch')?.waiting).toBe(1);
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('1001');
    expect(await kiosk.getByTestId('ticket-card').textContent()).toContain('Trước quý khách: 0 người');
    await screenshot(kiosk, 'queue-kiosk-ticket');
    const href = await kiosk.getByRole('link', { name: 'In phiếu (80 mm)' }).getAttribute('href');
    ticketToken = href!.split('/')[4]!;
    const pdf = await kiosk.evaluate(async (u) => {
      const r = await fetch(u);
      return Array.from(new Uint8Array(await r.arrayBuffer()));
    }, href!);
    await pdfScreenshot(Buffer.from(pdf), 'queue-ticket-80mm', 2);
  });

  it('the official takes counter 1 and calls: the hall display shows 1001 at counter 1', async () => {
    // Headless Chromium has no voices: give the TV a Vietnamese one that records what it is asked to say.
    await tv.addInitScript(() => {
      const spoken: string[] = [];
      Object.assign(window, { __spoken: spoken });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => [{ lang: 'vi-VN', name: 'Tiếng Việt (thử)' }],
          speak: (u: { text: string; lang: string }) => spoken.push(`${u.lang}|${u.text}`),
        },
      });
      // The real utterance refuses a voice object that is not the browser's own.
      Object.assign(window, {
        SpeechSynthesisUtterance: class {
          voice: unknown = null;
          lang = '';
          rate = 1;
          constructor(readonly text: string) {}
        },
      });
    });
    await tv.goto(`${h.baseUrl}/man-hinh`);
    await tv.locator('[data-connected="yes"]').waitFor();
    await tv.getByRole('button', { name: 'Bật âm thanh thông báo' }).click();
    await loginAs(counter, h.baseUrl, 'tiepnhan.benthanh');
    await counter.goto(`${h.baseUrl}/workspace/quay`);
    // Before a counter is chosen the page lists the centre's counters and says what to do (it was blank).
    const choice = counter.getByTestId('counter-choice');
    await choice.getByText('Chọn quầy anh/chị ngồi hôm nay', { exact: false }).waitFor();
    await screenshot(counter, 'queue-counter-choice');
    await choice.getByRole('button', { name: /^Quầy 1\b/ }).click();
    await expect
      .poll(() => counter.getByRole('textbox', { name: 'Chọn quầy làm việc' }).inputValue())
      .toMatch(/^Quầy 1/);
    await counter.getByRole('button', { name: 'Nhận quầy' }).click();
    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await counter.getByTestId('counter-current').getByText('1001').waitFor();
    await tv.getByTestId('display-calling').getByText('1001').waitFor({ timeout: 10_000 });
    const row = await tv.getByTestId('display-calling').locator('tbody tr').first().textContent();
    expect(row).toBe('10011');
    // The call is announced in Vietnamese through the speech synthesis.
    await expect
      .poll(() => tv.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken))
      .toEqual(['vi-VN|Mời số 1001 đến quầy số 1']);
    await screenshot(tv, 'queue-display-tv');
    await screenshot(counter, 'queue-counter-called');
  });

  it('serving, the official opens reception from the ticket: the dossier received is linked to it at once', async () => {
    await counter.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await counter.getByRole('button', { name: 'Kết thúc' }).waitFor();
    const href = await counter.getByRole('link', { name: 'Tiếp nhận hồ sơ (mở trang tiếp nhận)' }).getAttribute('href');
    expect(href).toMatch(/^\/workspace\/dossiers\/new\?ticket=[0-9a-f-]{36}&so=1001$/);
    // The link opens a new tab: the same official, signed in there too.
    const reception = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await loginAs(reception, h.baseUrl, 'tiepnhan.benthanh');
    await reception.goto(`${h.baseUrl}${href}`);
    await reception.getByTestId('served-ticket').getByText('Tiếp nhận cho số thứ tự 1001', { exact: false }).waitFor();
    await pickProcedure(reception, '1.001193');
    const rows = reception.getByTestId('reception-checklist').locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      if ((await row.textContent())?.includes('Nếu:')) continue;
      await row.getByText('Có', { exact: true }).click();
    }
    await expect.poll(() => reception.getByText('Hồ sơ đầy đủ: có thể tiếp nhận.').count()).toBe(1);
    await reception.getByLabel(/^Họ và tên/).fill('Lê Thị Hoa');
    await reception.getByLabel('Số định danh / CCCD').fill('079190009999');
    await reception.getByLabel('Điện thoại').fill('0903111222');
    await screenshot(reception, 'queue-reception-for-ticket');
    const popup = reception.waitForEvent('popup');
    await reception.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await (await popup).close();
    await reception.waitForURL(/\/workspace\/dossiers\/[0-9a-f-]{36}$/);
    await expect.poll(() => reception.locator('h2').first().textContent()).toMatch(/^X79\.26743-\d{6}-01\d{4}$/);
    dossierCode = (await reception.locator('h2').first().textContent())!;
    dossierId = reception.url().split('/').at(-1)!;
    await reception.close();
    // Linked at receipt, before the counter finishes serving.
    const followed = await call(counter, 'GET', `/api/queue/tickets/${ticketToken}`);
    expect(followed.json.status).toBe('serving');
    expect(followed.json.dossiers).toEqual([expect.objectContaining({ code: dossierCode, kind: 'received' })]);
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

  it('later, the same dossier has its result: counter 1 holds it, the slip gives a pickup ticket routed there, served and returned', async () => {
    await takeToResultReady(dossierId);
    // Counter 1 records that it holds the result (the counter page's panel).
    await counter.getByLabel('Mã hồ sơ đã có kết quả').fill(dossierCode);
    await counter.getByRole('button', { name: 'Ghi nhận giữ tại quầy này' }).click();
    await counter.getByText(`Đã ghi nhận: kết quả hồ sơ ${dossierCode} giữ tại quầy 1`, { exact: false }).waitFor();
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk
      .getByLabel('Quét mã QR trên phiếu hẹn trả kết quả hoặc lịch hẹn')
      .fill(`${h.baseUrl}/tra-cuu?ma=${dossierCode}`);
    await kiosk.getByRole('button', { name: 'Lấy số', exact: true }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('4001');
    expect(await kiosk.getByTestId('ticket-card').textContent()).toContain(`Nhận kết quả hồ sơ ${dossierCode}`);
    await screenshot(kiosk, 'queue-kiosk-pickup');
    // Counter 1 does not serve the result-pickup group: it calls 4001 only because the ticket is routed to it.
    const view = (await call(counter, 'GET', `/api/queue/centers/${centerId}`)).json as {
      groups: Array<{ id: string; kind: string }>;
      counters: Array<{ number: number; groupIds: string[] }>;
    };
    const pickupGroup = view.groups.find((g) => g.kind === 'pickup')!.id;
    expect(view.counters.find((c) => c.number === 1)!.groupIds).not.toContain(pickupGroup);
    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    const current = counter.getByTestId('counter-current');
    await current.getByText('4001').waitFor();
    await current.getByText(`Nhận kết quả hồ sơ ${dossierCode}`).waitFor();
    await tv.getByTestId('display-calling').getByText('4001').waitFor({ timeout: 10_000 });
    await counter.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await counter.getByText('Nhấn Kết thúc khi đã trao kết quả', { exact: false }).waitFor();
    await screenshot(counter, 'queue-counter-pickup');
    await counter.getByRole('button', { name: 'Kết thúc' }).click();
    await counter.getByText('Đã phục vụ hôm nay: 2').waitFor();
    // The result is returned (the dossier's own action) and the ticket is linked to the dossier it came for.
    const dossier = await call(counter, 'GET', `/api/dossiers/${dossierId}`);
    expect(dossier.json.status).toBe('returned');
    const token = (await kiosk.getByRole('link', { name: 'In phiếu (80 mm)' }).getAttribute('href'))!.split('/')[4]!;
    const pickup = await call(counter, 'GET', `/api/queue/tickets/${token}`);
    expect(pickup.json).toMatchObject({ status: 'done', source: 'pickup', counterNumber: 1 });
    expect(pickup.json.dossiers).toEqual([expect.objectContaining({ code: dossierCode, kind: 'pickup' })]);
  });
});

describe('front desk: information desk', () => {
  it('the desk pre-checks the documents against the checklist and issues; the counter shows the pre-check', async () => {
    const desk = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await loginAs(desk, h.baseUrl, 'tiepnhan.benthanh');
    await desk.goto(`${h.baseUrl}/workspace`);
    await desk.getByRole('link', { name: 'Bàn hướng dẫn (kiểm tra trước, cấp số)' }).click();
    await desk.getByRole('heading', { name: 'Bàn hướng dẫn, kiểm tra trước hồ sơ' }).waitFor();
    await pickProcedure(desk, '1.001193');
    // The visitor brought only the first document always required; the other required ones are missing.
    const rows = desk.getByTestId('reception-checklist').locator('tbody tr');
    const nameOf = async (i: number) => (await rows.nth(i).locator('td').first().locator('p').first().textContent())!;
    const required: number[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      if (!((await rows.nth(i).textContent()) ?? '').includes('Nếu:')) required.push(i);
    }
    expect(required.length).toBeGreaterThanOrEqual(2);
    const firstName = await nameOf(required[0]!);
    await rows.nth(required[0]!).getByText('Có', { exact: true }).click();
    const needed = await Promise.all(required.slice(1).map(nameOf));
    await desk.getByText(`Còn ${needed.length} thành phần thiếu`, { exact: false }).waitFor();
    await desk.getByRole('button', { name: 'Cấp số kèm kết quả kiểm tra' }).click();
    const issued = desk.getByTestId('desk-issued');
    await issued.getByTestId('ticket-number').waitFor();
    expect(await issued.getByTestId('ticket-number').textContent()).toBe('1002');
    const summary = await issued.getByTestId('ticket-precheck').textContent();
    expect(summary).toContain('1.001193');
    for (const n of needed) expect(summary).toContain(n);
    expect(summary).not.toContain(firstName);
    await screenshot(desk, 'queue-information-desk');
    await desk.close();

    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    const current = counter.getByTestId('counter-current');
    await current.getByText('1002').waitFor();
    const shown = await current.getByTestId('ticket-precheck').textContent();
    for (const n of needed) expect(shown).toContain(n);
    await screenshot(counter, 'queue-counter-precheck');
    await counter.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await counter.getByRole('button', { name: 'Kết thúc' }).click();
    await counter.getByText('Đã phục vụ hôm nay: 3').waitFor();
  });
});

describe('front desk: appointment and QR check-in', () => {
  let token = '';
  it('a citizen finds online booking in the portal menu and books a free slot today', async () => {
    const page = await h.browser.newPage({ viewport: { width: 390, height: 844 } });
    // Booking is offered on the procedure's page and in the portal's menu.
    await page.goto(`${h.baseUrl}/procedures/1.001193`);
    expect(await page.getByTestId('procedure-booking').getAttribute('href')).toBe('/dat-lich');
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: 'Đặt lịch hẹn' }).first().click();
    await page.waitForURL(/\/dat-lich$/);
    const center = await call(page, 'GET', '/api/queue/centers');
    const centerId = center.json.items[0].id as string;
    const groups = (await call(page, 'GET', `/api/queue/centers/${centerId}`)).json.groups as Array<{ id: string }>;
    let date = '';
    let start = '';
    // The journey's clock runs an hour after an opening (beforeAll): today has free slots.
    date = appToday();
    const slots = await call(page, 'GET', `/api/queue/centers/${centerId}/slots?groupId=${groups[0]!.id}&date=${date}`);
    start = (slots.json.slots as Array<{ start: string; available: number }>).find((x) => x.available > 0)?.start ?? '';
    expect(start, JSON.stringify(slots.json)).not.toBe('');
    await page.getByText('Tư pháp - Hộ tịch').click();
    await page.getByRole('textbox', { name: 'Ngày' }).fill(date);
    await page.getByText(new RegExp(`^${start}–`)).click();
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await screenshot(page, 'queue-appointment-book');
    // A double tap on a slow phone books once (the second booking took the slot's other place).
    const bookedAt = async () =>
      (
        (await call(page, 'GET', `/api/queue/centers/${centerId}/slots?groupId=${groups[0]!.id}&date=${date}`)).json
          .slots as Array<{ start: string; booked: number }>
      ).find((x) => x.start === start)?.booked;
    const before = await bookedAt();
    await page.route('**/api/queue/centers/*/appointments', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Đặt lịch' }).dblclick();
    await page.getByTestId('appointment-status').getByText('Đã đặt').waitFor();
    await page.unroute('**/api/queue/centers/*/appointments');
    expect(await bookedAt()).toBe((before ?? 0) + 1);
    expect(await page.getByTestId('appointment-when').textContent()).toContain(start);
    token = (await page.getByTestId('appointment-token').textContent())!.trim();
    await screenshot(page, 'queue-appointment-booked');
    await page.close();
  });

  it('at the kiosk the booking QR becomes a priority ticket', async () => {
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk
      .getByLabel('Quét mã QR trên phiếu hẹn trả kết quả hoặc lịch hẹn')
      .fill(`${h.baseUrl}/dat-lich/${token}`);
    await kiosk.getByRole('button', { name: 'Lấy số', exact: true }).click();
    await kiosk.getByText('Có lịch hẹn').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('1003');
    const ticket = await call(
      kiosk,
      'GET',
      `/api/queue/tickets/${(await kiosk.getByRole('link', { name: 'In phiếu (80 mm)' }).getAttribute('href'))!.split('/')[4]}`,
    );
    expect(ticket.json).toMatchObject({ source: 'appointment', priorityKind: 'appointment', status: 'waiting' });
    const booking = await call(kiosk, 'GET', `/api/queue/appointments/${token}`);
    expect(booking.json.status).toBe('checked_in');
    await screenshot(kiosk, 'queue-kiosk-check-in');
  });
});

describe('front desk: the director’s numbers', () => {
  it('the numbers count the journey: three served at counter 1, the pickup, one dossier received and returned', async () => {
    const after = await directorStats();
    const row = (st: Stats, key: 'byGroup' | 'byCounter', label: string) =>
      st[key].find((r) => r.label === label) ?? { tickets: 0, served: 0 };
    // Group 1: 1001 (kiosk) and 1002 (information desk) served; 1003 (the booking's check-in) still waits.
    expect(
      row(after, 'byGroup', 'Tư pháp - Hộ tịch').served - row(statsBefore, 'byGroup', 'Tư pháp - Hộ tịch').served,
    ).toBe(2);
    expect(
      row(after, 'byGroup', 'Tư pháp - Hộ tịch').tickets - row(statsBefore, 'byGroup', 'Tư pháp - Hộ tịch').tickets,
    ).toBe(3);
    expect(row(after, 'byGroup', 'Trả kết quả').tickets - row(statsBefore, 'byGroup', 'Trả kết quả').tickets).toBe(1);
    expect(row(after, 'byGroup', 'Trả kết quả').served - row(statsBefore, 'byGroup', 'Trả kết quả').served).toBe(1);
    const counter1 = after.byCounter.find((r) => r.label.includes('Quầy 1'))!;
    const counter1Before = statsBefore.byCounter.find((r) => r.label.includes('Quầy 1')) ?? { served: 0 };
    expect(counter1.served - counter1Before.served).toBe(3);
    expect(after.endToEnd.dossiers - statsBefore.endToEnd.dossiers).toBe(1);
    expect(after.endToEnd.returned - statsBefore.endToEnd.returned).toBe(1); // the pickup returned its result

    const page = await h.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, h.baseUrl, 'giamdoc.benthanh');
    await page.goto(`${h.baseUrl}/workspace/quay/so-lieu`);
    await page.getByRole('heading', { name: 'Số liệu quầy tiếp nhận' }).waitFor();
    await page.getByRole('heading', { name: 'Giờ cao điểm theo thứ trong tuần (số lượt lấy số)' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    // The page shows what the API counted: the end-to-end figure and counter 1's row.
    await page.getByText(`Hồ sơ tiếp nhận qua số thứ tự: ${after.endToEnd.dossiers}`).waitFor();
    const counterRow = page.getByRole('row').filter({ hasText: counter1.label });
    expect(await counterRow.first().locator('td').allTextContents()).toEqual([
      counter1.label,
      String(counter1.tickets),
      String(counter1.served),
      expect.any(String),
    ]);
    // Bookings by outcome, in words (the booking made above is still ahead, or came when checked in today).
    await page
      .getByTestId('stats-appointments')
      .getByText(/^Đã đến: \d+ · Không đến: \d+ · Đã huỷ: \d+ · Còn chờ: \d+$/)
      .waitFor();
    await screenshot(page, 'queue-director-numbers');
    await page.close();
  });
});

describe('front desk: the director’s settings', () => {
  it('changes the ticker and a counter’s groups; the hall display shows the new notice', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await loginAs(page, h.baseUrl, 'giamdoc.benthanh');
    await page.goto(`${h.baseUrl}/admin/queue`);
    await page.getByRole('heading', { name: 'Thiết lập quầy và số thứ tự' }).waitFor();
    await page
      .getByLabel('Dòng chữ chạy trên màn hình (mỗi dòng một thông báo)')
      .fill('Chiều nay trung tâm làm việc đến 17:00.');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByRole('status').getByText('Đã lưu.').first().waitFor();
    await tv.getByText('Chiều nay trung tâm làm việc đến 17:00.').first().waitFor({ timeout: 10_000 });
    const card = page.locator('[data-counter="5"]');
    await card.getByRole('textbox', { name: 'Quầy 5: Tư pháp - Hộ tịch' }).click();
    await page.getByRole('option', { name: 'Hạng 3' }).click();
    await card.getByRole('button', { name: 'Lưu nhóm của quầy 5' }).click();
    await card.getByRole('status').waitFor();
    const settings = await call(page, 'GET', `/api/queue/centers/${centerId}/settings`);
    const c5 = (settings.json.counters as Array<{ number: number; groups: Array<{ tier: number }> }>).find(
      (c) => c.number === 5,
    )!;
    expect(c5.groups.map((g) => g.tier)).toContain(3);
    // The kiosk and TV addresses of the center, for the director to open on the devices.
    expect(await page.getByTestId('device-kiosk').getAttribute('href')).toBe(`/lay-so/${centerId}`);
    expect(await page.getByTestId('device-display').getAttribute('href')).toBe(`/man-hinh/${centerId}`);
    expect(await page.getByTestId('device-kiosk').textContent()).toBe(`${h.baseUrl}/lay-so/${centerId}`);
    await screenshot(page, 'queue-admin-settings');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'queue-admin-settings-phone');
    await page.close();
  });
});

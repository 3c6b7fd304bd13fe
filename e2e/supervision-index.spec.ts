import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/** Fetch from inside the signed-in page (same cookies, same origin); writes carry the session's CSRF token. */
const fetchIn = (page: Page, url: string, method = 'GET', body?: unknown) =>
  page.evaluate(
    async ({ u, m, b }) => {
      const headers: Record<string, string> = {};
      if (m !== 'GET') {
        const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
        headers['x-csrf-token'] = s.csrfToken;
        headers['content-type'] = 'application/json';
      }
      const r = await fetch(u, {
        method: m,
        headers,
        credentials: 'same-origin',
        ...(b ? { body: JSON.stringify(b) } : {}),
      });
      const bytes = new Uint8Array(await r.arrayBuffer());
      let bin = '';
      for (const x of bytes) bin += String.fromCharCode(x);
      return { status: r.status, type: r.headers.get('content-type') ?? '', body: btoa(bin) };
    },
    { u: url, m: method, b: body },
  );
const json = (r: { body: string }) => JSON.parse(Buffer.from(r.body, 'base64').toString('utf8'));

async function signedIn(browser: Browser, baseUrl: string, username: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await loginAs(page, baseUrl, username);
  return page;
}

async function sheetRows(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

describe('the Decision 766 service index', () => {
  it('the administrator records two months; the province supervisor reads the index, its dossiers and the trend', async () => {
    const admin = await signedIn(h.browser, h.baseUrl, 'admin');
    const now = new Date();
    const month = (back: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    for (const m of [month(1), month(0)]) {
      const r = await fetchIn(admin, '/api/supervision/service-index/snapshots', 'POST', {
        month: m,
        provinceCode: '79',
      });
      expect(r.status, Buffer.from(r.body, 'base64').toString()).toBe(200);
    }
    await admin.context().close();

    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm');
    await page.getByRole('link', { name: 'Bộ chỉ số 766 và diễn biến theo tháng' }).click();
    await page.waitForURL(/\/workspace\/supervision\/index$/);
    const table = page.getByTestId('service-index-table');
    // The 20 indicators of Decision 766 (e-certified copies, 4.2b, among them).
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(20);
    expect(await page.getByTestId('service-index-scope').textContent()).toContain('(79)');
    // The province picker starts on the supervisor's province, not empty.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Tỉnh, thành phố', exact: true }).inputValue())
      .toBe('Thành phố Hồ Chí Minh (79)');
    // Indicators without inputs say so; none is given points.
    expect(await table.getByText('Không tính được').count()).toBeGreaterThanOrEqual(6);
    // The same figures as the API.
    const api = json(await fetchIn(page, '/api/supervision/service-index'));
    const i33 = api.indicators.find((i: { id: string }) => i.id === '3.3');
    expect(i33.denominator).toBeGreaterThan(0);
    // The denominator of 3.3 opens as many dossiers as it counts.
    await page.getByRole('button', { name: 'Xem hồ sơ của mẫu số chỉ số 3.3' }).click();
    const list = page.getByTestId('indicator-dossiers');
    await expect
      .poll(() => list.locator('h3').textContent(), { timeout: 15_000 })
      .toContain(`${i33.denominator} hồ sơ`);
    await expect.poll(() => list.locator('tbody tr').count()).toBe(Math.min(20, i33.denominator));
    await expect
      .poll(() => page.getByTestId('service-index-trend').locator('svg').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'supervision-service-index');

    // Files: the index as Excel; another province is refused, in the index and in the aggregate's export.
    const xlsx = await fetchIn(page, '/api/supervision/service-index?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(String((await sheetRows(xlsx.body))[0]?.[0])).toContain('Bộ chỉ số 766');
    expect((await fetchIn(page, '/api/supervision/service-index?provinceCode=01')).status).toBe(403);
    expect((await fetchIn(page, '/api/supervision/service-index/trend?provinceCode=01')).status).toBe(403);
    expect((await fetchIn(page, '/api/supervision/exports/dossier-stats?format=pdf&provinceCode=01')).status).toBe(403);
    // The aggregate's file holds the communes the supervisor's stats hold, nothing else.
    const stats = json(await fetchIn(page, '/api/dossiers/stats'));
    const file = await fetchIn(page, '/api/supervision/exports/dossier-stats?format=xlsx');
    expect(file.status).toBe(200);
    const codes = (await sheetRows(file.body)).slice(3, -1).map((r) => r[0]);
    expect(codes.sort()).toEqual(stats.rows.map((r: { code: string }) => r.code).sort());
    await page.context().close();
  });

  it('the province supervisor reads workload and staffing of their communes', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.hcm');
    await page.getByRole('link', { name: 'Khối lượng công việc và nhân lực' }).click();
    await page.waitForURL(/\/workspace\/supervision\/workload$/);
    const table = page.getByTestId('workload-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const api = json(await fetchIn(page, '/api/supervision/workload'));
    expect(api.units.every((u: { provinceCode: string }) => u.provinceCode === '79')).toBe(true);
    expect(await table.textContent()).toContain('Bến Thành');
    expect(await page.getByTestId('workload-scope').textContent()).toContain('ngày làm việc');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Tỉnh, thành phố', exact: true }).inputValue())
      .toBe('Thành phố Hồ Chí Minh (79)');
    // the date fields show the period the heading names (they started empty)
    const vnDay = (iso: string) => iso.split('-').reverse().join('/');
    await expect.poll(() => page.getByRole('textbox', { name: 'Từ ngày' }).inputValue()).toBe(vnDay(api.from));
    await expect.poll(() => page.getByRole('textbox', { name: 'Đến ngày' }).inputValue()).toBe(vnDay(api.to));
    expect(await page.getByTestId('workload-scope').textContent()).toContain(`${vnDay(api.from)} đến ${vnDay(api.to)}`);
    // readiness gaps per commune: leaders without a valid signature certificate, as the API counts them
    expect(await page.getByTestId('workload-certificates').textContent()).toContain(
      `Lãnh đạo xã, phường chưa có chứng thư số còn hiệu lực: ${api.certificateGaps.total}`,
    );
    expect(api.certificateGaps.items.every((g: { provinceCode: string }) => g.provinceCode === '79')).toBe(true);
    await screenshot(page, 'supervision-workload');
    expect((await fetchIn(page, '/api/supervision/workload?provinceCode=01')).status).toBe(403);
    const pdf = await fetchIn(page, '/api/supervision/workload?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await page.context().close();
  });

  it('the national supervisor reads workload per province and drills into one for its communes', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'giamsat.quocgia');
    await page.goto(`${h.baseUrl}/workspace/supervision/workload`);
    const table = page.getByTestId('workload-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const api = json(await fetchIn(page, '/api/supervision/workload'));
    expect(api.unitsLevel).toBe('province');
    expect(await table.locator('thead').textContent()).toContain('Tỉnh, thành phố');
    expect(await table.locator('tbody tr').count()).toBe(api.units.length);
    const hcm = api.units.find((u: { unitCode: string }) => u.unitCode === '79');
    expect(hcm).toBeTruthy();
    // readiness per province (session 9): communes without an online approver, one row per province
    const gaps = page.getByTestId('workload-gaps-provinces');
    await expect
      .poll(() => gaps.locator('tbody tr').count(), { timeout: 15_000 })
      .toBe(api.noOnlineApprover.byProvince.length);
    expect(await gaps.locator('thead').textContent()).toContain('Chưa có người phê duyệt trực tuyến');
    await screenshot(page, 'supervision-workload-nation');
    await page.getByTestId('workload-gaps').scrollIntoViewIfNeeded();
    await screenshot(page, 'supervision-workload-nation-gaps');
    await table.getByRole('button', { name: new RegExp(`${hcm.name} \\(79\\)`) }).click();
    await expect
      .poll(async () => page.getByTestId('workload-scope').textContent(), { timeout: 15_000 })
      .toContain('(79)');
    await expect.poll(async () => table.textContent(), { timeout: 15_000 }).toContain('Bến Thành');
    expect(await table.locator('thead').textContent()).toContain('Đơn vị');
    // the province picker follows the drill, so "Xem" (new dates, say) stays in the province (it went back to the nation)
    const province = page.getByRole('textbox', { name: 'Tỉnh, thành phố', exact: true });
    await expect.poll(() => province.inputValue()).toBe('Thành phố Hồ Chí Minh (79)');
    const answered = page.waitForResponse((r) => r.url().includes('/api/supervision/workload?'));
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    expect((await answered).url()).toContain('provinceCode=79');
    await page.context().close();
  });

  it('the administrator imports a delegated-task sheet: a bad row refuses it, then the register counts', async () => {
    const headers = [
      'Mã nhiệm vụ',
      'Lĩnh vực',
      'Nhiệm vụ',
      'Cấp chuyển đi',
      'Cấp nhận',
      'Căn cứ pháp lý',
      'Bộ, ngành phụ trách',
      'Khả năng thực hiện',
      'Ghi chú',
      'Hạn hoàn thành',
    ];
    // A journey's own rows (test data, not a shipped register).
    const rows = [
      ['E2E-1', 'Hộ tịch', 'Nhiệm vụ thử 1', 'Trung ương', 'Xã', 'Văn bản thử', 'Bộ thử', 'Thực hiện được', null, null],
      [
        'E2E-2',
        'Hộ tịch',
        'Nhiệm vụ thử 2',
        'Tỉnh',
        'Xã',
        'Văn bản thử',
        'Bộ thử',
        'Cần văn bản hướng dẫn',
        null,
        null,
      ],
      [
        'E2E-3',
        'Đất đai',
        'Nhiệm vụ thử 3',
        'Trung ương',
        'Tỉnh',
        'Văn bản thử',
        'Bộ thử',
        'Thực hiện được',
        null,
        null,
      ],
    ];
    const file = async (name: string, body: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Nhiệm vụ');
      ws.addRow(headers);
      for (const r of body) ws.addRow(r);
      const path = join(mkdtempSync(join(tmpdir(), 'mc-e2e-sheet-')), name);
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
      return path;
    };
    const page = await signedIn(h.browser, h.baseUrl, 'admin');
    await page.getByRole('link', { name: 'Danh mục nhiệm vụ phân cấp, phân quyền' }).click();
    await page.waitForURL(/\/workspace\/supervision\/register$/);
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(
      await file('sai.xlsx', [...rows, ['E2E-4', 'Đất đai', 'x', 'Huyện', 'Xã', 'a', 'b', 'Thực hiện được']]),
    );
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Dòng 5');
    await screenshot(page, 'supervision-register-errors');
    await input.setInputFiles(await file('dung.xlsx', rows));
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Đã nhập 3 nhiệm vụ');
    await expect.poll(() => page.getByTestId('register-summary').textContent()).toContain('Tổng số nhiệm vụ: 3');
    expect(await page.getByTestId('register-summary').textContent()).toContain('Thực hiện được: 2');
    await screenshot(page, 'supervision-register');
    await page.context().close();
  });

  it('reception is refused the index', async () => {
    const page = await signedIn(h.browser, h.baseUrl, 'tiepnhan.benthanh');
    expect((await fetchIn(page, '/api/supervision/service-index')).status).toBe(403);
    await page.goto(`${h.baseUrl}/workspace/supervision/index`);
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('service-index-table').count()).toBe(0);
    await page.context().close();
  });
});

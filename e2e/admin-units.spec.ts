import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, SCREENSHOT_DIR, screenshot, startHarness } from './support/harness.js';

describe('administrative units: tree over time, address conversion, change events, organisation', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('browses the unit tree as of a date, searches without accents and shows lineage', async () => {
    await page.goto(`${h.baseUrl}/units?onDate=2025-06-30`);
    await expect.poll(() => page.getByText('63 đơn vị').count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${h.baseUrl}/units?onDate=2026-05-01`);
    await expect.poll(() => page.getByText('34 đơn vị').count(), { timeout: 15_000 }).toBe(1);
    // Đồng Nai is a centrally-governed city from 2026-04-30.
    expect(await page.locator('[data-unit="75"]').textContent()).toContain('Thành phố Đồng Nai');
    await page.getByRole('button', { name: 'Mở Thành phố Hồ Chí Minh' }).click();
    await page.locator('[data-unit="26743"]').click();
    await page.getByRole('heading', { name: 'Phường Bến Thành', level: 3 }).waitFor();
    const back = page.locator('tr[data-direction="back"]');
    await expect.poll(() => back.count()).toBeGreaterThan(1);
    const rows = (await back.allTextContents()).join('\n');
    expect(rows).toContain('Phường Phạm Ngũ Lão 26749Phường Bến Thành 26743Toàn bộ');
    expect(rows).toContain('Phường Cầu Ông Lãnh 26752Phường Bến Thành 26743Một phần');
    await screenshot(page, 'admin-units-tree');
    await page.getByLabel('Tìm đơn vị theo tên').fill('ben thanh hcm');
    await page.locator('[data-search-hit="26743"]').waitFor();
    await page.locator('[data-search-hit="26743"]').click();
    expect(page.url()).toContain('code=26743');
    // An old code alias finds the unit it stands for, and says so.
    await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('06970');
    await page.locator('[data-search-hit="06978"]').waitFor();
    expect(await page.locator('[data-alias-note="06970"]').textContent()).toContain('Mã 06970 là mã thay thế');
  });

  it('converts an old address, and asks for a street or village when the commune was split', async () => {
    await page.goto(`${h.baseUrl}/units/convert`);
    await page.getByLabel('Địa chỉ cũ').fill('X. My Hung, H. Thanh Phu, T. Ben Tre');
    await page.getByRole('button', { name: 'Chuyển đổi', exact: true }).click();
    await expect.poll(() => page.getByTestId('convert-top').textContent()).toBe('Xã Quới Điền, Tỉnh Vĩnh Long');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('converted');
    // Thạnh Phú district had no Tân Phú commune: not a conversion, and the page says the district does not match.
    await page.getByLabel('Địa chỉ cũ').fill('X. Tan Phu, H. Thanh Phu, T. Ben Tre');
    await page.getByRole('button', { name: 'Chuyển đổi', exact: true }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('ambiguous');
    expect(await page.locator('[data-warning="district_mismatch"]').textContent()).toContain(
      'Huyện Thạnh Phú (Tỉnh Bến Tre) không có xã, phường, thị trấn nào tên “Tân Phú”',
    );
    await screenshot(page, 'admin-units-convert-district-mismatch');
    await page.getByRole('button', { name: 'Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội' }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('needs_detail');
    const alert = await page.getByRole('alert').first().textContent();
    expect(alert).toContain('Cần biết số nhà, tên đường hoặc thôn');
    // The street comes back as the user wrote it, accents and all.
    expect(alert).toContain('Phần chi tiết đã nhập: Số 5 phố Đội Cấn');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'admin-units-convert-split');
  });

  it('lets an administrator see a ward organisation, officials readiness and transfer an official', async () => {
    await loginAs(page, h.baseUrl, 'admin');
    await page.goto(`${h.baseUrl}/admin/units/26743/organisation`);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Cơ cấu tổ chức: Phường Bến Thành');
    await page.locator('[data-official="tiepnhan.benthanh"]').waitFor();
    expect(await page.getByText('Văn phòng HĐND và UBND').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('unit-readiness').textContent()).toContain('Chưa có lãnh đạo nào');
    // Record the leader's certificate: the ward can now approve online.
    await page
      .locator('[data-official="lanhdao.benthanh"]')
      .getByRole('button', { name: 'Chứng thư, tập huấn' })
      .click();
    await page.getByLabel('Số sê-ri chứng thư số').fill('VNPT-CA-0001');
    await page.getByLabel('Chứng thư có hiệu lực đến').fill('2030-12-31');
    await page.getByLabel('Lĩnh vực đã tập huấn (cách nhau bởi dấu phẩy)').fill('Hộ tịch, Đất đai');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('unit-readiness').textContent()).toContain('ít nhất một lãnh đạo');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'admin-units-organisation');
    // Transfer the reception official to Phường Sài Gòn: one action with an effective date.
    await page
      .locator('[data-official="tiepnhan.benthanh"]')
      .getByRole('button', { name: 'Điều động / biệt phái' })
      .click();
    await page.getByRole('textbox', { name: 'Đơn vị nhận' }).fill('sai gon');
    await page.getByRole('option', { name: /Phường Sài Gòn.*\(26740\)/ }).click();
    await expect.poll(() => page.getByText('Đơn vị nhận: Phường Sài Gòn').count()).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Thực hiện' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('status').count()).toBe(1);
    await page.getByRole('dialog').screenshot({ path: `${SCREENSHOT_DIR}/admin-units-transfer.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    // From today the official works in Sài Gòn, not Bến Thành.
    await expect.poll(() => page.locator('[data-official="tiepnhan.benthanh"]').count()).toBe(0);
    await page.goto(`${h.baseUrl}/admin/units/26740/organisation`);
    await page.locator('[data-official="tiepnhan.benthanh"]').waitFor();
  });

  it('lists communes without an online approver', async () => {
    await page.goto(`${h.baseUrl}/admin/units/readiness`);
    await expect.poll(() => page.getByTestId('readiness-summary').textContent()).toContain('3.321');
    // Bến Thành's leader now has a certificate: 3,320 of 3,321 communes still have nobody.
    expect(await page.getByTestId('readiness-summary').textContent()).toContain('3.320 trên 3.321');
    await screenshot(page, 'admin-units-readiness');
  });

  it('lets an administrator preview a merge and see what will move, then apply it', async () => {
    await page.goto(`${h.baseUrl}/admin/units`);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Quản trị đơn vị hành chính');
    await expect.poll(() => page.getByTestId('review-total').count()).toBe(1);
    await page.getByLabel('Ngày hiệu lực').fill('2026-09-01');
    await page.getByLabel('Căn cứ pháp lý').fill('Nghị quyết thử nghiệm');
    await page.getByLabel('Mã các đơn vị nhập lại (cách nhau bởi dấu phẩy)').fill('26743, 26740');
    await page.getByLabel('Mã đơn vị mới').fill('26740');
    await page.getByLabel('Tên đơn vị mới (không kèm loại)').fill('Sài Gòn');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const moves = page.getByTestId('preview-moves');
    await moves.waitFor();
    const text = await moves.textContent();
    expect(text).toContain('Phân công cán bộ (địa bàn)');
    expect(text).toContain('Quầy tiếp nhận');
    expect(text).toContain('26743');
    expect(text).toContain('Hồ sơ đang xử lý (nơi tiếp nhận)');
    await screenshot(page, 'admin-units-event-preview');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Đã áp dụng sự kiện #\d+/);
    await screenshot(page, 'admin-units-event-applied');
  });
});

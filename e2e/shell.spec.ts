import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

describe('web shell: Vietnamese first, officials sign in, data is protected', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the portal in Vietnamese and switches to English', async () => {
    await page.goto(h.baseUrl);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Dịch vụ công một cửa cấp xã');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, 'shell-portal-vi');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('One-stop public services for communes');
    await page.getByText('Tiếng Việt', { exact: true }).click();
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill('tiepnhan.benthanh');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await screenshot(page, 'shell-login-failed');
  });

  it('signs a reception official in and shows their role and jurisdiction', async () => {
    await loginAs(page, h.baseUrl, 'tiepnhan.benthanh');
    await expect
      .poll(() => page.locator('[data-role="reception"]').textContent())
      .toContain('Cán bộ tiếp nhận (một cửa)');
    expect(await page.locator('[data-role="reception"]').textContent()).toContain('26743');
    await screenshot(page, 'shell-workspace-reception');
  });

  it('from inside the signed-in page, a write without the CSRF token is refused', async () => {
    const result = await page.evaluate(async () => {
      const r = await fetch('/api/auth/logout-all', { method: 'POST', credentials: 'same-origin' });
      return { status: r.status, body: (await r.json()) as { code: string } };
    });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('CSRF_TOKEN_INVALID');
    // still signed in: the forged request did nothing
    const me = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(me).toBe(200);
  });

  it('an anonymous browser cannot read the session API', async () => {
    const ctx = await h.browser.newContext();
    const anon = await ctx.newPage();
    await anon.goto(h.baseUrl);
    const status = await anon.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(status).toBe(401);
    await ctx.close();
  });
});

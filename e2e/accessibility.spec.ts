import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EFORM_SAMPLES } from '@mot-cua/test-kit/eform-samples';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSignIn } from './support/citizen-sign-in.js';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * WCAG 2.1 A/AA checks with axe-core on the pages people use most. Serious and critical findings fail the
 * test with the rule, the element and axe's help text, so the report says what to fix.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Finding = { id: string; impact: string | null; help: string; targets: string[] };

async function audit(page: Page): Promise<Finding[]> {
  await page.evaluate(axeSource); // through DevTools, so the page's strict CSP stays on
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

const PUBLIC_PAGES = [
  '/',
  '/procedures',
  '/procedures/1.001193',
  '/search?q=khai%20sinh',
  '/assistant',
  '/tra-cuu',
  '/units',
  '/units/convert',
  '/calendar',
  '/login',
];
const ADMIN_PAGES = ['/admin/users'];
const WORKSPACE_PAGES = ['/workspace', '/workspace/dossiers', '/workspace/dossiers/new', '/workspace/account'];

describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical findings', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 400_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each(PUBLIC_PAGES)('public page %s', async (path) => {
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h2').first().waitFor({ timeout: 45_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it.each(WORKSPACE_PAGES)('reception workspace page %s', async (path) => {
    if (!page.url().includes('/workspace')) await loginAs(page, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h2').first().waitFor({ timeout: 45_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  let admin = false;
  it.each(ADMIN_PAGES)('administrator page %s', async (path) => {
    if (!admin) await loginAs(page, h.baseUrl, 'admin');
    admin = true;
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h2').first().waitFor({ timeout: 45_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });
});

/**
 * The citizen's pages on a 320 px wide phone (issue 17): my dossiers and drafts, the online submission with its
 * e-form, the summary before sending, one of my dossiers and the payment result; then a keyboard-only pass.
 */
describe('accessibility of the citizen pages at 320 px (axe-core, WCAG 2.1 AA) and by keyboard', () => {
  let h: Harness;
  let page: Page;
  let dossierId = '';
  beforeAll(async () => {
    h = await startHarness();
    const ctx = await h.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    page = await ctx.newPage();
    await citizenSignIn(page, h.baseUrl, '079190001234');
    // A complete draft of a birth registration, so the summary page can be reached, and "Hồ sơ của tôi" lists it.
    const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken);
    const saved = await page.request.put(`${h.baseUrl}/api/citizen/drafts/1.001193`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        data: { unit: '26743', unitLabel: 'Phường Bến Thành, Thành phố Hồ Chí Minh', eform: EFORM_SAMPLES['1.001193'] },
      },
    });
    expect(saved.status()).toBe(200);
    const mine = (await (await page.request.get(`${h.baseUrl}/api/citizen/dossiers`)).json()) as {
      items: Array<{ id: string }>;
    };
    dossierId = mine.items[0]!.id;
  }, 400_000);
  afterAll(async () => {
    await h?.close();
  });

  const check = async (path: string, ready: () => Promise<unknown>, shot: string) => {
    await page.goto(`${h.baseUrl}${path}`);
    await ready();
    await page.waitForLoadState('networkidle');
    await screenshot(page, shot);
    expect(await audit(page)).toEqual([]);
    // Nothing wider than the screen: no sideways scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  };

  it('"Hồ sơ của tôi" with the drafts', () =>
    check(
      '/ho-so-cua-toi',
      () => page.getByText('Bản nháp chưa gửi').waitFor({ timeout: 45_000 }),
      'a11y-320-my-dossiers',
    ));

  it('the online submission with the e-form (resumed draft)', () =>
    check(
      '/nop-truc-tuyen/1.001193',
      () => page.getByText('Đang tiếp tục bản nháp đã lưu.').waitFor({ timeout: 45_000 }),
      'a11y-320-submit-form',
    ));

  it('the summary before sending', async () => {
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.getByText('Kiểm tra trước khi gửi').waitFor({ timeout: 45_000 });
    await screenshot(page, 'a11y-320-summary');
    expect(await audit(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('one of my dossiers and the payment result', () =>
    check(
      `/ho-so-cua-toi/${dossierId}?thanh-toan=success`,
      () => page.locator('main h2').first().waitFor({ timeout: 45_000 }),
      'a11y-320-my-dossier-payment',
    ));

  it('keyboard only: the e-form is filled and the summary reached without a pointer', async () => {
    await page.goto(`${h.baseUrl}/nop-truc-tuyen/1.001193`);
    await page.getByText('Đang tiếp tục bản nháp đã lưu.').waitFor({ timeout: 45_000 });
    const name = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên', exact: true });
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Trần Gia Huy');
    // Tab moves forward through the e-form in reading order: sex, then date of birth.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('eform-field-childGender');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('eform-field-childBirthDate');
    // On to the "Xem lại" button by Tab alone (no trap), then Enter.
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Xem lại');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Kiểm tra trước khi gửi').waitFor({ timeout: 45_000 });
    expect(await page.getByRole('cell', { name: 'Trần Gia Huy' }).count()).toBe(1);
    // The edit link of a section brings the focus back into that section of the form.
    await page.getByRole('button', { name: /Sửa\s*Người mẹ/ }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.id ?? ''))
      .toBe('eform-mother');
  });

  it('the header fits a 360 px phone, signed in or not: no control cut at the edge', async () => {
    // The header clips what does not fit (no sideways scroll shows it), so each control is measured.
    const cut = (p: Page) =>
      p.evaluate(() =>
        [...document.querySelectorAll('header a, header button, header .mantine-SegmentedControl-root')]
          .filter((e) => !e.closest('nav'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((e) => e.textContent),
      );
    // The product's name stays on one line (it wrapped to two when signed in).
    const nameLines = (p: Page) =>
      p.evaluate(() => {
        const h1 = document.querySelector('header h1') as HTMLElement;
        return Math.round(h1.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(h1).lineHeight));
      });
    const anonymous = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const visitor = await anonymous.newPage();
    await visitor.goto(`${h.baseUrl}/tra-cuu`);
    await visitor.getByRole('link', { name: 'VNeID' }).waitFor({ timeout: 45_000 });
    expect(await cut(visitor)).toEqual([]);
    expect(await nameLines(visitor)).toBe(1);
    await screenshot(visitor, 'header-360-visitor');
    await anonymous.close();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${h.baseUrl}/tra-cuu`);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ timeout: 45_000 });
    expect(await cut(page)).toEqual([]);
    expect(await nameLines(page)).toBe(1);
    await screenshot(page, 'header-360-signed-in');
    await page.setViewportSize({ width: 320, height: 640 });
  });

  it("a 360 px phone: a procedure's facts keep a readable value column, the menu shows the current page", async () => {
    const phone = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const visitor = await phone.newPage();
    await visitor.goto(`${h.baseUrl}/procedures/1.001193`);
    const row = visitor.getByRole('row', { name: /^Thời hạn giải quyết/ });
    await row.waitFor({ timeout: 45_000 });
    const [th, td] = await row.evaluate((r) => [...r.children].map((c) => c.getBoundingClientRect().width));
    // the label column was 200 px of 262, leaving "1 ngày làm việc" four lines in 62 px
    expect(td!).toBeGreaterThan(th!);
    await screenshot(visitor, 'procedure-facts-360');
    // the menu row scrolls sideways on a phone: the current page's link is in view (it was at 483 px)
    await visitor.goto(`${h.baseUrl}/tra-cuu`);
    const current = visitor
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tra cứu hồ sơ' });
    await current.waitFor({ timeout: 45_000 });
    await expect.poll(() => current.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
    await phone.close();
  });
});

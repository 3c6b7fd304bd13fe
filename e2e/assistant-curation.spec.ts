import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, screenshot, startHarness } from './support/harness.js';

/**
 * The assistant's choices reach the curators: a citizen picks one of "Có phải bạn muốn…", another finds none
 * fitting; the system administrator sees both on the curators' page, sorts it and opens the picked procedure.
 */
describe('curators see what people asked and picked', () => {
  let h: Harness;
  let page: Page;
  // The harness loads the master data into a fresh database: minutes on a loaded machine.
  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  const ask = async (question: string) => {
    await page.goto(`${h.baseUrl}/assistant`);
    const box = page.getByRole('textbox').first();
    await box.fill(question);
    await box.press('Enter');
    const choices = page.getByRole('group', { name: 'Có phải bạn muốn…' });
    await expect.poll(() => choices.isVisible(), { timeout: 15_000 }).toBe(true);
    return choices;
  };

  it('records a pick and a "none of these" from the assistant page', async () => {
    const picked = await ask('con tôi mới sinh cần làm giấy tờ gì');
    await picked.getByRole('button').first().click();
    await expect.poll(() => picked.getByRole('button').first().getAttribute('aria-pressed')).toBe('true');
    const none = await ask('con tôi mới sinh cần làm giấy tờ gì');
    await none.getByRole('button', { name: 'Không phải các thủ tục này' }).click();
    await expect
      .poll(() => none.getByRole('button', { name: /Không phải các thủ tục này/ }).textContent())
      .toMatch(/^✓ /);
  });

  it('the system administrator sees the question, the pick with its link, and sorts the list', async () => {
    await loginAs(page, h.baseUrl, 'admin');
    await page.getByRole('link', { name: 'Câu hỏi gửi trợ lý và lựa chọn của người dân' }).click();
    await expect.poll(() => page.url()).toContain('/admin/search/choices');
    const table = page.getByTestId('assistant-choices');
    await expect.poll(() => table.isVisible(), { timeout: 15_000 }).toBe(true);
    const row = table.locator('tbody tr', { hasText: 'con toi moi sinh can lam giay to gi' });
    await expect.poll(() => row.count()).toBe(1);
    const cells = row.locator('td');
    expect(await cells.nth(1).textContent()).toBe('2');
    expect(await cells.nth(3).textContent()).toBe('1');
    const link = cells.nth(2).getByRole('link').first();
    expect(await link.textContent()).toMatch(/khai sinh/i);
    expect(await link.getAttribute('href')).toMatch(/^\/procedures\//);
    await page.getByTestId('sort-noneOfThese').click();
    await expect.poll(() => page.getByTestId('sort-noneOfThese').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body').textContent()).not.toMatch(/searchCuration\./);
    await screenshot(page, 'admin-assistant-choices');
    await link.click();
    await expect.poll(() => page.url()).toMatch(/\/procedures\/[0-9A-Z.-]+/);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/khai sinh/i);
  });
});

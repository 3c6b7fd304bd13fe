import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness } from './support/harness.js';

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
    await page.locator('main h2').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it.each(WORKSPACE_PAGES)('reception workspace page %s', async (path) => {
    if (!page.url().includes('/workspace')) await loginAs(page, h.baseUrl, 'tiepnhan.benthanh');
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h2').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  let admin = false;
  it.each(ADMIN_PAGES)('administrator page %s', async (path) => {
    if (!admin) await loginAs(page, h.baseUrl, 'admin');
    admin = true;
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator('main h2').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });
});

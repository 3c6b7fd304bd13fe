import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loginAs, SCREENSHOT_DIR } from './harness.js';

/** A new browser context signed in as a demo official (a counter's 1366×768 screen unless told otherwise). */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
) {
  const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await loginAs(page, baseUrl, username);
  return page;
}

/** Fetch from inside the signed-in page (same cookies, same origin); the body comes back base64-encoded. */
export const fetchIn = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await r.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: btoa(bin) };
  }, url);

/** The JSON body of a `fetchIn` answer. */
export const fetchedJson = (r: { body: string }) => JSON.parse(Buffer.from(r.body, 'base64').toString('utf8'));

/** Render the first page of a PDF to a PNG next to the screenshots (to look at a printed slip or ticket). */
export async function pdfScreenshot(pdf: Buffer, name: string, scale = 1.4) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: unknown };
  };
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), canvas.toBuffer('image/png'));
  await doc.destroy();
}

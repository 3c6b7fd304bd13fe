import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vnParts } from '@mot-cua/contracts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** data/fonts at the repository root (DejaVu Sans, full Vietnamese coverage, vendored with licence). */
function findFontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'fonts');
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('data/fonts/DejaVuSans.ttf not found');
}
const FONTS = findFontsDir();
export const FONT_REGULAR = join(FONTS, 'DejaVuSans.ttf');
export const FONT_BOLD = join(FONTS, 'DejaVuSans-Bold.ttf');

/** "09:00 ngày 02/03/2026" in Vietnam time. */
export function vnDateTime(d: Date | null | undefined): string {
  if (!d) return '—';
  const v = vnParts(d);
  return `${v.hour}:${v.minute} ngày ${v.day}/${v.month}/${v.year}`;
}

/** "02/03/2026" in Vietnam time. */
export function vnDay(d: Date | null | undefined): string {
  if (!d) return '—';
  const v = vnParts(d);
  return `${v.day}/${v.month}/${v.year}`;
}

export type Slip = InstanceType<typeof PDFDocument>;

const MARGIN = 50;

/** A4 document with the Vietnamese fonts registered and the national motto header. */
export function newSlip(title: string, subject: string): Slip {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Subject: subject, Creator: 'Một Cửa', Producer: 'Một Cửa' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular').fontSize(10);
  return doc;
}

export function header(doc: Slip, unitName: string, formLabel: string) {
  const w = doc.page.width - 2 * MARGIN;
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(9)
    .text(unitName.toUpperCase(), MARGIN, top, { width: w * 0.42, align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text(formLabel, MARGIN, doc.y + 2, { width: w * 0.42, align: 'center' });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(9)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + w * 0.42, top, {
      width: w * 0.58,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(9)
    .text('Độc lập - Tự do - Hạnh phúc', { width: w * 0.58, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.x = MARGIN;
}

export function title(doc: Slip, text: string, sub?: string) {
  doc
    .font('bold')
    .fontSize(14)
    .text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, align: 'center' });
  if (sub)
    doc
      .font('regular')
      .fontSize(10)
      .text(sub, { width: doc.page.width - 2 * MARGIN, align: 'center' });
  doc.moveDown(1);
  doc.x = MARGIN;
}

export function line(doc: Slip, label: string, value: string) {
  doc.font('bold').fontSize(10).text(`${label}: `, MARGIN, doc.y, { continued: true });
  doc.font('regular').text(value);
}

export function paragraph(doc: Slip, text: string) {
  doc
    .font('regular')
    .fontSize(10)
    .text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

export function heading(doc: Slip, text: string) {
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11).text(text, MARGIN, doc.y);
  doc.moveDown(0.2);
}

/** A simple bordered table; columns are fractions of the page width. */
export function table(doc: Slip, columns: Array<{ label: string; width: number }>, rows: string[][]) {
  const w = doc.page.width - 2 * MARGIN;
  const widths = columns.map((c) => c.width * w);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.text(c, x + 3, y + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.label),
    true,
  );
  for (const r of rows) drawRow(r, false);
  doc.moveDown(0.5);
}

/** QR code linking to the public lookup page, with the link printed under it (and `hint`, what to type there). */
export async function lookupQr(doc: Slip, url: string, hint?: string) {
  const png = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const size = 90;
  if (doc.y + size + 30 > doc.page.height - MARGIN) doc.addPage();
  const x = doc.page.width - MARGIN - size;
  const y = doc.y;
  doc.image(png, x, y, { width: size, height: size });
  doc
    .font('regular')
    .fontSize(8)
    .text('Tra cứu hồ sơ:', MARGIN, y + 10, { width: doc.page.width - 2 * MARGIN - size - 10 });
  doc.text(url, { width: doc.page.width - 2 * MARGIN - size - 10 });
  if (hint) doc.text(hint, { width: doc.page.width - 2 * MARGIN - size - 10 });
  doc.y = y + size + 8;
  doc.x = MARGIN;
}

export function signatures(doc: Slip, left: string, right: string) {
  doc.moveDown(1.5);
  const w = doc.page.width - 2 * MARGIN;
  if (doc.y + 80 > doc.page.height - MARGIN) doc.addPage();
  const y = doc.y;
  doc
    .font('bold')
    .fontSize(10)
    .text(left, MARGIN, y, { width: w / 2, align: 'center' });
  doc
    .font('regular')
    .fontSize(8)
    .text('(Ký, ghi rõ họ tên)', { width: w / 2, align: 'center' });
  doc
    .font('bold')
    .fontSize(10)
    .text(right, MARGIN + w / 2, y, { width: w / 2, align: 'center' });
  doc
    .font('regular')
    .fontSize(8)
    .text('(Ký, ghi rõ họ tên)', { width: w / 2, align: 'center' });
  doc.y = y + 80;
  doc.x = MARGIN;
}

/** Finish the document and collect its bytes. */
export function finish(doc: Slip): Promise<Buffer> {
  return new Promise((resolvePdf, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

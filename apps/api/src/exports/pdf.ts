import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR } from '../slips/pdf-document.js';
import { cellText, type ExportTable } from './export-table.js';

const MARGIN = 36;
const PAD = 3;
const SIZE = 8;

/** The table as a PDF (see renderTablesPdf). */
export function renderTablePdf(table: ExportTable, generatedAt: Date): Promise<Buffer> {
  return renderTablesPdf([table], generatedAt);
}

/**
 * Tables as one PDF (A4 landscape, DejaVu Sans embedded as the slips do, so Vietnamese prints as written), each
 * from a new page: its title, its subtitle, then its rows under a bold header repeated on every page, numbers
 * right-aligned.
 */
export function renderTablesPdf(tables: ReadonlyArray<ExportTable>, generatedAt: Date): Promise<Buffer> {
  const first = tables[0];
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: {
      Title: first?.title ?? '',
      Subject: first?.subtitle ?? first?.title ?? '',
      Creator: 'Một Cửa',
      Producer: 'Một Cửa',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  tables.forEach((table, i) => {
    if (i > 0) doc.addPage();
    drawTable(doc, table, generatedAt);
  });
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ExportTable, generatedAt: Date) {
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const weights = table.columns.map((c) => c.width ?? Math.max(8, Math.min(30, c.header.length)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => (w / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));

  doc.font('bold').fontSize(13).text(table.title, MARGIN, MARGIN, { width });
  if (table.subtitle) doc.font('regular').fontSize(9).text(table.subtitle, { width });
  const stamp = generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  doc.font('regular').fontSize(7).fillColor('#444').text(`Lập lúc ${stamp} UTC — Một Cửa`, { width });
  doc.fillColor('#000');
  let y = doc.y + 6;

  const rowHeight = (texts: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(SIZE);
    return (
      Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD
    );
  };
  const drawRow = (texts: string[], font: 'regular' | 'bold', shade: string | null) => {
    const h = rowHeight(texts, font);
    if (shade) doc.rect(MARGIN, y, width, h).fill(shade).fillColor('#000');
    doc.font(font).fontSize(SIZE);
    texts.forEach((t, i) => {
      const kind = table.columns[i]?.kind;
      const align =
        font === 'regular' && (kind === 'int' || kind === 'decimal' || kind === 'percent') ? 'right' : 'left';
      doc.text(t, (xs[i] ?? 0) + PAD, y + PAD, { width: (widths[i] ?? 0) - 2 * PAD, align });
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    y += h;
  };
  const headers = table.columns.map((c) => c.header);
  drawRow(headers, 'bold', '#dce6f1');
  if (table.rows.length === 0) {
    doc
      .font('regular')
      .fontSize(SIZE)
      .text('Không có dữ liệu trong phạm vi và kỳ đã chọn.', MARGIN, y + 6, { width });
  }
  for (const row of table.rows) {
    const texts = table.columns.map((c) => cellText(c, row[c.key]));
    if (y + rowHeight(texts, 'regular') > bottom) {
      doc.addPage();
      y = MARGIN;
      drawRow(headers, 'bold', '#dce6f1');
    }
    drawRow(texts, 'regular', null);
  }
}

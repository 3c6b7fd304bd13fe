import PDFDocument from 'pdfkit';

/** A page image: its bytes, or how to read them (from the file store, one page at a time). */
export type UploadedImage = { mediaType: string } & ({ content: Uint8Array } | { load: () => Promise<Uint8Array> });

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 18;

/**
 * Scanned or photographed pages (JPEG, PNG) as one PDF, one A4 page per image fitted inside the margins and
 * turned to landscape when the image is wider than tall, so a component photographed page by page at the
 * counter is stored as one document. pdfkit embeds the image bytes as they are (no re-encoding).
 */
export async function imagesToPdf(images: readonly UploadedImage[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title, Producer: 'Một Cửa' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const img of images) {
    const bytes = Buffer.from('content' in img ? img.content : await img.load());
    // pdfkit's openImage (not in its type definitions) reads the size without drawing.
    const opened = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(bytes);
    const landscape = opened.width > opened.height;
    const page = landscape ? { width: A4.height, height: A4.width } : A4;
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    doc.image(bytes, MARGIN, MARGIN, {
      fit: [page.width - 2 * MARGIN, page.height - 2 * MARGIN],
      align: 'center',
      valign: 'center',
    });
  }
  doc.end();
  return done;
}

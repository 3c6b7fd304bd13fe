import type { TicketView } from '@mot-cua/contracts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT_BOLD, FONT_REGULAR, finish, vnDateTime } from './pdf-document.js';

const MM = 72 / 25.4;
const PRIORITY_LABEL: Record<string, string> = {
  elderly: 'Ưu tiên: người cao tuổi',
  disabled: 'Ưu tiên: người khuyết tật',
  pregnant: 'Ưu tiên: phụ nữ mang thai',
  appointment: 'Ưu tiên: có lịch hẹn',
};

/**
 * A queue ticket for a thermal printer: 80 mm (72 mm printable) or 58 mm (48 mm printable) wide, one page as tall as
 * its content: center, big number, group, time, expected wait, QR to follow one's place by phone.
 */
export async function renderQueueTicket(t: TicketView, widthMm: 58 | 80): Promise<Buffer> {
  const printable = (widthMm === 80 ? 72 : 48) * MM;
  const margin = (widthMm * MM - printable) / 2;
  const big = widthMm === 80 ? 54 : 40;
  const qrSize = widthMm === 80 ? 44 * MM : 34 * MM;
  const height = 40 + 14 * 3 + big + 60 + qrSize + 50;
  const doc = new PDFDocument({
    size: [widthMm * MM, height],
    margin,
    info: { Title: `Số thứ tự ${t.number}`, Creator: 'Một Cửa', Producer: 'Một Cửa' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const line = (text: string, size: number, font: 'regular' | 'bold' = 'regular') =>
    doc.font(font).fontSize(size).text(text, margin, doc.y, { width: printable, align: 'center' });
  doc.y = margin;
  line(t.centerName.toUpperCase(), 7, 'bold');
  doc.moveDown(0.4);
  line('SỐ THỨ TỰ', 9);
  line(String(t.number), big, 'bold');
  line(t.groupName, 10, 'bold');
  if (t.priorityKind) line(PRIORITY_LABEL[t.priorityKind] ?? '', 8);
  doc.moveDown(0.3);
  line(`Lấy số lúc ${vnDateTime(new Date(t.issuedAt))}`, 7);
  line(`Trước quý khách: ${t.ahead} người · Chờ khoảng ${t.expectedWaitMinutes} phút`, 7);
  if (t.dossierCode) line(`Nhận kết quả hồ sơ ${t.dossierCode}`, 7);
  doc.moveDown(0.4);
  const png = await QRCode.toBuffer(t.followUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  doc.image(png, (widthMm * MM - qrSize) / 2, doc.y, { width: qrSize });
  doc.y += qrSize + 4;
  line('Quét mã để theo dõi lượt của bạn trên điện thoại', 6.5);
  line('Xin vui lòng chờ đến lượt', 6.5);
  return finish(doc);
}

import type { EformView } from '@mot-cua/contracts/eforms';
import { AppError } from '@mot-cua/core';
import {
  header,
  heading,
  line,
  lookupQr,
  paragraph,
  type Slip,
  signatures,
  table,
  title,
  vnDateTime,
} from './pdf-document.js';
import type { SlipInput } from './slip-input.js';

export const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

export const feeChannelText = { counter: 'thu tại quầy', online: 'thanh toán trực tuyến' } as const;

/** The e-form's sections as label → value tables (Vietnamese), as the declaration prints them. */
export function eformTables(doc: Slip, eform: EformView) {
  heading(doc, `Thông tin khai trên ${eform.title.vi.toLowerCase()}`);
  for (const s of eform.sections) {
    if (s.rows.length === 0) continue;
    paragraph(doc, s.title.vi);
    table(
      doc,
      [
        { label: 'Nội dung', width: 0.45 },
        { label: 'Thông tin khai', width: 0.55 },
      ],
      s.rows.map((r) => [r.label.vi, r.value.vi]),
    );
  }
}

/** The fee receipt (biên lai thu phí, lệ phí) of what was collected at the counter: one block per fee record. */
export async function feeReceipt(doc: Slip, i: SlipInput) {
  const d = i.dossier;
  const fees = (i.fees ?? []).filter((f) => f.channel === 'counter');
  if (fees.length === 0) throw new AppError('SLIP_NOT_AVAILABLE');
  header(doc, i.unitName(d.receivingUnitCode), 'Biên lai');
  title(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ', `Mã hồ sơ: ${d.code}`);
  line(doc, 'Người nộp', d.agent ? `${d.agent.fullName} (nộp thay ${d.applicant.fullName})` : d.applicant.fullName);
  if (d.applicant.address) line(doc, 'Địa chỉ', d.applicant.address);
  for (const f of fees) {
    line(doc, 'Số biên lai', f.receiptNumber);
    line(doc, 'Nội dung thu', f.description);
    line(doc, 'Số tiền', vnd(f.amountVnd));
    line(doc, 'Thời gian thu', vnDateTime(f.paidAt));
    if (f.collectedByName) line(doc, 'Người thu tiền', f.collectedByName);
  }
  if (d.book) line(doc, 'Sổ theo dõi hồ sơ', `Quyển số ${d.book.year}, số thứ tự ${d.book.number}`);
  doc.moveDown(0.5);
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, 'NGƯỜI NỘP TIỀN', 'NGƯỜI THU TIỀN');
}

import { apology, controlSheet, stop } from './handling-notices.js';
import { receipt, refusal, supplement } from './intake-slips.js';
import { finish, newSlip, type Slip } from './pdf-document.js';
import { feeReceipt } from './slip-fees.js';
import type { SlipInput, SlipKind } from './slip-input.js';

export type { SlipInput, SlipKind } from './slip-input.js';

const renderers: Record<SlipKind, (doc: Slip, i: SlipInput) => Promise<void>> = {
  receipt,
  supplement,
  refusal,
  apology,
  stop,
  'control-sheet': controlSheet,
  'fee-receipt': feeReceipt,
};

const titles: Record<SlipKind, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplement: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  stop: 'Thông báo dừng giải quyết hồ sơ',
  'control-sheet': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'fee-receipt': 'Biên lai thu phí, lệ phí',
};

/** Render one slip of a dossier as an A4 PDF with embedded Vietnamese fonts and a lookup QR code. */
export async function renderSlip(kind: SlipKind, input: SlipInput): Promise<Buffer> {
  const doc = newSlip(`${titles[kind]} - ${input.dossier.code}`, input.dossier.code);
  try {
    await renderers[kind](doc, input);
  } catch (e) {
    doc.end();
    throw e;
  }
  return finish(doc);
}

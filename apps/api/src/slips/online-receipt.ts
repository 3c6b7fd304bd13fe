import type { DossierFee, DossierRecord } from '@mot-cua/core';
import { finish, header, line, lookupQr, newSlip, paragraph, signatures, title, vnDateTime } from './pdf-document.js';

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

/**
 * The receipt (biên lai) of a fee or financial obligation paid online through the payment gateway: the amount
 * settled by the gateway's signed notification, its transaction reference and time; same fonts and layout as the
 * counter's fee receipt.
 */
export async function renderOnlineReceipt(i: {
  dossier: DossierRecord;
  /** The dossier's fee record of the payment (channel online). */
  fee: DossierFee;
  unitName: string;
  lookupUrl: string;
}): Promise<Buffer> {
  const { dossier: d, fee: p } = i;
  const doc = newSlip(`Biên lai thanh toán trực tuyến - ${d.code}`, d.code);
  try {
    header(doc, i.unitName, 'Biên lai điện tử');
    title(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ (THANH TOÁN TRỰC TUYẾN)', `Mã hồ sơ: ${d.code}`);
    line(doc, 'Người nộp', d.agent ? `${d.agent.fullName} (nộp thay ${d.applicant.fullName})` : d.applicant.fullName);
    if (d.applicant.idNumber) line(doc, 'Số định danh cá nhân', d.applicant.idNumber);
    line(doc, 'Số biên lai', p.receiptNumber);
    line(doc, 'Nội dung thu', `${p.description} - thủ tục ${d.procedureName} (${d.procedureCode})`);
    line(doc, 'Số tiền', vnd(p.amountVnd));
    line(doc, 'Hình thức', `Thanh toán trực tuyến qua cổng thanh toán (${p.gateway ?? ''})`);
    if (p.orderRef) line(doc, 'Mã đơn hàng', p.orderRef);
    if (p.gatewayTxnRef) line(doc, 'Mã giao dịch của cổng thanh toán', p.gatewayTxnRef);
    line(doc, 'Thời gian thanh toán', vnDateTime(p.paidAt));
    doc.moveDown(0.5);
    paragraph(
      doc,
      'Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch thành công (thông báo có chữ ký).',
    );
    await lookupQr(doc, i.lookupUrl);
    signatures(doc, 'NGƯỜI NỘP TIỀN', 'ĐƠN VỊ THU\n(ký điện tử)');
  } catch (e) {
    doc.end();
    throw e;
  }
  return finish(doc);
}

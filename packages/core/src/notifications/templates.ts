import { smsText } from '../text/sms-text.js';
import { vnParts } from '../time/vn-time.js';

/** The events an applicant is told about (issue 12), and `message` for other features' own texts. */
export const NOTIFICATION_EVENTS = [
  'receipt',
  'online_registered',
  'supplement_requested',
  'financial_obligation',
  'apology',
  'result_ready',
  'returned',
  'refused',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export type NotificationContext = {
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  /** The due date (appointment to return the result); the new one for an apology. */
  dueAt?: Date | null;
  /** What is missing (supplement) or the reasons (refusal). */
  items?: string[];
  /** Amount to pay (financial obligation), in đồng. */
  amount?: number | null;
  /** Why the dossier is late (apology). */
  reason?: string | null;
  /** Where the applicant looks the dossier up. */
  lookupUrl: string;
};

export type RenderedNotification = { subject: string; text: string; sms: string };

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function formatVnDateTime(d: Date): string {
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

/**
 * The Vietnamese texts of each event: an e-mail (subject and body) and an SMS (short, without diacritics-heavy
 * padding), each with the dossier code, the due date where there is one and the lookup link.
 */
export function renderNotification(event: NotificationEvent, c: NotificationContext): RenderedNotification {
  const due = c.dueAt ? formatVnDateTime(c.dueAt) : null;
  const list = (c.items ?? []).filter(Boolean);
  const greeting = `Kính gửi Ông/Bà ${c.applicantName},`;
  const footer = `Tra cứu hồ sơ: ${c.lookupUrl}\n\nĐây là thư tự động của Trung tâm Phục vụ hành chính công, xin không trả lời thư này.`;
  const body = (lines: Array<string | null | false>) =>
    [greeting, '', ...lines.filter((l) => l !== null && l !== false), '', footer].join('\n');
  switch (event) {
    case 'receipt':
      return {
        subject: `Đã tiếp nhận hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ "${c.procedureName}" của Ông/Bà đã được tiếp nhận, mã hồ sơ ${c.dossierCode}.`,
          due ? `Ngày hẹn trả kết quả: ${due}.` : 'Thủ tục này không quy định thời hạn giải quyết.',
        ]),
        sms: `Ho so ${c.dossierCode} da duoc tiep nhan.${due ? ` Hen tra: ${due}.` : ''} Tra cuu: ${c.lookupUrl}`,
      };
    case 'online_registered':
      return {
        subject: `Đã nhận hồ sơ trực tuyến ${c.dossierCode}`,
        text: body([
          `Hồ sơ trực tuyến "${c.procedureName}" của Ông/Bà đã được chuyển đến bộ phận một cửa, mã hồ sơ ${c.dossierCode}.`,
          'Cán bộ sẽ kiểm tra và thông báo tiếp nhận hoặc yêu cầu bổ sung.',
        ]),
        sms: `Ho so truc tuyen ${c.dossierCode} da chuyen den bo phan mot cua. Tra cuu: ${c.lookupUrl}`,
      };
    case 'supplement_requested':
      return {
        subject: `Yêu cầu bổ sung hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ ${c.dossierCode} ("${c.procedureName}") cần bổ sung, hoàn thiện:`,
          ...list.map((i) => `- ${i}`),
          'Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.',
        ]),
        sms: `Ho so ${c.dossierCode} can bo sung: ${smsText(list.join('; '), 80)} Chi tiet: ${c.lookupUrl}`,
      };
    case 'financial_obligation':
      return {
        subject: `Thông báo nghĩa vụ tài chính — hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ ${c.dossierCode} ("${c.procedureName}") cần thực hiện nghĩa vụ tài chính${c.amount ? `: ${money(c.amount)}` : ''}.`,
          'Thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn giải quyết.',
        ]),
        sms: `Ho so ${c.dossierCode}: can thuc hien nghia vu tai chinh${c.amount ? ` ${c.amount} dong` : ''}. Chi tiet: ${c.lookupUrl}`,
      };
    case 'apology':
      return {
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ ${c.dossierCode} ("${c.procedureName}") chưa giải quyết được đúng hạn${c.reason ? ` vì ${c.reason}` : ''}.`,
          'Cơ quan giải quyết chân thành xin lỗi Ông/Bà.',
          due ? `Ngày hẹn trả kết quả mới: ${due}.` : null,
        ]),
        sms: `Xin loi: ho so ${c.dossierCode} bi tre han.${due ? ` Hen tra moi: ${due}.` : ''} Tra cuu: ${c.lookupUrl}`,
      };
    case 'result_ready':
      return {
        subject: `Đã có kết quả hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ ${c.dossierCode} ("${c.procedureName}") đã có kết quả.`,
          'Ông/Bà nhận kết quả theo hình thức đã đăng ký (tại bộ phận một cửa, qua bưu chính hoặc trên Cổng Dịch vụ công).',
        ]),
        sms: `Ho so ${c.dossierCode} da co ket qua. Tra cuu: ${c.lookupUrl}`,
      };
    case 'returned':
      return {
        subject: `Đã trả kết quả hồ sơ ${c.dossierCode}`,
        text: body([
          `Kết quả hồ sơ ${c.dossierCode} ("${c.procedureName}") đã được trả cho Ông/Bà.`,
          'Mời Ông/Bà đánh giá mức độ hài lòng tại trang tra cứu.',
        ]),
        sms: `Ho so ${c.dossierCode} da tra ket qua. Danh gia: ${c.lookupUrl}`,
      };
    case 'refused':
      return {
        subject: `Từ chối tiếp nhận hồ sơ ${c.dossierCode}`,
        text: body([
          `Hồ sơ ${c.dossierCode} ("${c.procedureName}") không được tiếp nhận vì:`,
          ...list.map((i) => `- ${i}`),
        ]),
        sms: `Ho so ${c.dossierCode} bi tu choi. Ly do: ${smsText(list.join('; '), 80)} Chi tiet: ${c.lookupUrl}`,
      };
  }
}

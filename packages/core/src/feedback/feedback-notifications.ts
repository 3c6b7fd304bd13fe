import type { FeedbackAction } from '@mot-cua/contracts';
import {
  type NotificationPort,
  type NotifyApplicantResult,
  notifyApplicant,
} from '../notifications/notify-applicant.js';
import { formatVnDateTime } from '../notifications/templates.js';
import { smsText } from '../text/sms-text.js';

/** What the submitter of a feedback is told (by e-mail and SMS, through issue 12's outbox). */
export type FeedbackNotice =
  | { event: 'received' }
  | { event: 'accepted'; dueAt: Date | null }
  | { event: 'refused'; reason: string }
  | { event: 'info_requested'; question: string }
  | { event: 'answered'; answer: string }
  | { event: 'published' };

/** The step of the handling that tells the submitter something, and what. */
export function feedbackNoticeFor(
  action: FeedbackAction,
  step: { text: string | null; dueAt: Date | null; answer: string | null },
): FeedbackNotice | null {
  switch (action) {
    case 'accept':
      return { event: 'accepted', dueAt: step.dueAt };
    case 'refuse':
      return { event: 'refused', reason: step.text ?? '' };
    case 'request_info':
      return { event: 'info_requested', question: step.text ?? '' };
    case 'approve_answer':
      return { event: 'answered', answer: step.answer ?? '' };
    case 'publish':
      return { event: 'published' };
    default:
      return null;
  }
}

/** Re-exported: the feedback texts' SMS folding, shared with the dossier notifications. */
export { smsText };

export type RenderedFeedbackNotice = { subject: string; text: string; sms: string };

/** The Vietnamese texts of a notice: e-mail subject and body, and the SMS, each with the tracking link. */
export function renderFeedbackNotice(
  n: FeedbackNotice,
  f: { code: string; submitterName: string | null },
  trackingUrl: string,
): RenderedFeedbackNotice {
  const greeting = `Kính gửi ${f.submitterName ? `Ông/Bà ${f.submitterName}` : 'Ông/Bà'},`;
  const footer = `Theo dõi và đánh giá: ${trackingUrl}\n\nĐây là thư tự động của Trung tâm Phục vụ hành chính công, xin không trả lời thư này.`;
  const body = (...lines: string[]) => [greeting, '', ...lines, '', footer].join('\n');
  const c = f.code;
  switch (n.event) {
    case 'received':
      return {
        subject: `Đã nhận phản ánh, kiến nghị ${c}`,
        text: body(`Phản ánh, kiến nghị của Ông/Bà đã được ghi nhận, mã số ${c}.`),
        sms: `Da nhan phan anh ${c}. Theo doi: ${trackingUrl}`,
      };
    case 'accepted': {
      const due = n.dueAt ? formatVnDateTime(n.dueAt) : null;
      return {
        subject: `Đã thụ lý phản ánh, kiến nghị ${c}`,
        text: body(
          `Phản ánh, kiến nghị ${c} đã được thụ lý và đang được xem xét.`,
          ...(due ? [`Hạn trả lời: ${due}.`] : []),
        ),
        sms: `Phan anh ${c} da duoc thu ly.${due ? ` Han tra loi: ${due}.` : ''} Theo doi: ${trackingUrl}`,
      };
    }
    case 'refused':
      return {
        subject: `Không thụ lý phản ánh, kiến nghị ${c}`,
        text: body(`Phản ánh, kiến nghị ${c} không được thụ lý vì:`, n.reason),
        sms: `Phan anh ${c} khong duoc thu ly. Ly do: ${smsText(n.reason, 90)} Chi tiet: ${trackingUrl}`,
      };
    case 'info_requested':
      return {
        subject: `Đề nghị bổ sung thông tin — phản ánh ${c}`,
        text: body(
          `Để trả lời phản ánh, kiến nghị ${c}, đề nghị Ông/Bà bổ sung thông tin:`,
          n.question,
          'Thời hạn trả lời được tính tiếp từ khi nhận đủ thông tin.',
        ),
        sms: `Phan anh ${c}: de nghi bo sung: ${smsText(n.question, 90)} Chi tiet: ${trackingUrl}`,
      };
    case 'answered':
      return {
        subject: `Trả lời phản ánh, kiến nghị ${c}`,
        text: body(
          `Cơ quan có thẩm quyền trả lời phản ánh, kiến nghị ${c} như sau:`,
          n.answer,
          'Mời Ông/Bà đánh giá mức độ hài lòng với câu trả lời tại trang theo dõi.',
        ),
        sms: `Phan anh ${c} da duoc tra loi: ${smsText(n.answer, 90)} Xem va danh gia: ${trackingUrl}`,
      };
    case 'published':
      return {
        subject: `Công khai trả lời phản ánh, kiến nghị ${c}`,
        text: body(
          `Câu trả lời phản ánh, kiến nghị ${c} đã được công khai trên trang Hỏi đáp (không kèm thông tin cá nhân của Ông/Bà).`,
        ),
        sms: `Tra loi phan anh ${c} da duoc cong khai. Xem: ${trackingUrl}`,
      };
  }
}

/** Where the submitter's messages go, and the submitter's tracking page. */
export interface FeedbackNotificationPort extends NotificationPort {
  trackingUrl(token: string): string;
}

/**
 * Tell the submitter (by e-mail and SMS where they gave an address and did not opt out), as outbox rows in the
 * step's transaction. `key` names the step (`feedback:<id>:<event row id>`), so a step notifies once: the
 * outbox refuses a second row with the same key and the receivers deduplicate on it.
 */
export function notifyFeedbackSubmitter(
  port: FeedbackNotificationPort,
  f: {
    id: string;
    code: string;
    token: string;
    provinceCode: string;
    submitterName: string | null;
    submitterPhone: string | null;
    submitterEmail: string | null;
  },
  notice: FeedbackNotice,
  key: string,
): Promise<NotifyApplicantResult> {
  const rendered = renderFeedbackNotice(notice, f, port.trackingUrl(f.token));
  return notifyApplicant(port, {
    about: { type: 'feedback', id: f.id, code: f.code },
    provinceCode: f.provinceCode,
    recipient: { email: f.submitterEmail, phone: f.submitterPhone },
    message: { event: `feedback.${notice.event}`, ...rendered },
    key,
  });
}

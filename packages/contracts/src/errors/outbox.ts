import type { ErrorEntry } from './types.js';

/** Error codes of the outbox (delivery of status changes to the national portal). */
export const outboxErrors = {
  OUTBOX_MESSAGE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bản tin đồng bộ.',
    en: 'Outbox message not found.',
  },
  OUTBOX_MESSAGE_NOT_DEAD: {
    status: 409,
    vi: 'Bản tin đồng bộ không nằm trong danh sách gửi lỗi, không thể sửa hoặc gửi lại.',
    en: 'The outbox message is not in the dead-letter list; it cannot be corrected or re-sent.',
  },
  NOTIFY_UNSUBSCRIBE_LINK_INVALID: {
    status: 400,
    vi: 'Đường dẫn ngừng nhận thông báo không hợp lệ. Vui lòng dùng đúng đường dẫn trong thư hoặc tin nhắn.',
    en: 'The unsubscribe link is not valid. Please use the link exactly as it is in the message.',
  },
  PORTAL_WEBHOOK_OFF: {
    status: 404,
    vi: 'Máy chủ này không nhận hồ sơ đẩy từ Cổng Dịch vụ công quốc gia (chưa cấu hình khóa ký).',
    en: 'This server takes no pushed dossiers from the national portal (no signing secret is configured).',
  },
  PORTAL_WEBHOOK_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký của hồ sơ đẩy từ Cổng Dịch vụ công quốc gia không hợp lệ hoặc đã quá hạn.',
    en: 'The signature of the dossier pushed by the national portal is missing, wrong or too old.',
  },
  NOTIFY_SIMULATOR_NOT_RUNNING: {
    status: 404,
    vi: 'Hộp thư mô phỏng không chạy trên máy chủ này (đã cấu hình máy chủ thư thật).',
    en: 'The mail catcher does not run on this server (a real mail server is configured).',
  },
} as const satisfies Record<string, ErrorEntry>;

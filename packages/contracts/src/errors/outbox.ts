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
  PORTAL_IMPORT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ trực tuyến này trong danh sách nhận từ Cổng Dịch vụ công quốc gia.',
    en: 'This online dossier is not among those received from the national portal.',
  },
  PORTAL_IMPORT_ALREADY_IMPORTED: {
    status: 409,
    vi: 'Hồ sơ trực tuyến này đã được chuyển vào một đơn vị; không chuyển lại được.',
    en: 'This online dossier was already imported into a unit; it cannot be routed again.',
  },
  PORTAL_DOSSIER_GONE: {
    status: 410,
    vi: 'Hồ sơ không còn trên Cổng Dịch vụ công quốc gia (người nộp đã rút hoặc Cổng đã xóa); không chuyển được.',
    en: 'The dossier is no longer on the national portal (withdrawn by the applicant or removed); it cannot be routed.',
  },
  PORTAL_UNAVAILABLE: {
    status: 503,
    vi: 'Cổng Dịch vụ công quốc gia tạm thời không trả lời. Vui lòng thử lại sau ít phút.',
    en: 'The national portal does not answer at the moment. Please try again in a few minutes.',
  },
  NOTIFY_SIMULATOR_NOT_RUNNING: {
    status: 404,
    vi: 'Hộp thư mô phỏng không chạy trên máy chủ này (đã cấu hình máy chủ thư thật).',
    en: 'The mail catcher does not run on this server (a real mail server is configured).',
  },
} as const satisfies Record<string, ErrorEntry>;

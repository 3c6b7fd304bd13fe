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
  NOTIFY_SIMULATOR_NOT_RUNNING: {
    status: 404,
    vi: 'Hộp thư mô phỏng không chạy trên máy chủ này (đã cấu hình máy chủ thư thật).',
    en: 'The mail catcher does not run on this server (a real mail server is configured).',
  },
} as const satisfies Record<string, ErrorEntry>;

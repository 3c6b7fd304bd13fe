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
} as const satisfies Record<string, ErrorEntry>;

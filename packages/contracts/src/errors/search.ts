import type { ErrorEntry } from './types.js';

/** Error codes of procedure search and the assistant. */
export const searchErrors = {
  SEARCH_QUERY_EMPTY: {
    status: 400,
    vi: 'Vui lòng nhập tên thủ tục, mã thủ tục hoặc câu hỏi.',
    en: 'Please enter a procedure name, code or question.',
  },
  SEARCH_QUERY_TOO_LONG: {
    status: 400,
    vi: 'Nội dung tìm kiếm quá dài, vui lòng rút gọn.',
    en: 'The search text is too long; please shorten it.',
  },
  ASSISTANT_CHOICE_NOT_OFFERED: {
    status: 400,
    vi: 'Lựa chọn không nằm trong các gợi ý đã đưa ra.',
    en: 'The choice is not one of the suggestions offered.',
  },
} as const satisfies Record<string, ErrorEntry>;

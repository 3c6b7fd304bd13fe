import type { ErrorEntry } from './types.js';

/** What the edge of the API answers before any feature sees the request (issue 16). */
export const edgeErrors = {
  INVALID_CHARACTERS: {
    status: 400,
    vi: 'Dữ liệu chứa ký tự không hợp lệ (ví dụ ký tự NUL). Vui lòng kiểm tra lại.',
    en: 'The request contains characters that are not allowed (such as NUL).',
  },
  NESTING_TOO_DEEP: {
    status: 400,
    vi: 'Dữ liệu gửi lên lồng nhau quá sâu.',
    en: 'The request data is nested too deeply.',
  },
  MULTIPART_MALFORMED: {
    status: 400,
    vi: 'Tệp gửi lên không đúng định dạng hoặc bị gián đoạn. Vui lòng gửi lại.',
    en: 'The uploaded form is malformed or was cut off. Please send it again.',
  },
  URI_TOO_LONG: { status: 414, vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request address is too long.' },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: 'Phần đầu (header) của yêu cầu quá lớn.',
    en: 'The request headers are too large.',
  },
  EXPECTATION_FAILED: {
    status: 417,
    vi: 'Máy chủ không hỗ trợ giá trị Expect của yêu cầu (chỉ hỗ trợ 100-continue).',
    en: 'The Expect header of the request is not supported (only 100-continue is).',
  },
  REQUEST_TIMEOUT: { status: 408, vi: 'Yêu cầu quá thời gian chờ.', en: 'The request timed out.' },
} as const satisfies Record<string, ErrorEntry>;

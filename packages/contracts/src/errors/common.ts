import type { ErrorEntry } from './types.js';

export const commonErrors = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  MALFORMED_REQUEST: { status: 400, vi: 'Yêu cầu không đúng định dạng.', en: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  SESSION_EXPIRED: {
    status: 401,
    vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
    en: 'Your session has expired; please sign in again.',
  },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  OUT_OF_JURISDICTION: {
    status: 403,
    vi: 'Đối tượng này không thuộc đơn vị bạn phụ trách.',
    en: 'This is outside the units you are responsible for.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: 'Mã chống giả mạo yêu cầu (CSRF) không hợp lệ. Vui lòng tải lại trang.',
    en: 'Invalid CSRF token. Please reload the page.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này.', en: 'No such endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã thay đổi hoặc bị trùng.', en: 'Conflicting or duplicate data.' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'This username is already taken.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
    en: 'Too many requests; please try again in a few minutes.',
  },
  INTERNAL_ERROR: {
    status: 500,
    vi: 'Đã có lỗi hệ thống. Dữ liệu của bạn không bị mất; vui lòng thử lại.',
    en: 'An internal error occurred. Nothing was lost; please try again.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống tạm thời không sẵn sàng.',
    en: 'The service is temporarily unavailable.',
  },
} as const satisfies Record<string, ErrorEntry>;

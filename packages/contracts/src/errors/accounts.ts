import type { ErrorEntry } from './types.js';

/** Accounts: passwords and the first administrator (issue 16). */
export const accountsErrors = {
  PASSWORD_TOO_WEAK: {
    status: 400,
    vi: 'Mật khẩu chưa đủ mạnh: tối thiểu 12 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến.',
    en: 'The password is too weak: at least 12 characters, not containing the username, not a common password.',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  ADMINISTRATOR_EXISTS: {
    status: 409,
    vi: 'Đã có quản trị viên hệ thống; hãy dùng tài khoản đó để tạo người dùng mới.',
    en: 'A system administrator already exists; use that account to create users.',
  },
  PASSWORD_REUSED: {
    status: 400,
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Bạn đang dùng mật khẩu một lần: hãy đổi mật khẩu trước khi tiếp tục.',
    en: 'You signed in with a one-time password: change your password before going on.',
  },
  ONE_TIME_PASSWORD_EXPIRED: {
    status: 401,
    vi: 'Mật khẩu một lần đã hết hạn; hãy đề nghị quản trị viên cấp lại.',
    en: 'The one-time password has expired; ask an administrator for a new one.',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 401,
    vi: 'Nhập mã xác thực 6 chữ số từ ứng dụng xác thực (hoặc một mã khôi phục).',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code).',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    vi: 'Mã xác thực không đúng hoặc đã được dùng.',
    en: 'The authentication code is wrong or has been used.',
  },
  SECOND_FACTOR_NOT_OFFERED: {
    status: 403,
    vi: 'Xác thực hai lớp dành cho quản trị viên và cán bộ giám sát.',
    en: 'The second factor is for administrators and supervisors.',
  },
  SECOND_FACTOR_ALREADY_ON: {
    status: 409,
    vi: 'Tài khoản đã bật xác thực hai lớp.',
    en: 'The account already has a second factor.',
  },
  SECOND_FACTOR_NOT_ENROLLING: {
    status: 409,
    vi: 'Chưa bắt đầu đăng ký xác thực hai lớp.',
    en: 'No second-factor enrolment is under way.',
  },
  USER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy người dùng.',
    en: 'User not found.',
  },
  GRANT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy vai trò được giao.',
    en: 'Role grant not found.',
  },
  GRANT_ABOVE_OWN_ROLE: {
    status: 403,
    vi: 'Không thể giao vai trò cao hơn vai trò của chính mình.',
    en: 'You cannot grant a role above your own.',
  },
  GRANT_FROM_ASSIGNMENT: {
    status: 409,
    vi: 'Vai trò này do quyết định phân công tạo ra; hãy thay đổi qua phân công cán bộ.',
    en: 'This grant comes from an assignment; change it through the assignment.',
  },
  GRANT_DUPLICATE: {
    status: 409,
    vi: 'Người dùng đã có vai trò này tại đơn vị này.',
    en: 'The user already holds this role in this unit.',
  },
  CANNOT_MANAGE_SELF: {
    status: 409,
    vi: 'Không thể tự khóa hoặc cấp lại mật khẩu cho chính mình.',
    en: 'You cannot disable or reset your own account.',
  },
  SESSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên đăng nhập.',
    en: 'Session not found.',
  },
} as const satisfies Record<string, ErrorEntry>;

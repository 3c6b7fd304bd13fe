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
} as const satisfies Record<string, ErrorEntry>;

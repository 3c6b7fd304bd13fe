import type { ErrorEntry } from './types.js';

/** The file store of attachment contents (issue 16). */
export const filesErrors = {
  STORAGE_FULL: {
    status: 507,
    vi: 'Kho lưu trữ tệp đã đầy nên chưa lưu được tệp; hồ sơ chưa được ghi nhận. Vui lòng báo quản trị hệ thống và thử lại sau.',
    en: 'The file storage is full, so the file was not saved and nothing was recorded. Please tell the system administrator and try again later.',
  },
  STORED_FILE_MISSING: {
    status: 500,
    vi: 'Không tìm thấy nội dung tệp trong kho lưu trữ. Vui lòng báo quản trị hệ thống.',
    en: 'The file content is missing from the file storage. Please tell the system administrator.',
  },
} as const satisfies Record<string, ErrorEntry>;

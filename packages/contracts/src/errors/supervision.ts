import type { ErrorEntry } from './types.js';

/** Error codes of supervision (issue 15): the delegated-task register's import, the monthly report files. */
export const supervisionErrors = {
  DELEGATED_TASKS_INVALID: {
    status: 422,
    vi: 'Bảng nhiệm vụ phân cấp có dòng không hợp lệ; chưa nhập dòng nào. Xem lỗi của từng dòng.',
    en: 'The delegated-task sheet has invalid rows; nothing was imported. See the errors of each row.',
  },
  DELEGATED_TASKS_SHEET_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp Excel (.xlsx) hoặc tệp không có trang tính với đúng các cột của mẫu.',
    en: 'The file is not a readable Excel (.xlsx) workbook with the template’s columns.',
  },
  MONTHLY_REPORT_NOT_READY: {
    status: 404,
    vi: 'Báo cáo tháng này của tỉnh chưa được lập xong.',
    en: 'This month’s report of the province has not been generated yet.',
  },
} as const satisfies Record<string, ErrorEntry>;

import type { ErrorEntry } from './types.js';

/** Error codes of the procedures feature. */
export const proceduresErrors = {
  PROCEDURE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục hành chính.',
    en: 'Procedure not found.',
  },
  PROCEDURE_VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên bản thủ tục hành chính.',
    en: 'Procedure version not found.',
  },
  PROCEDURE_WITHDRAWN: {
    status: 409,
    vi: 'Thủ tục đã bị bãi bỏ khỏi danh mục, không thể cấu hình.',
    en: 'This procedure has been withdrawn from the catalog and cannot be configured.',
  },
  UNIT_CODE_INVALID: {
    status: 400,
    vi: 'Mã đơn vị hành chính không hợp lệ.',
    en: 'Invalid admin unit code.',
  },
  INTERNAL_PROCESS_INVALID: {
    status: 400,
    vi: 'Quy trình nội bộ không hợp lệ: các bước phải đánh số liên tục và tổng thời gian phải bằng thời hạn giải quyết theo quy định.',
    en: 'Invalid internal process: steps must be numbered in order and their times must add up to the legal time limit.',
  },
  COMPONENT_CONDITION_INVALID: {
    status: 400,
    vi: 'Điều kiện của thành phần hồ sơ không hợp lệ: "nếu thuộc trường hợp" cần nêu trường hợp; "theo hình thức nộp" cần chọn một hoặc hai hình thức.',
    en: 'Invalid component condition: "if applicable" needs the case; "per channel" needs one or two channels.',
  },
} as const satisfies Record<string, ErrorEntry>;

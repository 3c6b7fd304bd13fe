import type { ErrorEntry } from './types.js';

/** Error codes of the admin-units feature (units, change events, organisation, officials' assignments). */
export const adminUnitsErrors = {
  ADMIN_UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính có mã này vào ngày đã chọn.',
    en: 'No administrative unit with this code on the chosen date.',
  },
  CHANGE_EVENT_INVALID: {
    status: 400,
    vi: 'Sự kiện thay đổi địa giới không hợp lệ.',
    en: 'The unit change event is invalid.',
  },
  UNIT_VERSION_CONFLICT: {
    status: 409,
    vi: 'Đơn vị đã có thay đổi vào hoặc sau ngày hiệu lực này; hãy chọn ngày khác.',
    en: 'The unit already changes on or after this date; choose another date.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: 'Mã đơn vị hành chính này đang được sử dụng.',
    en: 'This unit code is already in use.',
  },
  REVIEW_ITEM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy mục cần rà soát.',
    en: 'No such review item.',
  },
  REVIEW_ITEM_CLOSED: {
    status: 409,
    vi: 'Mục rà soát này đã được xử lý.',
    en: 'This review item has already been resolved.',
  },
  REVIEW_TARGET_INVALID: {
    status: 400,
    vi: 'Đơn vị được chọn không nằm trong danh sách đơn vị kế thừa.',
    en: 'The chosen unit is not one of the successor units.',
  },
  DEPARTMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phòng chuyên môn.', en: 'No such department.' },
  DEPARTMENT_NAME_TAKEN: {
    status: 409,
    vi: 'Đơn vị đã có phòng chuyên môn cùng tên.',
    en: 'The unit already has a department with this name.',
  },
  SERVICE_CENTER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy Trung tâm phục vụ hành chính công.',
    en: 'No such service center.',
  },
  SERVICE_CENTER_EXISTS: {
    status: 409,
    vi: 'Đơn vị đã có Trung tâm phục vụ hành chính công.',
    en: 'The unit already has a service center.',
  },
  COUNTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quầy.', en: 'No such counter.' },
  COUNTER_NUMBER_TAKEN: {
    status: 409,
    vi: 'Số quầy này đã có trong trung tâm.',
    en: 'This counter number already exists in the center.',
  },
  OFFICIAL_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cán bộ, công chức.', en: 'No such official.' },
  ASSIGNMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quyết định phân công.', en: 'No such assignment.' },
  ASSIGNMENT_INVALID: {
    status: 400,
    vi: 'Phân công, điều động không hợp lệ.',
    en: 'The assignment is invalid.',
  },
  ASSIGNMENT_CONFLICT: {
    status: 409,
    vi: 'Cán bộ đã có phân công bắt đầu vào hoặc sau ngày hiệu lực này.',
    en: 'The official already has an assignment starting on or after this date.',
  },
} as const satisfies Record<string, ErrorEntry>;

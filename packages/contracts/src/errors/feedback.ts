import type { ErrorEntry } from './types.js';

/** Error codes of feedback and the hotline (PAKN). */
export const feedbackErrors = {
  FEEDBACK_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phản ánh, kiến nghị.',
    en: 'Feedback not found.',
  },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.',
    en: 'This action is not allowed in the current state of the feedback.',
  },
  FEEDBACK_TEXT_REQUIRED: {
    status: 400,
    vi: 'Cần nhập nội dung (lý do, yêu cầu bổ sung hoặc trả lời).',
    en: 'A text is required (reason, information requested or answer).',
  },
  FEEDBACK_CONTACT_REQUIRED: {
    status: 400,
    vi: 'Cần số điện thoại hoặc thư điện tử để nhận trả lời, hoặc chọn gửi ẩn danh.',
    en: 'A phone number or e-mail is needed to receive the answer, or choose to send anonymously.',
  },
  FEEDBACK_PHOTO_INVALID: {
    status: 400,
    vi: 'Ảnh đính kèm phải là JPEG hoặc PNG, tối đa 400 kB mỗi ảnh.',
    en: 'Photos must be JPEG or PNG, at most 400 kB each.',
  },
  FEEDBACK_UNIT_UNKNOWN: {
    status: 400,
    vi: 'Không tìm thấy xã, phường hoặc tỉnh đã chọn.',
    en: 'The chosen commune, ward or province was not found.',
  },
  FEEDBACK_DOSSIER_UNKNOWN: {
    status: 400,
    vi: 'Không tìm thấy hồ sơ có mã đã nhập.',
    en: 'No dossier has the code entered.',
  },
  FEEDBACK_ALREADY_RATED: {
    status: 409,
    vi: 'Phản ánh này đã được đánh giá.',
    en: 'This feedback has already been rated.',
  },
  FEEDBACK_ROUTING_RULE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy quy tắc chuyển xử lý.',
    en: 'Routing rule not found.',
  },
  FEEDBACK_DEPARTMENT_MISMATCH: {
    status: 400,
    vi: 'Phòng ban không thuộc đơn vị đã chọn.',
    en: 'The department does not belong to the chosen unit.',
  },
  OPEN311_KEY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy khóa Open311.',
    en: 'Open311 API key not found.',
  },
  OPEN311_KEY_ALREADY_REVOKED: {
    status: 409,
    vi: 'Khóa Open311 này đã bị thu hồi.',
    en: 'This Open311 API key is already revoked.',
  },
} as const satisfies Record<string, ErrorEntry>;

import type { ErrorEntry } from './types.js';

/** Error codes of the front desk (queue tickets, counters, display, appointments). */
export const queueErrors = {
  QUEUE_CENTER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy trung tâm phục vụ hành chính công.',
    en: 'Service center not found.',
  },
  QUEUE_GROUP_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nhóm dịch vụ của trung tâm.',
    en: 'Service group not found at this center.',
  },
  QUEUE_TICKET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy số thứ tự.', en: 'Queue ticket not found.' },
  QUEUE_COUNTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quầy.', en: 'Counter not found.' },
  QUEUE_COUNTER_NOT_OPEN: {
    status: 409,
    vi: 'Quầy chưa mở phiên làm việc; hãy mở quầy trước khi gọi số.',
    en: 'The counter has no open session; open it before calling tickets.',
  },
  QUEUE_COUNTER_BUSY: {
    status: 409,
    vi: 'Quầy đang có số được gọi hoặc đang phục vụ; hãy kết thúc số đó trước.',
    en: 'The counter already has a called or serving ticket; finish it first.',
  },
  QUEUE_COUNTER_TAKEN: {
    status: 409,
    vi: 'Quầy đang do cán bộ khác phụ trách trong phiên này.',
    en: 'Another official holds this counter for the session.',
  },
  QUEUE_EMPTY: {
    status: 409,
    vi: 'Không còn ai đang chờ ở các nhóm của quầy.',
    en: 'No one is waiting for this counter.',
  },
  QUEUE_TRANSITION_NOT_ALLOWED: {
    status: 409,
    vi: 'Số thứ tự đang ở trạng thái không cho phép thao tác này.',
    en: 'The ticket is in a state that does not allow this action.',
  },
  QUEUE_DOSSIER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ theo mã trên phiếu hẹn.',
    en: 'No dossier has the code on the receipt slip.',
  },
  QUEUE_RESULT_NOT_READY: {
    status: 409,
    vi: 'Hồ sơ chưa có kết quả để trả; vui lòng tra cứu lại theo ngày hẹn.',
    en: 'The dossier has no result to return yet; check again on the appointed date.',
  },
  QUEUE_SLOT_UNAVAILABLE: {
    status: 409,
    vi: 'Khung giờ đã hết chỗ hoặc không còn hợp lệ; vui lòng chọn khung giờ khác.',
    en: 'The time slot is full or no longer valid; choose another slot.',
  },
  QUEUE_APPOINTMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lịch hẹn.', en: 'Appointment not found.' },
  QUEUE_APPOINTMENT_DUPLICATE: {
    status: 409,
    vi: 'Số điện thoại này đã đặt lịch vào khung giờ này; mỗi người chỉ giữ một chỗ trong một khung giờ.',
    en: 'This phone number already holds a booking in this time slot; one place per person per slot.',
  },
  QUEUE_APPOINTMENT_PHONE_LIMIT: {
    status: 409,
    vi: 'Số điện thoại này đã có đủ 2 lịch hẹn tại trung tâm trong ngày; vui lòng huỷ một lịch hoặc chọn ngày khác.',
    en: 'This phone number already holds 2 bookings at this center that day; cancel one or choose another day.',
  },
  QUEUE_APPOINTMENT_NOT_ACTIVE: {
    status: 409,
    vi: 'Lịch hẹn đã huỷ, đã sử dụng hoặc đã quá hạn.',
    en: 'The appointment was cancelled, already used or has lapsed.',
  },
  QUEUE_CHECK_IN_WRONG_DAY: {
    status: 409,
    vi: 'Lịch hẹn không phải hôm nay; vui lòng đến đúng ngày hẹn hoặc lấy số thường.',
    en: 'The appointment is not for today; come on its day or take an ordinary ticket.',
  },
  QUEUE_CLOSED: {
    status: 409,
    vi: 'Ngoài giờ lấy số: trung tâm chỉ cấp số thứ tự trong giờ làm việc của ngày làm việc.',
    en: 'Tickets are issued only during office hours on working days.',
  },
  QUEUE_GROUP_CODE_TAKEN: {
    status: 409,
    vi: 'Mã nhóm dịch vụ đã có ở trung tâm này.',
    en: 'This service group code already exists at the center.',
  },
  QUEUE_NUMBER_BASE_TAKEN: {
    status: 409,
    vi: 'Dải số này đã dùng cho nhóm dịch vụ khác đang hoạt động; hãy chọn số bắt đầu khác.',
    en: 'Another active service group already numbers from this base; choose another.',
  },
  QUEUE_PRIORITY_RULE_DUPLICATE: {
    status: 422,
    vi: 'Mỗi đối tượng ưu tiên chỉ có một quy tắc.',
    en: 'Each priority kind may have only one rule.',
  },
  QUEUE_GROUP_IN_USE: {
    status: 409,
    vi: 'Nhóm dịch vụ còn người đang chờ; không thể ngừng hoạt động lúc này.',
    en: 'The service group still has visitors waiting; it cannot be deactivated now.',
  },
} as const satisfies Record<string, ErrorEntry>;

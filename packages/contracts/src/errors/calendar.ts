import type { ErrorEntry } from './types.js';

/** Error codes of the calendar feature (working calendar, deadlines, apology rule). */
export const calendarErrors = {
  CALENDAR_INVALID_DURATION: {
    status: 400,
    vi: 'Thời hạn giải quyết không hợp lệ.',
    en: 'The time limit is invalid.',
  },
  CALENDAR_INVALID_PAUSES: {
    status: 400,
    vi: 'Các khoảng tạm dừng không hợp lệ (phải theo thứ tự, không chồng lấn và sau thời điểm tiếp nhận).',
    en: 'The pauses are invalid (they must be ordered, must not overlap and must follow the receipt).',
  },
  CALENDAR_INVALID_STEPS: {
    status: 400,
    vi: 'Các bước của quy trình nội bộ không hợp lệ.',
    en: 'The steps of the internal process are invalid.',
  },
  CALENDAR_YEAR_OUT_OF_RANGE: {
    status: 400,
    vi: 'Năm ngoài phạm vi lịch làm việc được hỗ trợ (1970–2100).',
    en: 'The year is outside the supported working-calendar range (1970–2100).',
  },
  CALENDAR_SCHEDULE_INVALID: {
    status: 400,
    vi: 'Lịch nghỉ của năm không hợp lệ.',
    en: "The year's schedule is invalid.",
  },
  CALENDAR_SCHEDULE_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có lịch nghỉ được công bố cho năm này.',
    en: 'No announced schedule for this year.',
  },
  CALENDAR_SCHEDULE_CHANGED: {
    status: 409,
    vi: 'Lịch nghỉ của năm đã được người khác thay đổi. Vui lòng tải lại.',
    en: "The year's schedule was changed by someone else. Please reload.",
  },
  APOLOGY_TOO_LATE: {
    status: 409,
    vi: 'Văn bản xin lỗi phải gửi chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả.',
    en: 'The apology notice must be sent at least one working day before the due date.',
  },
  APOLOGY_ALREADY_USED: {
    status: 409,
    vi: 'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được hẹn lại lần nữa.',
    en: 'A new due date was already set once for this dossier; it cannot be set again.',
  },
  APOLOGY_NEW_DUE_DATE_INVALID: {
    status: 400,
    vi: 'Ngày hẹn trả kết quả mới phải sau ngày hẹn hiện tại.',
    en: 'The new due date must be later than the current due date.',
  },
} as const satisfies Record<string, ErrorEntry>;

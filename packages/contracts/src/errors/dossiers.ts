import type { ErrorEntry } from './types.js';

/** Error codes of the dossiers feature. */
export const dossiersErrors = {
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  DOSSIER_UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị tiếp nhận hoặc giải quyết.',
    en: 'Receiving or competent unit not found.',
  },
  DOSSIER_LOOKUP_FAILED: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ với mã và thông tin xác minh đã nhập.',
    en: 'No dossier matches this code and verification detail.',
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This action is not allowed in the dossier’s current status.',
  },
  DOSSIER_CLOSED: {
    status: 409,
    vi: 'Hồ sơ đã kết thúc, không thể thực hiện thêm thao tác.',
    en: 'The dossier is closed; no further action is possible.',
  },
  DECISION_ALREADY_ISSUED: {
    status: 409,
    vi: 'Hồ sơ đã được phê duyệt hoặc đã có kết quả, không thể dừng, rút hay từ chối.',
    en: 'A decision was already issued; the dossier cannot be stopped, withdrawn or refused.',
  },
  SUPPLEMENT_ALREADY_REQUESTED: {
    status: 409,
    vi: 'Chỉ được yêu cầu bổ sung hồ sơ một lần, bằng một phiếu liệt kê đầy đủ.',
    en: 'A supplement may be requested only once, in one complete request.',
  },
  SUPPLEMENT_ITEMS_REQUIRED: {
    status: 400,
    vi: 'Phiếu yêu cầu bổ sung phải nêu ít nhất một thành phần còn thiếu hoặc không hợp lệ.',
    en: 'A supplement request must list at least one missing or invalid component.',
  },
  DOSSIER_TIME_LIMIT_REQUIRED: {
    status: 422,
    vi: 'Thủ tục này không quy định thời hạn giải quyết và đơn vị chưa xây dựng quy trình nội bộ có thời hạn: cán bộ tiếp nhận phải nhập thời hạn giải quyết để tính ngày hẹn trả.',
    en: 'This procedure has no time limit and the unit’s internal process sets none: the receiving official must enter a time limit to compute the due date.',
  },
  DOSSIER_TIME_LIMIT_FIXED: {
    status: 409,
    vi: 'Thủ tục đã có thời hạn giải quyết (theo quy định hoặc quy trình nội bộ của đơn vị), không được nhập thời hạn khác.',
    en: 'The procedure already has a time limit (legal or from the unit’s internal process); another one cannot be entered.',
  },
  COMPONENTS_INCOMPLETE: {
    status: 409,
    vi: 'Hồ sơ chưa đầy đủ thành phần, chưa thể tiếp nhận.',
    en: 'The dossier is missing components and cannot be received yet.',
  },
  UNKNOWN_COMPONENT: {
    status: 400,
    vi: 'Thành phần hồ sơ không thuộc thủ tục này.',
    en: 'A component does not belong to this procedure.',
  },
  APOLOGY_ALREADY_ISSUED: {
    status: 409,
    vi: 'Đã xin lỗi và hẹn lại ngày trả kết quả một lần; không được gia hạn lần nữa.',
    en: 'An apology with a new date was already issued; rescheduling is allowed once.',
  },
  APOLOGY_DATE_NOT_LATER: {
    status: 409,
    vi: 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.',
    en: 'The new due date must be later than the current one.',
  },
  STEP_ALREADY_CLAIMED: {
    status: 409,
    vi: 'Bước xử lý này đã có người nhận.',
    en: 'This processing step was already taken.',
  },
  STEP_CHANGED: {
    status: 409,
    vi: 'Hồ sơ đã chuyển sang bước khác; vui lòng tải lại.',
    en: 'The dossier moved to another step; please reload.',
  },
  DOSSIER_BUSY: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác cập nhật nhiều lần liên tiếp; vui lòng tải lại và thử lại.',
    en: 'The dossier was changed by others several times in a row; please reload and try again.',
  },
  STEP_NOT_FOUND: { status: 409, vi: 'Không có bước xử lý này.', en: 'No such processing step.' },
  NO_CURRENT_STEP: {
    status: 409,
    vi: 'Hồ sơ không có bước xử lý đang thực hiện.',
    en: 'The dossier has no current processing step.',
  },
  NOT_STEP_ASSIGNEE: {
    status: 403,
    vi: 'Bạn không phải người được phân công bước xử lý này.',
    en: 'You are not the official assigned to this step.',
  },
  STEP_ROLE_MISMATCH: {
    status: 403,
    vi: 'Bước xử lý hiện tại không thuộc vai trò của bạn theo quy trình nội bộ.',
    en: 'The current step belongs to another role in the internal process.',
  },
  STEP_OUT_OF_ORDER: {
    status: 409,
    vi: 'Chỉ được chuyển hồ sơ sang bước kế tiếp của quy trình nội bộ.',
    en: 'A dossier moves only to the next step of the internal process.',
  },
  NOT_APPROVAL_STEP: {
    status: 409,
    vi: 'Chỉ phê duyệt khi hồ sơ đến bước phê duyệt của quy trình nội bộ.',
    en: 'Approval happens only at the approval step of the internal process.',
  },
  RESULT_FILES_REQUIRED: {
    status: 422,
    vi: 'Vui lòng đính kèm tệp kết quả đã số hóa.',
    en: 'Attach the digitized result file(s).',
  },
  ASSIGNEE_NOT_QUALIFIED: {
    status: 409,
    vi: 'Cán bộ được phân công không có vai trò phù hợp tại đơn vị xử lý.',
    en: 'The assignee holds no suitable role in the handling unit.',
  },
  FORWARD_TO_SAME_UNIT: {
    status: 409,
    vi: 'Hồ sơ đang ở đơn vị này.',
    en: 'The dossier is already with this unit.',
  },
  CONSULTATION_NOT_FOUND: {
    status: 409,
    vi: 'Không có yêu cầu lấy ý kiến đang chờ này.',
    en: 'No such open consultation.',
  },
  CONSULTATION_PENDING: {
    status: 409,
    vi: 'Còn ý kiến của cơ quan phối hợp chưa trả lời.',
    en: 'A consultation is still awaiting its answer.',
  },
  ALREADY_APPROVED: { status: 409, vi: 'Hồ sơ đã được phê duyệt.', en: 'The dossier is already approved.' },
  NOT_APPROVED: {
    status: 409,
    vi: 'Kết quả chỉ được ban hành sau khi lãnh đạo phê duyệt.',
    en: 'The result can be issued only after approval.',
  },
  RESULT_NOT_READY: {
    status: 409,
    vi: 'Hồ sơ chưa có kết quả để trả.',
    en: 'There is no result to return yet.',
  },
  RATING_NOT_ALLOWED: {
    status: 409,
    vi: 'Chỉ đánh giá được sau khi đã nhận kết quả.',
    en: 'A rating is possible only after the result is returned.',
  },
  ALREADY_RATED: { status: 409, vi: 'Hồ sơ đã được đánh giá.', en: 'This dossier was already rated.' },
  REASON_REQUIRED: { status: 400, vi: 'Vui lòng nêu lý do.', en: 'Please give a reason.' },
  PROCEDURE_NOT_AVAILABLE: {
    status: 409,
    vi: 'Thủ tục này không được áp dụng tại đơn vị đã chọn.',
    en: 'This procedure is not available at the chosen unit.',
  },
  UNIT_NOT_IN_PROVINCE: {
    status: 409,
    vi: 'Đơn vị giải quyết phải cùng tỉnh với nơi tiếp nhận.',
    en: 'The competent unit must be in the same province as the receiving center.',
  },
  SLIP_NOT_AVAILABLE: {
    status: 409,
    vi: 'Hồ sơ chưa có phiếu này.',
    en: 'This slip does not exist for the dossier yet.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    vi: 'Tệp đính kèm vượt quá dung lượng cho phép.',
    en: 'The attachment is too large.',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.',
    en: 'Only PDF, JPEG or PNG files are accepted.',
  },
} as const satisfies Record<string, ErrorEntry>;

import type { ErrorEntry } from './types.js';

/** Error codes of the citizens' side: sign-in through OpenID Connect and their own dossiers. */
export const citizensErrors = {
  CITIZEN_ID_NUMBER_MISSING: {
    status: 422,
    vi: 'Tài khoản định danh không cung cấp số định danh cá nhân 12 chữ số; không thể đăng nhập.',
    en: 'The identity provider did not supply a 12-digit personal identification number; sign-in is not possible.',
  },
  CITIZEN_ACCOUNT_CONFLICT: {
    status: 409,
    vi: 'Số định danh này thuộc một tài khoản cán bộ; hãy đăng nhập bằng tên đăng nhập và mật khẩu.',
    en: 'This identification number belongs to an official’s account; sign in with username and password.',
  },
  OIDC_LOGIN_EXPIRED: {
    status: 400,
    vi: 'Phiên đăng nhập qua định danh điện tử đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.',
    en: 'The electronic identity sign-in has expired or is not valid. Please sign in again.',
  },
  OIDC_LOGIN_FAILED: {
    status: 502,
    vi: 'Không hoàn tất được đăng nhập với nhà cung cấp định danh. Vui lòng thử lại.',
    en: 'Sign-in with the identity provider could not be completed. Please try again.',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    status: 503,
    vi: 'Nhà cung cấp định danh điện tử tạm thời không truy cập được. Vui lòng thử lại sau.',
    en: 'The electronic identity provider cannot be reached at the moment. Please try again later.',
  },
  CITIZEN_ONLY: {
    status: 403,
    vi: 'Chức năng này dành cho công dân đăng nhập bằng định danh điện tử.',
    en: 'This is for citizens signed in with their electronic identity.',
  },
  ONLINE_SUBMISSION_NOT_OFFERED: {
    status: 409,
    vi: 'Thủ tục này không cung cấp dịch vụ nộp hồ sơ trực tuyến tại đơn vị đã chọn.',
    en: 'This procedure is not offered online at the chosen unit.',
  },
  NOT_APPLICANT_OR_AGENT: {
    status: 422,
    vi: 'Người nộp phải là người yêu cầu hoặc người được ủy quyền (số định danh của tài khoản đăng nhập).',
    en: 'The person submitting must be the applicant or the authorised agent (the signed-in identification number).',
  },
  SUPPLEMENT_FILES_MISSING: {
    status: 422,
    vi: 'Vui lòng tải lên đủ các thành phần được yêu cầu bổ sung.',
    en: 'Please upload every component the supplement request asks for.',
  },
  NO_SUPPLEMENT_REQUESTED: {
    status: 409,
    vi: 'Hồ sơ không có yêu cầu bổ sung đang chờ.',
    en: 'The dossier has no open supplement request.',
  },
  EFORM_INVALID: {
    status: 422,
    vi: 'Tờ khai điện tử chưa hợp lệ: vui lòng sửa các trường được nêu.',
    en: 'The e-form is not valid: please correct the fields listed.',
  },
  EFORM_NOT_EXPECTED: {
    status: 422,
    vi: 'Thủ tục này không có tờ khai điện tử theo mẫu đã gửi.',
    en: 'This procedure has no e-form of the kind sent.',
  },
  DRAFT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản nháp.', en: 'Draft not found.' },
  DRAFT_ALREADY_SUBMITTED: {
    status: 409,
    vi: 'Bản nháp này đã được gửi thành hồ sơ; không thể lưu thêm. Hãy mở hồ sơ trong «Hồ sơ của tôi» hoặc bắt đầu bản nháp mới.',
    en: 'This draft was already sent as a dossier and can no longer be saved. Open the dossier in “My dossiers” or start a new draft.',
  },
  PAYMENT_NOT_DUE: {
    status: 409,
    vi: 'Hồ sơ không có khoản phí hoặc nghĩa vụ tài chính đang chờ thanh toán.',
    en: 'The dossier has no fee or financial obligation awaiting payment.',
  },
  PAYMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy giao dịch thanh toán.', en: 'Payment not found.' },
  PAYMENT_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký của thông báo thanh toán không hợp lệ.',
    en: 'The payment notification’s signature is not valid.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 409,
    vi: 'Số tiền thanh toán không khớp với số tiền phải nộp.',
    en: 'The amount paid does not match the amount due.',
  },
  PAYMENT_GATEWAY_UNAVAILABLE: {
    status: 503,
    vi: 'Cổng thanh toán tạm thời không truy cập được. Vui lòng thử lại sau.',
    en: 'The payment gateway cannot be reached at the moment. Please try again later.',
  },
} as const satisfies Record<string, ErrorEntry>;

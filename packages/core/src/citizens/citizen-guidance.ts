import type { DossierState } from '../dossiers/dossier-state.js';

/** What happens now to a dossier, in plain words for its applicant, by when, and whether they must act. */
export type CitizenGuidance = { text: string; byWhen: Date | null; mustAct: boolean };

/** The plain-words line of "Hồ sơ của tôi". Pure: from the folded state only. */
export function citizenGuidance(s: DossierState): CitizenGuidance {
  switch (s.status) {
    case 'new':
      return {
        text: 'Hồ sơ đã gửi, đang chờ cán bộ một cửa kiểm tra và tiếp nhận.',
        byWhen: s.intakeDueAt,
        mustAct: false,
      };
    case 'supplement_requested':
      return {
        text: `Cần bổ sung: ${s.pendingSupplement.map((p) => p.name).join('; ') || 'thành phần hồ sơ'}. Hãy tải lên để hồ sơ được xử lý tiếp.`,
        byWhen: null,
        mustAct: true,
      };
    case 'received':
    case 'processing':
      return { text: 'Hồ sơ đã được tiếp nhận và đang được giải quyết.', byWhen: s.dueAt, mustAct: false };
    case 'awaiting_payment':
      return {
        text: 'Cần nộp phí, lệ phí hoặc nghĩa vụ tài chính để hồ sơ được giải quyết tiếp.',
        byWhen: null,
        mustAct: true,
      };
    case 'result_ready':
      return {
        text:
          s.returnMethod === 'online'
            ? 'Đã có kết quả: tải kết quả điện tử bên dưới.'
            : 'Đã có kết quả: mời nhận tại nơi nộp hồ sơ (mang theo giấy tiếp nhận).',
        byWhen: null,
        mustAct: true,
      };
    case 'returned':
      return { text: 'Đã trả kết quả. Mời đánh giá mức độ hài lòng.', byWhen: null, mustAct: false };
    case 'refused':
      return {
        text: `Hồ sơ bị từ chối: ${s.refusalReasons.join('; ') || 'xem phiếu từ chối'}.`,
        byWhen: null,
        mustAct: false,
      };
    case 'withdrawn':
      return { text: 'Hồ sơ đã được rút theo yêu cầu.', byWhen: null, mustAct: false };
    case 'stopped':
      return { text: `Hồ sơ đã dừng xử lý${s.stopReason ? `: ${s.stopReason}` : ''}.`, byWhen: null, mustAct: false };
  }
}

import { VN_OFFSET_MS } from '../time/vn-time.js';
import { channelCode, type DossierAction } from './dossier-actions.js';
import { type DossierState, deriveDossierState } from './dossier-state.js';
import { nationalStatusCode, nationalStatusName } from './national-status.js';
import { applicantTypeCode, type DossierRecord } from './ports.js';

/** Date in Vietnam time formatted yyyyMMddHHmmss, as the national portal expects; '' when absent. */
export function formatDvcqgDate(d: Date | null | undefined): string {
  if (!d) return '';
  const iso = new Date(d.getTime() + VN_OFFSET_MS).toISOString();
  return iso.slice(0, 19).replace(/[-T:]/g, '');
}

/** Key of the dossier code in the sync payload (written at commit when the code is numbered then). */
export const SYNC_CODE_KEY = 'MaHoSo';

const returnMethodCode = { counter: 1, post: 2, online: 3 } as const;

const actionText: Record<DossierAction['type'], string> = {
  submitted: 'Đăng ký hồ sơ',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  supplemented: 'Bổ sung hồ sơ',
  refused: 'Từ chối hồ sơ',
  assigned: 'Phân công xử lý',
  claimed: 'Nhận xử lý',
  step_completed: 'Chuyển bước xử lý',
  forwarded: 'Chuyển đơn vị giải quyết',
  consultation_requested: 'Lấy ý kiến cơ quan phối hợp',
  consultation_answered: 'Nhận ý kiến cơ quan phối hợp',
  financial_obligation_requested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  financial_obligation_paid: 'Đã thực hiện nghĩa vụ tài chính',
  approved: 'Phê duyệt',
  result_issued: 'Trả kết quả về bộ phận một cửa',
  apology_issued: 'Xin lỗi và hẹn lại ngày trả',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
  returned: 'Trả kết quả cho công dân',
  rated: 'Đánh giá mức độ hài lòng',
};
export const dossierActionLabel = actionText;

/**
 * The sync payload for the national portal (field names of domain.md §5), built from the stored
 * facts, the derived state and the log. Delivered later through the outbox.
 */
export function buildSyncPayload(
  d: DossierRecord,
  state: DossierState,
  actions: readonly DossierAction[],
  opts: { unitName?: (code: string) => string; documents?: Array<{ name: string; sha256: string }> } = {},
): Record<string, unknown> {
  const unitName = opts.unitName ?? ((c: string) => c);
  const code = nationalStatusCode[state.status];
  const refusedAt = actions.find((a) => a.type === 'refused')?.at ?? null;
  const results = actions.flatMap((a) => (a.type === 'result_issued' ? a.documents : []));
  const supplements = actions.filter((a) => a.type === 'supplement_requested');
  return {
    [SYNC_CODE_KEY]: d.code,
    ...(d.portalCode ? { MaHoSoDVCQG: d.portalCode } : {}),
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    MaLinhVuc: d.fieldCode ?? '',
    KenhThucHien: channelCode[d.channel],
    ChuHoSo: d.applicant.fullName,
    SoGiayToChuHoSo: d.applicant.idNumber ?? '',
    LoaiDoiTuong: applicantTypeCode[d.applicant.type],
    NgayNopHoSo: formatDvcqgDate(state.submittedAt ?? d.submittedAt),
    NgayTiepNhan: formatDvcqgDate(state.receivedAt),
    NgayHenTra: formatDvcqgDate(state.dueAt),
    TrangThaiHoSo: code,
    TenTrangThaiHoSo: nationalStatusName[code],
    NgayTra: formatDvcqgDate(state.returnedAt),
    HinhThuc: state.returnMethod ? returnMethodCode[state.returnMethod] : returnMethodCode[d.returnMethod],
    NgayKetThucXuLy: formatDvcqgDate(state.finishedAt),
    DonViXuLy: unitName(state.forwardedToUnitCode ?? d.competentUnitCode),
    NoiNopHoSo: unitName(d.receivingUnitCode),
    HoSoCoThanhPhanSoHoa: d.components.some((c) => c.state === 'present') ? 1 : 0,
    TaiKhoanDuocXacThucVoiVNeID: d.vneidVerified ? 1 : 0,
    DuocThanhToanTrucTuyen: d.paidOnline ? 1 : 0,
    NgayTuChoi: formatDvcqgDate(refusedAt),
    TaiLieuNop: d.components
      .filter((c) => c.state === 'present')
      .map((c) => ({
        TenTepDinhKem: c.name,
        MaThanhPhan: c.key,
        DuocSoHoa: 1,
        DuocTaiSuDung: c.reused ? 1 : 0,
        DuocLayTuKhoDMQG: c.fromCitizenStore ? 1 : 0,
      })),
    DanhSachLePhi: d.feeTotal > 0 ? [{ TenPhiLePhi: 'Lệ phí', MucPhi: d.feeTotal }] : [],
    DanhSachHoSoBoSung: supplements.map((a) => ({
      NgayYeuCau: formatDvcqgDate(a.at),
      NoiDungYeuCau: a.type === 'supplement_requested' ? a.items.map((i) => i.name).join('; ') : '',
    })),
    DanhSachGiayToKetQua: results.map((r) => ({ TenGiayTo: r.name, MaGiayTo: r.sha256 ?? '' })),
    DinhDanhCHS: d.applicant.idNumber ? [{ SoDinhDanh: d.applicant.idNumber }] : [],
    DSKetNoiCSDL: [],
    QuaTrinhXuLy: [...actions]
      .sort((x, y) => x.seq - y.seq)
      .map((a) => ({
        NguoiXuLy: a.actorName ?? a.actorId ?? a.actorRole,
        ThoiDiemXuLy: formatDvcqgDate(a.at),
        NoiDungXuLy: a.note ? `${actionText[a.type]}: ${a.note}` : actionText[a.type],
        TrangThai: nationalStatusCode[statusAfter(actions, a.seq)],
        NgayKetThucTheoQuyDinh: formatDvcqgDate(a.type === 'received' ? a.dueAt : null),
      })),
  };
}

function statusAfter(actions: readonly DossierAction[], seq: number) {
  return deriveDossierState(actions.filter((a) => a.seq <= seq)).status;
}

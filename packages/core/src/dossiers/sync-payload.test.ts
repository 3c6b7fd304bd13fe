import { describe, expect, it } from 'vitest';
import { deriveDossierState } from './dossier-state.js';
import { hours, log, received } from './dossier-test-helpers.js';
import type { DossierRecord } from './ports.js';
import { buildSyncPayload, formatDvcqgDate } from './sync-payload.js';

const sampleRecord: DossierRecord = {
  id: 'd1',
  code: 'X79.26743-260302-010001',
  provinceCode: '79',
  receivingUnitCode: '26743',
  competentUnitCode: '26743',
  procedureVersionId: null,
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  fieldCode: 'HT',
  fieldName: 'Hộ tịch',
  channel: 'in_person',
  applicant: {
    type: 'citizen',
    fullName: 'Nguyễn Thị Ánh',
    idNumber: '079190000001',
    phone: '0909123456',
    email: null,
    address: null,
  },
  agent: null,
  returnMethod: 'counter',
  duration: { value: 3, unit: 'working_days' },
  components: [
    { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh', state: 'present' },
    { key: 'chung-sinh', name: 'Giấy chứng sinh', state: 'present' },
  ],
  feeTotal: 0,
  paidOnline: false,
  vneidVerified: true,
  status: 'received',
  nationalStatus: 2,
  submittedAt: hours(0),
  receivedAt: hours(0),
  dueAt: hours(72),
  finishedAt: null,
  currentStepOrder: 1,
  currentAssigneeId: null,
  lastActionSeq: 1,
  createdAt: hours(0),
};

describe('national portal sync payload (§5)', () => {
  it('formats dates yyyyMMddHHmmss in Vietnam time', () => {
    expect(formatDvcqgDate(new Date('2026-03-02T02:05:09Z'))).toBe('20260302090509');
    expect(formatDvcqgDate(null)).toBe('');
  });

  it('carries the §5 fields, the national status code and one log entry per action', () => {
    const actions = log(
      received(),
      { type: 'claimed', stepOrder: 1 },
      { type: 'approved' },
      { type: 'result_issued', documents: [{ name: 'Giấy khai sinh', sha256: 'abc' }] },
      { type: 'returned', method: 'counter' },
    );
    const p = buildSyncPayload(sampleRecord, deriveDossierState(actions), actions, {
      unitName: (c) => (c === '26743' ? 'Phường Bến Thành' : c),
    });
    expect(p).toMatchObject({
      MaHoSo: 'X79.26743-260302-010001',
      MaTTHC: '1.001193',
      TenTTHC: 'Thủ tục đăng ký khai sinh',
      MaLinhVuc: 'HT',
      KenhThucHien: 1,
      ChuHoSo: 'Nguyễn Thị Ánh',
      SoGiayToChuHoSo: '079190000001',
      LoaiDoiTuong: 1,
      NgayNopHoSo: '20260302090000',
      NgayTiepNhan: '20260302090000',
      NgayHenTra: formatDvcqgDate(hours(72)),
      TrangThaiHoSo: 10,
      NgayTra: formatDvcqgDate(hours(4)),
      NgayKetThucXuLy: formatDvcqgDate(hours(3)),
      DonViXuLy: 'Phường Bến Thành',
      NoiNopHoSo: 'Phường Bến Thành',
      HoSoCoThanhPhanSoHoa: 1,
      TaiKhoanDuocXacThucVoiVNeID: 1,
      DuocThanhToanTrucTuyen: 0,
      NgayTuChoi: '',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayTo: 'abc' }],
      DinhDanhCHS: [{ SoDinhDanh: '079190000001' }],
    });
    const steps = p.QuaTrinhXuLy as Array<Record<string, unknown>>;
    expect(steps).toHaveLength(5);
    expect(steps.map((s) => s.TrangThai)).toEqual([2, 4, 4, 9, 10]);
    expect(steps[0]).toMatchObject({ NguoiXuLy: 'Trần Thị Lan', NoiDungXuLy: 'Tiếp nhận hồ sơ' });
    expect((p.TaiLieuNop as unknown[]).length).toBe(2);
  });

  it('records the refusal date', () => {
    const actions = log({ type: 'submitted', channel: 'online' }, { type: 'refused', reasons: ['Sai thẩm quyền'] });
    const p = buildSyncPayload({ ...sampleRecord, channel: 'online' }, deriveDossierState(actions), actions);
    expect(p.TrangThaiHoSo).toBe(3);
    expect(p.KenhThucHien).toBe(2);
    expect(p.NgayTuChoi).toBe(formatDvcqgDate(hours(1)));
  });
});

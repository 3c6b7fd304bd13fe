import type { Dashboard, DashboardQuery, Drilldown, Workload, WorkloadQuery } from '@mot-cua/contracts';
import type { ExportColumn, ExportTable } from './export-table.js';

/**
 * The supervision tables as files: each function takes the JSON answer the route would have sent (so a file never
 * holds more than the JSON does) and writes one of its tables with Vietnamese headers, the scope and the period.
 */

const period = (from: string, to: string) => `Từ ${vnDay(from)} đến ${vnDay(to)}`;
const vnDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const LEVEL_VI = { nation: 'Toàn quốc', province: 'Tỉnh, thành phố', commune: 'Xã, phường', unit: 'Đơn vị' } as const;
const BY_VI = { received_unit: 'theo đơn vị tiếp nhận', current_unit: 'theo đơn vị hiện nay' } as const;
const CHANNEL_VI: Record<string, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' };

const COUNT_COLUMNS: ExportColumn[] = [
  { key: 'received', header: 'Tiếp nhận', width: 10, kind: 'int' },
  { key: 'onlineShare', header: 'Tỷ lệ trực tuyến', width: 10, kind: 'percent' },
  { key: 'inProgress', header: 'Đang giải quyết', width: 10, kind: 'int' },
  { key: 'inProgressOverdue', header: 'Đang giải quyết, quá hạn', width: 11, kind: 'int' },
  { key: 'finishedEarly', header: 'Giải quyết trước hạn', width: 10, kind: 'int' },
  { key: 'finishedOnTime', header: 'Giải quyết đúng hạn', width: 10, kind: 'int' },
  { key: 'finishedLate', header: 'Giải quyết trễ hạn', width: 10, kind: 'int' },
  { key: 'onTimeRate', header: 'Đúng hạn (chỉ số 766 – 2.1)', width: 11, kind: 'percent' },
  { key: 'supplementRate', header: 'Tỷ lệ yêu cầu bổ sung', width: 10, kind: 'percent' },
  { key: 'refusalRate', header: 'Tỷ lệ từ chối', width: 9, kind: 'percent' },
  { key: 'averageRating', header: 'Đánh giá trung bình', width: 9, kind: 'decimal' },
  { key: 'averageProcessingDays', header: 'Thời gian xử lý TB (ngày)', width: 10, kind: 'decimal' },
];

/** One table of GET /api/supervision/dashboard. */
export function dashboardTable(d: Dashboard, table: DashboardQuery['table']): ExportTable {
  const scope = `${LEVEL_VI[d.level]}: ${d.name} (${d.code})`;
  const subtitle = `${scope}. ${period(d.from, d.to)}, ${BY_VI[d.by]}.`;
  switch (table) {
    case 'procedures':
      return {
        title: `Thời gian xử lý theo thủ tục — ${d.name}`,
        subtitle,
        columns: [
          { key: 'procedureCode', header: 'Mã thủ tục', width: 11 },
          { key: 'procedureName', header: 'Thủ tục', width: 40 },
          { key: 'received', header: 'Tiếp nhận', width: 10, kind: 'int' },
          { key: 'finishedLate', header: 'Trễ hạn', width: 9, kind: 'int' },
          { key: 'refused', header: 'Từ chối', width: 9, kind: 'int' },
          { key: 'supplementedDossiers', header: 'Đã bổ sung', width: 9, kind: 'int' },
          { key: 'averageProcessingDays', header: 'Thời gian xử lý TB (ngày)', width: 11, kind: 'decimal' },
          { key: 'averageLimitDays', header: 'Thời hạn quy định (ngày làm việc)', width: 11, kind: 'decimal' },
        ],
        rows: d.procedures,
      };
    case 'daily':
      return {
        title: `Hồ sơ tiếp nhận theo ngày và kênh — ${d.name}`,
        subtitle,
        columns: [
          { key: 'day', header: 'Ngày', width: 12, kind: 'date' },
          { key: 'channelName', header: 'Kênh', width: 14 },
          { key: 'received', header: 'Tiếp nhận', width: 10, kind: 'int' },
        ],
        rows: d.daily.map((r) => ({ ...r, channelName: CHANNEL_VI[r.channel] ?? r.channel })),
      };
    case 'openDue':
      return {
        title: `Hồ sơ đang giải quyết theo hạn — ${d.name}`,
        subtitle: `${scope}. Tại thời điểm ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC, theo đơn vị hiện nay.`,
        columns: [
          { key: 'group', header: 'Nhóm', width: 30 },
          { key: 'count', header: 'Số hồ sơ', width: 10, kind: 'int' },
        ],
        rows: [
          { group: 'Quá hạn', count: d.openDue.overdue },
          { group: 'Đến hạn hôm nay hoặc ngày mai', count: d.openDue.dueSoon },
          { group: 'Còn hạn', count: d.openDue.undue },
          { group: 'Tạm dừng tính thời hạn', count: d.openDue.paused },
        ],
      };
    default:
      return {
        title: `Kết quả giải quyết hồ sơ — ${d.name}`,
        subtitle,
        columns: [
          { key: 'code', header: 'Mã', width: 8 },
          { key: 'name', header: d.level === 'nation' ? 'Tỉnh, thành phố' : 'Xã, phường, đơn vị', width: 28 },
          ...COUNT_COLUMNS,
        ],
        rows: d.rows,
      };
  }
}

const DRILL_COLUMNS: ExportColumn[] = [
  { key: 'received', header: 'Hồ sơ', width: 9, kind: 'int' },
  { key: 'finished_on_time', header: 'Giải quyết trước, đúng hạn', width: 11, kind: 'int' },
  { key: 'finished_late', header: 'Giải quyết trễ hạn', width: 10, kind: 'int' },
  { key: 'finished_no_deadline', header: 'Giải quyết, không có hạn', width: 10, kind: 'int' },
  { key: 'in_progress', header: 'Đang giải quyết', width: 10, kind: 'int' },
  { key: 'overdue', header: 'Đang giải quyết, quá hạn', width: 10, kind: 'int' },
  { key: 'closed', header: 'Đã đóng (từ chối, rút, dừng)', width: 11, kind: 'int' },
];
const NO_DEPARTMENT = 'Chưa xếp phòng ban';

/** One table of GET /api/supervision/drilldown (per department or per official). */
export function drilldownTable(d: Drilldown, table: 'departments' | 'officials'): ExportTable {
  const subtitle = `${d.name} (${d.code}), ${d.provinceName}. ${period(d.from, d.to)}. Hồ sơ chưa có cán bộ xử lý: ${d.unhandled}.`;
  if (table === 'officials') {
    return {
      title: `Hồ sơ theo cán bộ — ${d.name}`,
      subtitle,
      columns: [
        { key: 'fullName', header: 'Cán bộ', width: 24 },
        { key: 'departmentName', header: 'Phòng ban', width: 22 },
        ...DRILL_COLUMNS,
      ],
      rows: d.officials.map((o) => ({
        ...o.counts,
        fullName: o.fullName,
        departmentName: o.departmentName ?? NO_DEPARTMENT,
      })),
    };
  }
  return {
    title: `Hồ sơ theo phòng ban — ${d.name}`,
    subtitle,
    columns: [
      { key: 'departmentName', header: 'Phòng ban', width: 26 },
      { key: 'officials', header: 'Số cán bộ', width: 9, kind: 'int' },
      ...DRILL_COLUMNS,
    ],
    rows: d.departments.map((x) => ({
      ...x.counts,
      departmentName: x.departmentName ?? NO_DEPARTMENT,
      officials: x.officials,
    })),
  };
}

const STATUS_VI: Record<string, string> = {
  new: 'Mới đăng ký',
  supplement_requested: 'Chờ bổ sung',
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_payment: 'Chờ nghĩa vụ tài chính',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  withdrawn: 'Đã rút',
  stopped: 'Dừng xử lý',
};

const FEEDBACK_VI: Record<string, string> = {
  question: 'Hỏi đáp',
  complaint: 'Phản ánh',
  suggestion: 'Kiến nghị',
  report: 'Tố giác, báo tin',
  received: 'Mới tiếp nhận',
  accepted: 'Đã thụ lý',
  refused: 'Từ chối',
  info_requested: 'Chờ bổ sung thông tin',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  published: 'Đã công khai',
  satisfied: 'Hài lòng',
  neutral: 'Bình thường',
  dissatisfied: 'Không hài lòng',
};

/** The feedback items of 5.2 / 5.3 as rows of a file (kind, state and rating in Vietnamese). */
export function feedbackRows(
  items: ReadonlyArray<
    { kind: string; status: string; rating: string | null; repeated: boolean } & Record<string, unknown>
  >,
) {
  const vi = (v: string | null) => (v ? (FEEDBACK_VI[v] ?? v) : null);
  return items.map((i) => ({
    code: String(i.code),
    unitCode: String(i.unitCode),
    receivedAt: String(i.receivedAt),
    dueAt: i.dueAt == null ? null : String(i.dueAt),
    kind: vi(i.kind),
    status: vi(i.status),
    rating: vi(i.rating),
    repeatedText: i.repeated ? 'Có' : '',
  }));
}

const BUCKET_VI: Record<string, string> = {
  finished_on_time: 'Giải quyết trước, đúng hạn',
  finished_late: 'Giải quyết trễ hạn',
  finished_no_deadline: 'Giải quyết, không có hạn',
  in_progress: 'Đang giải quyết, còn hạn',
  overdue: 'Đang giải quyết, quá hạn',
  closed: 'Đã đóng',
};

/** A list of dossiers (drill-down row or a 766 figure) as a file: code, procedure, state, dates. */
export function dossierListTable(
  title: string,
  subtitle: string,
  items: ReadonlyArray<{
    code: string | null;
    procedureName: string | null;
    status: string;
    bucket?: string;
    receivedAt: string;
    dueAt: string | null;
    finishedAt: string | null;
    holderName?: string | null;
    receivingUnitCode?: string;
  }>,
): ExportTable {
  const withBucket = items.some((i) => i.bucket !== undefined);
  const withUnit = items.some((i) => i.receivingUnitCode !== undefined);
  return {
    title,
    subtitle,
    columns: [
      { key: 'code', header: 'Mã hồ sơ', width: 26 },
      { key: 'procedureName', header: 'Thủ tục', width: 36 },
      ...(withUnit ? [{ key: 'receivingUnitCode', header: 'Đơn vị tiếp nhận', width: 10 }] : []),
      { key: 'status', header: 'Trạng thái', width: 14 },
      ...(withBucket ? [{ key: 'bucketName', header: 'Tiến độ', width: 18 }] : []),
      { key: 'receivedAt', header: 'Ngày tiếp nhận', width: 12, kind: 'date' as const },
      { key: 'dueAt', header: 'Hạn trả', width: 12, kind: 'date' as const },
      { key: 'finishedAt', header: 'Ngày hoàn thành', width: 12, kind: 'date' as const },
      ...(items.some((i) => i.holderName !== undefined)
        ? [{ key: 'holderName', header: 'Cán bộ đang giữ', width: 18 }]
        : []),
    ],
    rows: items.map((i) => ({
      ...i,
      status: STATUS_VI[i.status] ?? i.status,
      bucketName: i.bucket ? (BUCKET_VI[i.bucket] ?? i.bucket) : null,
    })),
  };
}

/** One sub-table of GET /api/supervision/workload other than the per-unit table (which the route writes itself). */
export function workloadTable(w: Workload, table: WorkloadQuery['table']): ExportTable {
  const subtitle = `${LEVEL_VI[w.scope.level]}: ${w.scope.name} (${w.scope.code}). ${period(w.from, w.to)}: ${w.workingDays} ngày làm việc.`;
  switch (table) {
    case 'units':
      return {
        title: `Khối lượng công việc và nhân lực — ${w.scope.name}`,
        subtitle: `Từ ${w.from} đến ${w.to}: ${w.workingDays} ngày làm việc; ngưỡng quá tải ${w.threshold} hồ sơ/cán bộ/ngày.`,
        columns: [
          { key: 'unitCode', header: 'Mã', width: 8 },
          { key: 'name', header: 'Đơn vị', width: 30 },
          { key: 'received', header: 'Hồ sơ tiếp nhận', width: 12, kind: 'int' },
          { key: 'officials', header: 'Cán bộ', width: 9, kind: 'int' },
          { key: 'perOfficialPerDay', header: 'Hồ sơ/cán bộ/ngày', width: 12, kind: 'decimal' },
          { key: 'open', header: 'Đang tồn', width: 10, kind: 'int' },
          { key: 'overloadText', header: 'Cảnh báo', width: 24 },
        ],
        rows: w.units.map((u) => ({
          ...u,
          overloadText: u.overload === 'no_staff' ? 'Có hồ sơ, không có cán bộ' : u.overload ? 'Vượt ngưỡng' : '',
        })),
      };
    case 'backlog':
      return {
        title: `Hồ sơ tồn theo ngày — ${w.scope.name}`,
        subtitle: `${subtitle} Tồn đầu kỳ ${w.backlog.first}, cuối kỳ ${w.backlog.last}, thay đổi ${w.backlog.change}.`,
        columns: [
          { key: 'day', header: 'Ngày', width: 12, kind: 'date' },
          { key: 'open', header: 'Hồ sơ đang tồn', width: 12, kind: 'int' },
        ],
        rows: w.backlog.points,
      };
    case 'steps':
      return {
        title: `Thời gian mỗi bước xử lý — ${w.scope.name}`,
        subtitle,
        columns: [
          { key: 'step', header: 'Bước', width: 8, kind: 'int' },
          { key: 'completed', header: 'Số lần hoàn thành', width: 12, kind: 'int' },
          { key: 'medianHours', header: 'Trung vị (giờ)', width: 12, kind: 'decimal' },
        ],
        rows: w.steps,
      };
    case 'noOnlineApprover':
      return {
        title: `Xã chưa có người phê duyệt trực tuyến — ${w.scope.name}`,
        subtitle: `${subtitle} Tổng số: ${w.noOnlineApprover.total}.`,
        columns: [
          { key: 'code', header: 'Mã', width: 10 },
          { key: 'fullName', header: 'Xã, phường', width: 34 },
          { key: 'provinceCode', header: 'Mã tỉnh', width: 9 },
        ],
        rows: w.noOnlineApprover.items,
      };
    case 'certificateGaps':
      return {
        title: `Lãnh đạo xã chưa có chứng thư số còn hiệu lực — ${w.scope.name}`,
        subtitle: `${subtitle} Tổng số: ${w.certificateGaps.total}.`,
        columns: [
          { key: 'unitCode', header: 'Mã', width: 10 },
          { key: 'unitName', header: 'Xã, phường', width: 30 },
          { key: 'fullName', header: 'Cán bộ', width: 26 },
          { key: 'gapName', header: 'Chứng thư số', width: 16 },
          { key: 'certificateValidTo', header: 'Hiệu lực đến', width: 12, kind: 'date' },
        ],
        rows: w.certificateGaps.items.map((g) => ({ ...g, gapName: g.gap === 'missing' ? 'Chưa có' : 'Hết hạn' })),
      };
    case 'moves':
      return {
        title: `Cán bộ điều động, biệt phái — ${w.scope.name}`,
        subtitle,
        columns: [
          { key: 'fullName', header: 'Cán bộ', width: 24 },
          { key: 'kindName', header: 'Hình thức', width: 12 },
          { key: 'fromUnitCode', header: 'Từ đơn vị', width: 10 },
          { key: 'unitCode', header: 'Đến đơn vị', width: 10 },
          { key: 'validFrom', header: 'Từ ngày', width: 12, kind: 'date' },
          { key: 'validTo', header: 'Đến ngày', width: 12, kind: 'date' },
          { key: 'decisionNumber', header: 'Số quyết định', width: 16 },
        ],
        rows: w.moves.map((m) => ({ ...m, kindName: m.kind === 'transfer' ? 'Điều động' : 'Biệt phái' })),
      };
  }
}

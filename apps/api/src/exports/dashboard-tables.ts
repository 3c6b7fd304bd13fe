import type { Dashboard, DashboardQuery, Drilldown } from '@mot-cua/contracts';
import type { ExportColumn, ExportTable } from './export-table.js';
import { BY_VI, CHANNEL_VI, LEVEL_VI, period } from './supervision-labels.js';

/**
 * The dashboard's tables and its drill-down as files: each function takes the JSON answer the route would have sent
 * (so a file never holds more than the JSON does) and writes one of its tables with Vietnamese headers, the scope
 * and the period.
 */

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

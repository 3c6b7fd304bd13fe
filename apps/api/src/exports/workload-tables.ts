import type { Workload, WorkloadQuery } from '@mot-cua/contracts';
import type { ExportTable } from './export-table.js';
import { LEVEL_VI, period } from './supervision-labels.js';

/** The workload and staffing answer's tables as files (same JSON as GET /api/supervision/workload). */

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
          { key: 'name', header: w.unitsLevel === 'province' ? 'Tỉnh, thành phố' : 'Đơn vị', width: 30 },
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
      if (w.unitsLevel === 'province') {
        return {
          title: `Xã chưa có người phê duyệt trực tuyến, theo tỉnh — ${w.scope.name}`,
          subtitle: `${subtitle} Tổng số: ${w.noOnlineApprover.total}.`,
          columns: [
            { key: 'provinceCode', header: 'Mã', width: 8 },
            { key: 'name', header: 'Tỉnh, thành phố', width: 30 },
            { key: 'communes', header: 'Số xã, phường', width: 12, kind: 'int' },
            { key: 'without', header: 'Chưa có người phê duyệt', width: 14, kind: 'int' },
            { key: 'withoutCertificate', header: 'Chưa có chứng thư số', width: 14, kind: 'int' },
          ],
          rows: w.noOnlineApprover.byProvince,
        };
      }
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
      if (w.unitsLevel === 'province') {
        return {
          title: `Lãnh đạo xã chưa có chứng thư số còn hiệu lực, theo tỉnh — ${w.scope.name}`,
          subtitle: `${subtitle} Tổng số: ${w.certificateGaps.total}.`,
          columns: [
            { key: 'provinceCode', header: 'Mã', width: 8 },
            { key: 'name', header: 'Tỉnh, thành phố', width: 30 },
            { key: 'missing', header: 'Chưa có', width: 10, kind: 'int' },
            { key: 'expired', header: 'Hết hạn', width: 10, kind: 'int' },
          ],
          rows: w.certificateGaps.byProvince,
        };
      }
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

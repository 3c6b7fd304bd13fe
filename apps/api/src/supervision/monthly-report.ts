import type { ServiceIndicator } from '@mot-cua/contracts';
import { statsPeriod, vnDate } from '@mot-cua/core';
import { createServiceIndexRepository, findUnitNames } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import {
  type ExportCell,
  type ExportTable,
  formatDecimal,
  formatInt,
  formatPercent,
  renderTablesPdf,
  renderWorkbook,
} from '../exports/index.js';
import { dashboardTable, serviceIndexTable, workloadTable } from '../exports/supervision-tables.js';
import { computeServiceIndex } from '../routes/supervision/service-index-data.js';
import { dashboardBody } from './dashboard-body.js';
import { workloadBody } from './workload-body.js';

/** The procedures table of the report: the month's busiest procedures. */
export const MONTHLY_REPORT_TOP_PROCEDURES = 20;

type Row = { label: string; month: ExportCell; previous: ExportCell };

/**
 * The tables of a province's monthly report, in the order a supervisor hands them up: the summary against the
 * previous month, the communes, the busiest procedures, workload, readiness gaps, the 766 index. Every figure is
 * read through the same functions as the dashboard, the workload page and the 766 index (as of `now`).
 */
export async function monthlyReportTables(
  deps: AppDeps,
  provinceCode: string,
  days: { first: string; last: string },
  now: Date,
): Promise<ExportTable[]> {
  const { db } = deps.database;
  const period = statsPeriod(now, days.first, days.last);
  const name = (await findUnitNames(db, [provinceCode], vnDate(now))).get(provinceCode) ?? provinceCode;
  const d = await dashboardBody(deps, {
    scope: { level: 'province', provinceCode },
    code: provinceCode,
    period,
    by: 'received_unit',
    now,
    mayOpen: () => false,
    mayReadNation: false,
  });
  const w = await workloadBody(db, { code: provinceCode, name, level: 'province', provinceCode }, period, now);
  const month = `${days.first.slice(5, 7)}/${days.first.slice(0, 4)}`;
  const heading = `Báo cáo tháng ${month} — ${name}`;
  const t = d.totals;
  const p = d.previousTotals;
  const byChannel = (channel: string) =>
    d.daily.filter((r) => r.channel === channel).reduce((s, r) => s + r.received, 0);
  const n = (label: string, a: number | null, b: number | null = null): Row => ({
    label,
    month: formatInt(a),
    previous: formatInt(b),
  });
  const pct = (label: string, a: number | null, b: number | null): Row => ({
    label,
    month: formatPercent(a),
    previous: formatPercent(b),
  });
  const summary: Row[] = [
    n('Hồ sơ tiếp nhận', t.received, p.received),
    n('— trực tiếp', byChannel('in_person')),
    n('— trực tuyến', t.online, p.online),
    n('— qua bưu chính', byChannel('postal')),
    pct('Tỷ lệ trực tuyến', t.onlineShare, p.onlineShare),
    n('Giải quyết trước hạn', t.finishedEarly, p.finishedEarly),
    n('Giải quyết đúng hạn', t.finishedOnTime, p.finishedOnTime),
    n('Giải quyết trễ hạn', t.finishedLate, p.finishedLate),
    pct('Tỷ lệ đúng hạn (chỉ số 766 – 2.1)', t.onTimeRate, p.onTimeRate),
    n('Đang giải quyết (hồ sơ tiếp nhận trong tháng)', t.inProgress, p.inProgress),
    n('— trong đó quá hạn', t.inProgressOverdue, p.inProgressOverdue),
    n('Hồ sơ đang giải quyết của tỉnh: quá hạn', d.openDue.overdue),
    n('Hồ sơ đang giải quyết của tỉnh: sắp đến hạn', d.openDue.dueSoon),
    n('Hồ sơ đang giải quyết của tỉnh: còn hạn', d.openDue.undue),
    n('Hồ sơ đang giải quyết của tỉnh: tạm dừng tính hạn', d.openDue.paused),
    pct('Tỷ lệ yêu cầu bổ sung', t.supplementRate, p.supplementRate),
    pct('Tỷ lệ từ chối', t.refusalRate, p.refusalRate),
    n('Lượt đánh giá', t.ratingCount, p.ratingCount),
    {
      label: 'Đánh giá trung bình (1–5)',
      month: formatDecimal(t.averageRating),
      previous: formatDecimal(p.averageRating),
    },
    n('Phản ánh, kiến nghị tiếp nhận', d.feedback.received, d.previousFeedback.received),
    n('Phản ánh, kiến nghị đã xử lý', d.feedback.handled, d.previousFeedback.handled),
    pct('Phản ánh, kiến nghị xử lý đúng hạn', d.feedback.onTimeRate, d.previousFeedback.onTimeRate),
  ];
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ');
  const procedures = [...d.procedures]
    .sort((a, b) => b.received - a.received || a.procedureCode.localeCompare(b.procedureCode))
    .slice(0, MONTHLY_REPORT_TOP_PROCEDURES);
  const snap = (
    await createServiceIndexRepository(db).listSnapshots({ scopes: [provinceCode], fromMonth: days.first })
  ).find((s) => s.month.startsWith(days.first.slice(0, 7)));
  const index = snap
    ? {
        indicators: snap.indicators as ServiceIndicator[],
        points: snap.points,
        max: snap.maxPoints,
        at: snap.computedAt,
      }
    : await computeServiceIndex(db, { scope: provinceCode, fromAt: period.fromAt, toAt: period.toAt, now }).then(
        (r) => ({ indicators: r.indicators, points: r.total.points, max: r.total.max, at: now }),
      );
  return [
    {
      title: heading,
      sheet: 'Tổng hợp',
      subtitle: `Tháng ${month} so với ${d.previous.from} – ${d.previous.to}, theo đơn vị tiếp nhận. Hồ sơ đang giải quyết và quá hạn: tại thời điểm lập ${stamp} UTC.`,
      columns: [
        { key: 'label', header: 'Chỉ tiêu', width: 44 },
        { key: 'month', header: `Tháng ${month}`, width: 16 },
        { key: 'previous', header: 'Tháng trước', width: 16 },
      ],
      rows: summary,
    },
    { ...dashboardTable(d, 'rows'), sheet: 'Xã, phường' },
    {
      ...dashboardTable({ ...d, procedures }, 'procedures'),
      sheet: 'Thủ tục',
      title: `${MONTHLY_REPORT_TOP_PROCEDURES} thủ tục nhiều hồ sơ nhất — ${name}`,
    },
    {
      ...workloadTable(w, 'units'),
      sheet: 'Khối lượng',
      subtitle: `${workloadTable(w, 'units').subtitle} Hồ sơ tồn đầu tháng ${w.backlog.first}, cuối tháng ${w.backlog.last}; ${w.units.filter((u) => u.overload).length} đơn vị vượt ngưỡng.`,
    },
    { ...workloadTable(w, 'noOnlineApprover'), sheet: 'Chưa có người phê duyệt' },
    { ...workloadTable(w, 'certificateGaps'), sheet: 'Chứng thư số' },
    {
      ...serviceIndexTable(
        `Bộ chỉ số 766 — ${name}, tháng ${month}`,
        `${index.points}/${index.max} điểm các chỉ số tính được; số liệu chốt lúc ${index.at.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        index.indicators,
      ),
      sheet: 'Chỉ số 766',
    },
  ];
}

/** The report's two files and the names of its sheets. */
export async function renderMonthlyReport(tables: ExportTable[], now: Date) {
  return {
    xlsx: await renderWorkbook(tables),
    pdf: await renderTablesPdf(tables, now),
    sheets: tables.map((t) => t.sheet ?? t.title),
  };
}

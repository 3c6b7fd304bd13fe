import { DOSSIER_STATUS_NAMES_VI } from '@mot-cua/contracts';
import type { ExportTable } from './export-table.js';

/** The dossiers or feedback items behind a figure (a drill-down row, a 766 indicator) as rows of a file. */

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
      status: (DOSSIER_STATUS_NAMES_VI as Record<string, string>)[i.status] ?? i.status,
      bucketName: i.bucket ? (BUCKET_VI[i.bucket] ?? i.bucket) : null,
    })),
  };
}

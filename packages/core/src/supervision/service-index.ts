import type { ServiceIndexGroup, ServiceIndicatorId } from '@mot-cua/contracts';
import type { StatsCounts } from '../dossiers/dossier-stats.js';
import type { feedbackIndex } from '../feedback/feedback-index.js';
import { syncIndicators } from '../outbox/sync-indicators.js';

/**
 * The Decision 766 service index of one unit (or province, or the nation) over a period, from our own data
 * (domain.md §2.1). Each indicator carries its numerator, denominator, rate, threshold and points; an indicator
 * whose inputs the product does not hold is `computable: false` with the reason, never a made-up figure.
 * Scoring (domain.md §2.1, [S19]): below the threshold T the points are rate × max / T, at or above T the max.
 */

export type IndicatorResult = Readonly<{
  id: ServiceIndicatorId;
  group: ServiceIndexGroup;
  /** Maximum points (third-party reverse engineering of DVCQG, domain.md §2.1); null when not published. */
  max: number | null;
  /** Rate at which the full points are reached (1 when none is stated). */
  threshold: number;
  computable: boolean;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  points: number | null;
  /** Why it is not computable, or why it carries no points (Vietnamese, shown as written). */
  reason: string | null;
}>;

/** What our data holds for one scope and period (dossiers by receipt date in the period). */
/** The dossier counts behind the 766 index of one scope and period (counted by the db's service-index repository). */
export type ServiceIndexCounts = {
  /** Dossiers received in the period. */
  received: number;
  /** Of those: every national status change delivered to the portal (1.4). */
  synced: number;
  reused: number;
  fromCitizenStore: number;
  /** Online among those received (channel 2). */
  online: number;
  /** Fee-bearing (fee > 0) and, of those, paid online (3.6). */
  feeBearing: number;
  paidOnline: number;
  /** Dossiers of the period with a result issued (result ready or returned) and, of those, with a result file. */
  withResult: number;
  withResultFile: number;
  /** Of those with a result: every component present has a scanned file and the result is a file (4.2). */
  digitized: number;
  /** Submitted with an account verified by VNeID (4.5b). */
  vneidVerified: number;
  /** Received dossiers with a feedback (PAKN) about them or a rating of 1–2 of 5 (5.4). */
  withFeedbackOrDislike: number;
};

export type ServiceIndexInputs = Readonly<
  ServiceIndexCounts & {
    /** The supervision aggregate of the same scope and period (indicator 2.1 is its on-time rate). */
    stats: StatsCounts;
    /** Feedback received in the period in the same scope (5.2, 5.3). */
    feedback: ReturnType<typeof feedbackIndex>;
  }
>;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The general rule: min(max, rate × max / T). */
export function indicatorPoints(rate: number, max: number, threshold = 1): number {
  return round(Math.min(max, (rate * max) / threshold));
}

type Spec = { id: ServiceIndicatorId; group: ServiceIndexGroup; max: number | null; threshold?: number };

const notComputable = (s: Spec, reason: string): IndicatorResult => ({
  id: s.id,
  group: s.group,
  max: s.max,
  threshold: s.threshold ?? 1,
  computable: false,
  numerator: null,
  denominator: null,
  rate: null,
  points: null,
  reason,
});

function fromCounts(s: Spec, numerator: number, denominator: number, noPointsReason?: string): IndicatorResult {
  const threshold = s.threshold ?? 1;
  if (denominator <= 0) {
    return {
      ...notComputable(s, 'Không tính được, vì trong kỳ không có hồ sơ thuộc mẫu số của chỉ số.'),
      numerator,
      denominator,
    };
  }
  const rate = numerator / denominator;
  return {
    id: s.id,
    group: s.group,
    max: s.max,
    threshold,
    computable: true,
    numerator,
    denominator,
    rate,
    points: s.max === null ? null : indicatorPoints(rate, s.max, threshold),
    reason: noPointsReason ?? null,
  };
}

const NO_PUBLICATION =
  'Không tính được, vì sản phẩm chưa lưu ngày ban hành quyết định công bố và ngày công khai thủ tục trên Cơ sở dữ liệu quốc gia về TTHC.';
const ONLINE_SPLIT =
  'Nhóm dịch vụ trực tuyến có 12 điểm nhưng cách chia điểm giữa 3.1, 3.2 và 3.3 chưa xác định được từ nguồn công khai, nên chỉ nêu tỷ lệ, không cho điểm.';

/**
 * 2.2 (no points): the formula is the average processing time of each procedure in that procedure's own unit
 * (working days, the clock stopped while paused). The aggregates keep elapsed calendar hours from entry to finish,
 * pauses included; that is what the dashboard's table shows beside the limit, and it is not the 766 figure.
 */
const AVERAGE_TIME =
  'Không tính được, vì công thức tính thời gian xử lý trung bình của từng thủ tục theo đơn vị thời gian của thủ tục đó (ngày làm việc, không tính thời gian tạm dừng), còn sản phẩm chỉ tổng hợp thời gian theo giờ lịch từ tiếp nhận đến hoàn thành (gồm cả ngày nghỉ và thời gian chờ bổ sung). Chỉ số không có điểm; bảng "Thời gian xử lý theo thủ tục" ở trang điều hành (tải Excel/PDF) cho thời gian trung bình theo ngày lịch so với thời hạn quy định.';

/**
 * E-certified copies (2 points, no number in domain.md §2.1): neither the formula nor the data is there. The
 * transcription of the formulas gives none, and a dossier component records only present / missing / invalid,
 * the number of paper copies and reuse flags — not whether an electronic copy was certified from its original.
 */
const E_CERTIFIED =
  'Không tính được, vì sản phẩm không ghi nhận bản sao điện tử nào được chứng thực từ bản chính (thành phần hồ sơ chỉ lưu có / thiếu / không hợp lệ, số bản giấy và cờ tái sử dụng), và công thức của chỉ số này chưa được công bố trong bản mô tả công thức 766.';

/** The 766 service index from the inputs; `total` sums the points of computable indicators over their maxima. */
export function serviceIndex(i: ServiceIndexInputs): {
  indicators: IndicatorResult[];
  total: { points: number; max: number };
} {
  const sync = syncIndicators(i);
  const s = i.stats;
  const inTime = s.finished.early + s.finished.onTime + s.inProgress.undue + s.inProgress.dueSoon;
  const judged = inTime + s.finished.late + s.inProgress.overdue;
  const late = s.finished.late + s.inProgress.overdue;
  const f = i.feedback;
  // 5.4: 100 % − (late rate + rate of dossiers with PAKN or dislike), full at ≥ 90 %.
  const r54 =
    judged > 0 && i.received > 0 ? Math.max(0, 1 - (late / judged + i.withFeedbackOrDislike / i.received)) : null;
  const indicators: IndicatorResult[] = [
    notComputable({ id: '1.1', group: 'transparency', max: 6 }, NO_PUBLICATION),
    notComputable({ id: '1.2', group: 'transparency', max: 4 }, NO_PUBLICATION),
    notComputable(
      { id: '1.3', group: 'transparency', max: 2 },
      'Không tính được, vì sản phẩm không giữ bản công khai của thủ tục trên Cơ sở dữ liệu quốc gia về TTHC để đối chiếu đủ bộ phận cấu thành.',
    ),
    {
      ...fromCounts({ id: '1.4', group: 'transparency', max: 6 }, i.synced, i.received),
      points: sync.indicator14.points,
    },
    fromCounts({ id: '2.1', group: 'progress', max: 20 }, inTime, judged),
    notComputable({ id: '2.2', group: 'progress', max: null }, AVERAGE_TIME),
    notComputable(
      { id: '3.1', group: 'online', max: null },
      'Không tính được, vì mức độ dịch vụ công trực tuyến đang cung cấp trên Cổng DVCQG của từng thủ tục tại đơn vị chưa được đồng bộ về sản phẩm.',
    ),
    notComputable(
      { id: '3.2', group: 'online', max: null },
      'Không tính được, vì danh sách dịch vụ công trực tuyến đang cung cấp trên Cổng DVCQG chưa được đồng bộ về sản phẩm.',
    ),
    fromCounts({ id: '3.3', group: 'online', max: null, threshold: 0.5 }, i.online, i.received, ONLINE_SPLIT),
    notComputable(
      { id: '3.5', group: 'payment', max: 4, threshold: 0.8 },
      'Không tính được, vì sản phẩm chưa lưu thủ tục nào đã tích hợp thanh toán trên Cổng DVCQG.',
    ),
    fromCounts({ id: '3.6', group: 'payment', max: 6 }, i.paidOnline, i.feeBearing),
    fromCounts({ id: '4.1', group: 'digitization', max: 6 }, i.withResultFile, i.withResult),
    fromCounts({ id: '4.2', group: 'digitization', max: 4, threshold: 0.8 }, i.digitized, i.withResult),
    notComputable({ id: '4.2b', group: 'digitization', max: 2 }, E_CERTIFIED),
    {
      ...fromCounts({ id: '4.3', group: 'digitization', max: 2, threshold: 0.8 }, i.reused, i.received),
      points: sync.indicator43.points,
    },
    {
      ...fromCounts({ id: '4.4', group: 'digitization', max: 4 }, i.fromCitizenStore, i.received),
      points: sync.indicator44.points,
    },
    fromCounts(
      { id: '4.5', group: 'digitization', max: 2 },
      i.vneidVerified,
      i.received,
      'Chỉ tính phần (b) hồ sơ có tài khoản xác thực VNeID; phần (a) theo thủ tục chưa tính được.',
    ),
    f.handled > 0
      ? fromCounts({ id: '5.2', group: 'satisfaction', max: 6 }, f.handledOnTime, f.handled)
      : notComputable(
          { id: '5.2', group: 'satisfaction', max: 6 },
          'Không tính được, vì trong kỳ chưa có phản ánh, kiến nghị nào được xử lý xong.',
        ),
    f.received > 0
      ? {
          ...fromCounts(
            { id: '5.3', group: 'satisfaction', max: 6 },
            Math.round((f.satisfactionRate ?? 0) * f.received),
            f.received,
          ),
          rate: f.satisfactionRate,
          points: indicatorPoints(f.satisfactionRate ?? 0, 6),
        }
      : notComputable(
          { id: '5.3', group: 'satisfaction', max: 6 },
          'Không tính được, vì trong kỳ không có phản ánh, kiến nghị nào.',
        ),
    r54 === null
      ? notComputable(
          { id: '5.4', group: 'satisfaction', max: 6, threshold: 0.9 },
          'Không tính được, vì trong kỳ không có hồ sơ có hạn xử lý.',
        )
      : {
          id: '5.4',
          group: 'satisfaction',
          max: 6,
          threshold: 0.9,
          computable: true,
          numerator: late + i.withFeedbackOrDislike,
          denominator: i.received,
          rate: r54,
          points: indicatorPoints(r54, 6, 0.9),
          reason:
            'Tỷ lệ = 100 % − (hồ sơ trễ hạn / hồ sơ có hạn + hồ sơ có phản ánh hoặc đánh giá không hài lòng / hồ sơ tiếp nhận); tử số là số hồ sơ bị trừ.',
        },
  ];
  const scored = indicators.filter((x) => x.points !== null && x.max !== null);
  return {
    indicators,
    total: {
      points: round(scored.reduce((a, x) => a + (x.points ?? 0), 0)),
      max: scored.reduce((a, x) => a + (x.max ?? 0), 0),
    },
  };
}

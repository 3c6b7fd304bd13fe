import { z } from 'zod';
import { DossierStatsQuery } from './dossiers.js';

const UnitCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{2,12}$/);
const CivilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The `format` parameter of a table route: the JSON answer, or the same table as an XLSX or PDF file. */
export const ExportFormatParam = z
  .enum(['json', 'xlsx', 'pdf'])
  .default('json')
  .describe('json (default), xlsx or pdf');
export type ExportFormatParam = z.infer<typeof ExportFormatParam>;

/** The 766 indicators the service index lists, in the order of domain.md §2.1. */
export const SERVICE_INDICATORS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '3.5',
  '3.6',
  '4.1',
  '4.2',
  '4.2b',
  '4.3',
  '4.4',
  '4.5',
  '5.2',
  '5.3',
  '5.4',
] as const;
export type ServiceIndicatorId = (typeof SERVICE_INDICATORS)[number];

/** The indicators' Vietnamese names (domain.md §2.1): printed by the exports and shown by the web app. */
export const SERVICE_INDICATOR_NAMES_VI: Record<ServiceIndicatorId, string> = {
  '1.1': 'Công bố TTHC đúng hạn',
  '1.2': 'Công khai TTHC trên CSDL quốc gia đúng hạn',
  '1.3': 'Công khai TTHC đầy đủ bộ phận cấu thành',
  '1.4': 'Hồ sơ đồng bộ lên Cổng DVCQG',
  '2.1': 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn',
  '2.2': 'Thời gian xử lý trung bình',
  '3.1': 'Thủ tục cung cấp dịch vụ công trực tuyến',
  '3.2': 'Dịch vụ trực tuyến có phát sinh hồ sơ',
  '3.3': 'Tỷ lệ hồ sơ nộp trực tuyến',
  '3.5': 'Thủ tục tích hợp thanh toán trực tuyến',
  '3.6': 'Hồ sơ thanh toán trực tuyến',
  '4.1': 'Hồ sơ có kết quả điện tử',
  '4.2': 'Hồ sơ được số hóa',
  '4.2b': 'Bản sao điện tử được chứng thực từ bản chính',
  '4.3': 'Tái sử dụng dữ liệu số hóa',
  '4.4': 'Dữ liệu từ kho dữ liệu cá nhân trên Cổng DVCQG',
  '4.5': 'Sử dụng CSDL quốc gia về dân cư (VNeID)',
  '5.2': 'Phản ánh, kiến nghị xử lý đúng hạn',
  '5.3': 'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
  '5.4': 'Mức độ hài lòng về giải quyết TTHC',
};

/** Indicators whose contributing dossiers can be listed (numerator and denominator). */
export const DOSSIER_INDICATORS = ['1.4', '2.1', '3.3', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5', '5.4'] as const;
export type DossierIndicatorId = (typeof DOSSIER_INDICATORS)[number];

export const SERVICE_INDEX_GROUPS = [
  'transparency',
  'progress',
  'online',
  'payment',
  'digitization',
  'satisfaction',
] as const;
export type ServiceIndexGroup = (typeof SERVICE_INDEX_GROUPS)[number];

export const ServiceIndexQuery = z.object({
  provinceCode: UnitCode.optional().describe('One province (default: the caller’s province, or the nation)'),
  unitCode: UnitCode.optional().describe('One commune or provincial unit'),
  from: CivilDate.optional().describe('First day (Vietnam), default the first of this month'),
  to: CivilDate.optional().describe('Last day included (Vietnam), default today'),
  format: ExportFormatParam,
});
export type ServiceIndexQuery = z.infer<typeof ServiceIndexQuery>;

export const ServiceIndicator = z
  .object({
    id: z.enum(SERVICE_INDICATORS),
    group: z.enum(SERVICE_INDEX_GROUPS),
    max: z.number().nullable(),
    threshold: z.number(),
    computable: z.boolean(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    rate: z.number().nullable(),
    points: z.number().nullable(),
    reason: z.string().nullable(),
    /** The contributing dossiers can be listed with GET /api/supervision/service-index/dossiers. */
    listable: z.boolean(),
  })
  .meta({ id: 'ServiceIndicator' });
export type ServiceIndicator = z.infer<typeof ServiceIndicator>;

export const ServiceIndex = z
  .object({
    scope: z.object({ code: z.string(), name: z.string(), level: z.enum(['nation', 'province', 'unit']) }),
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    indicators: z.array(ServiceIndicator),
    total: z.object({ points: z.number(), max: z.number() }),
  })
  .meta({ id: 'ServiceIndex' });
export type ServiceIndex = z.infer<typeof ServiceIndex>;

export const ServiceIndexDossiersQuery = ServiceIndexQuery.omit({ format: true }).extend({
  indicator: z.enum(DOSSIER_INDICATORS),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/)
    .optional()
    .describe('the `next` of the previous page: the page after it (keyset; instead of offset)'),
  format: ExportFormatParam.describe('json (default), or every dossier of the figure as an xlsx or pdf file'),
});
export type ServiceIndexDossiersQuery = z.infer<typeof ServiceIndexDossiersQuery>;

/** Indicators whose contributing feedback (PAKN) items can be listed. */
export const FEEDBACK_INDICATORS = ['5.2', '5.3'] as const;

export const ServiceIndexFeedbackQuery = ServiceIndexDossiersQuery.omit({ after: true }).extend({
  indicator: z.enum(FEEDBACK_INDICATORS),
});
export type ServiceIndexFeedbackQuery = z.infer<typeof ServiceIndexFeedbackQuery>;

export const ServiceIndexFeedbackItem = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.string(),
    unitCode: z.string(),
    provinceCode: z.string(),
    status: z.string(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    rating: z.string().nullable(),
    repeated: z.boolean(),
  })
  .meta({ id: 'ServiceIndexFeedbackItem' });

export const ServiceIndexFeedbackList = z
  .object({ items: z.array(ServiceIndexFeedbackItem), total: z.number().int() })
  .meta({ id: 'ServiceIndexFeedbackList' });
export type ServiceIndexFeedbackList = z.infer<typeof ServiceIndexFeedbackList>;

export const ServiceIndexTrendQuery = z.object({
  provinceCode: UnitCode.optional().describe('One province (default: every province the caller supervises)'),
  months: z.coerce.number().int().min(1).max(36).default(12),
  format: ExportFormatParam,
});
export type ServiceIndexTrendQuery = z.infer<typeof ServiceIndexTrendQuery>;

export const ServiceIndexTrend = z
  .object({
    fromMonth: z.string(),
    snapshots: z.array(
      z.object({
        provinceCode: z.string(),
        name: z.string(),
        month: z.string(),
        points: z.number(),
        maxPoints: z.number(),
        received: z.number().int(),
        computedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'ServiceIndexTrend' });
export type ServiceIndexTrend = z.infer<typeof ServiceIndexTrend>;

export const TakeServiceIndexSnapshot = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('YYYY-MM (a month already over, or the current one)'),
  provinceCode: UnitCode.optional().describe('One province (default: every province)'),
});
export type TakeServiceIndexSnapshot = z.infer<typeof TakeServiceIndexSnapshot>;

export const ServiceIndexSnapshotResult = z
  .object({ month: z.string(), provinces: z.array(z.object({ provinceCode: z.string(), points: z.number() })) })
  .meta({ id: 'ServiceIndexSnapshotResult' });
export type ServiceIndexSnapshotResult = z.infer<typeof ServiceIndexSnapshotResult>;

export const ServiceIndexDossier = z
  .object({
    id: z.string(),
    code: z.string(),
    procedureName: z.string(),
    receivingUnitCode: z.string(),
    provinceCode: z.string(),
    channel: z.string(),
    status: z.string(),
    enteredAt: z.string(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ServiceIndexDossier' });
export type ServiceIndexDossier = z.infer<typeof ServiceIndexDossier>;

export const ServiceIndexDossierList = z
  .object({
    items: z.array(ServiceIndexDossier),
    total: z.number().int(),
    /** Pass as `after` for the next page (null on the last page). */
    next: z.string().nullable().optional(),
  })
  .meta({ id: 'ServiceIndexDossierList' });
export type ServiceIndexDossierList = z.infer<typeof ServiceIndexDossierList>;

/** GET /api/supervision/exports/dossier-stats: the supervision aggregate (same query) as a file. */
export const DossierStatsExportQuery = DossierStatsQuery.extend({
  format: z.enum(['xlsx', 'pdf']).describe('xlsx or pdf'),
});
export type DossierStatsExportQuery = z.infer<typeof DossierStatsExportQuery>;

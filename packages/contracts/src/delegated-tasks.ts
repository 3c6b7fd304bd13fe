import { z } from 'zod';
import { ExportFormatParam } from './service-index.js';

export const TASK_LEVELS = ['central', 'province', 'commune'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];
export const FEASIBILITIES = ['feasible', 'needs_guidance', 'needs_authority_adjusted'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];

/** The sheet's words for levels and feasibility (import and export), and its column headers in order. */
export const TASK_LEVEL_WORDS: Record<TaskLevel, string> = { central: 'Trung ương', province: 'Tỉnh', commune: 'Xã' };
export const FEASIBILITY_WORDS: Record<Feasibility, string> = {
  feasible: 'Thực hiện được',
  needs_guidance: 'Cần văn bản hướng dẫn',
  needs_authority_adjusted: 'Cần điều chỉnh thẩm quyền',
};
export const DELEGATED_TASK_HEADERS = [
  'Mã nhiệm vụ',
  'Lĩnh vực',
  'Nhiệm vụ',
  'Cấp chuyển đi',
  'Cấp nhận',
  'Căn cứ pháp lý',
  'Bộ, ngành phụ trách',
  'Khả năng thực hiện',
  'Ghi chú',
  'Hạn hoàn thành',
] as const;

export const DelegatedTask = z
  .object({
    code: z.string(),
    field: z.string(),
    title: z.string(),
    sourceLevel: z.enum(TASK_LEVELS),
    targetLevel: z.enum(TASK_LEVELS),
    legalBasis: z.string(),
    ministry: z.string(),
    feasibility: z.enum(FEASIBILITIES),
    notes: z.string().nullable(),
    deadline: z.string().nullable(),
  })
  .meta({ id: 'DelegatedTask' });
export type DelegatedTask = z.infer<typeof DelegatedTask>;

export const DelegatedTaskSummary = z
  .object({
    total: z.number().int(),
    byFeasibility: z.array(
      z.object({ feasibility: z.enum(FEASIBILITIES), count: z.number().int(), share: z.number().nullable() }),
    ),
    byField: z.array(
      z.object({
        field: z.string(),
        total: z.number().int(),
        feasible: z.number().int(),
        needsGuidance: z.number().int(),
        needsAuthorityAdjusted: z.number().int(),
        feasibleShare: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'DelegatedTaskSummary' });
export type DelegatedTaskSummary = z.infer<typeof DelegatedTaskSummary>;

export const DelegatedTaskListQuery = z.object({
  field: z.string().trim().min(1).max(200).optional(),
  feasibility: z.enum(FEASIBILITIES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: ExportFormatParam,
});
export type DelegatedTaskListQuery = z.infer<typeof DelegatedTaskListQuery>;

export const DelegatedTaskList = z
  .object({ items: z.array(DelegatedTask), total: z.number().int(), summary: DelegatedTaskSummary })
  .meta({ id: 'DelegatedTaskList' });
export type DelegatedTaskList = z.infer<typeof DelegatedTaskList>;

export const DelegatedTaskImportResult = z
  .object({ importId: z.string(), rows: z.number().int(), created: z.number().int(), updated: z.number().int() })
  .meta({ id: 'DelegatedTaskImportResult' });
export type DelegatedTaskImportResult = z.infer<typeof DelegatedTaskImportResult>;

import { z } from 'zod';

/** The names a dossier is described with: channels, statuses, actions, progress, slips. */

export const DossierChannel = z.enum(['in_person', 'online', 'postal']).meta({ id: 'DossierChannel' });
export type DossierChannel = z.infer<typeof DossierChannel>;
export const DossierReturnMethod = z.enum(['counter', 'post', 'online']).meta({ id: 'DossierReturnMethod' });
export type DossierReturnMethod = z.infer<typeof DossierReturnMethod>;
export const ApplicantKind = z.enum(['citizen', 'enterprise', 'state_agency', 'organisation']);
/** A checklist row at the counter; `not_applicable`: a conditional component whose case does not apply. */
export const ComponentState = z.enum(['present', 'missing', 'invalid', 'not_applicable']);
export type ComponentState = z.infer<typeof ComponentState>;

export const DossierStatusName = z
  .enum([
    'new',
    'supplement_requested',
    'received',
    'processing',
    'awaiting_payment',
    'result_ready',
    'returned',
    'refused',
    'withdrawn',
    'stopped',
  ])
  .meta({ id: 'DossierStatus' });
export type DossierStatusName = z.infer<typeof DossierStatusName>;
/** The statuses as officials read them in Vietnamese (the workspace's lists and the supervision files). */
export const DOSSIER_STATUS_NAMES_VI: Record<DossierStatusName, string> = {
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

export const DossierActionKind = z.enum([
  'submitted',
  'received',
  'supplement_requested',
  'supplemented',
  'refused',
  'assigned',
  'claimed',
  'step_completed',
  'forwarded',
  'consultation_requested',
  'consultation_answered',
  'financial_obligation_requested',
  'financial_obligation_paid',
  'approved',
  'result_issued',
  'apology_issued',
  'withdrawn',
  'stopped',
  'returned',
  'rated',
]);
export type DossierActionKind = z.infer<typeof DossierActionKind>;

export const DossierProgressName = z.enum(['undue', 'due_soon', 'overdue', 'early', 'on_time', 'late', 'no_deadline']);
export type DossierProgressName = z.infer<typeof DossierProgressName>;

export const SlipKindName = z.enum([
  'receipt',
  'supplement',
  'refusal',
  'apology',
  'stop',
  'control-sheet',
  'fee-receipt',
]);
export type SlipKindName = z.infer<typeof SlipKindName>;

import { z } from 'zod';
import { DossierCode, Phone, Text, UnitCode } from './feedback-fields.js';
import { personName } from './person-name.js';

/**
 * Feedback and hotline (phản ánh, kiến nghị — PAKN): questions, complaints, suggestions and reports received on
 * the web, the hotline, at the counter or through the Open311 API, handled within the deadlines of the service
 * index (Decision 766, indicators 5.2 and 5.3), answered, approved by a leader and optionally published.
 */

export const FEEDBACK_KINDS = ['question', 'complaint', 'suggestion', 'report'] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const FEEDBACK_CHANNELS = ['web', 'hotline', 'counter', 'api'] as const;
export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS);
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;

/** received → accepted / refused → information requested → in progress → answered → published. */
export const FEEDBACK_STATUSES = [
  'received',
  'accepted',
  'refused',
  'info_requested',
  'in_progress',
  'answered',
  'published',
] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FEEDBACK_ACTIONS = [
  'route',
  'accept',
  'refuse',
  'request_info',
  'info_received',
  'start',
  'draft_answer',
  'return_draft',
  'approve_answer',
  'publish',
] as const;
export const FeedbackAction = z.enum(FEEDBACK_ACTIONS);
export type FeedbackAction = z.infer<typeof FeedbackAction>;

export const FeedbackRating = z.enum(['satisfied', 'neutral', 'dissatisfied']);
export type FeedbackRating = z.infer<typeof FeedbackRating>;

/** Deadline mark of the current state: none (no deadline running), undue, due soon, overdue. */
export const DeadlineMark = z.enum(['none', 'undue', 'due_soon', 'overdue']);
export type DeadlineMark = z.infer<typeof DeadlineMark>;

/** 0 with the unit, 1 escalated to the center director, 2 escalated to the province. */
export const EscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const FEEDBACK_PHOTO_MAX_BYTES = 400_000;
export const FEEDBACK_PHOTOS_MAX = 3;

export const FeedbackPhotoUpload = z.object({
  fileName: z.string().trim().min(1).max(120),
  /** The image's bytes in base64 (JPEG or PNG, checked by their bytes; at most 400 kB). */
  dataBase64: z
    .string()
    .max(Math.ceil((FEEDBACK_PHOTO_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

export type FeedbackPhotoUpload = z.infer<typeof FeedbackPhotoUpload>;

export const FeedbackLocation = z.object({
  lat: z.number().min(8).max(24),
  long: z.number().min(102).max(110),
});

/** A submission of the public form (anonymous or signed in). */
export const FeedbackSubmitRequest = z
  .object({
    kind: FeedbackKind,
    title: Text(200),
    content: Text(5000),
    /** Procedure field (lĩnh vực) the matter belongs to, as in the catalog. */
    field: z.string().trim().min(1).max(300).optional(),
    /** Commune (or province) the matter is about. */
    communeCode: UnitCode,
    dossierCode: DossierCode.optional(),
    anonymous: z.boolean().default(false),
    submitterName: personName(120).optional(),
    submitterPhone: Phone.optional(),
    submitterEmail: z.email().max(200).optional(),
    address: z.string().trim().max(300).optional(),
    location: FeedbackLocation.optional(),
    photos: z.array(FeedbackPhotoUpload).max(FEEDBACK_PHOTOS_MAX).default([]),
  })
  .meta({ id: 'FeedbackSubmitRequest' });
export type FeedbackSubmitRequest = z.infer<typeof FeedbackSubmitRequest>;

/** A call recorded by the hotline operator, or a matter raised at the counter. */
export const FeedbackIntakeRequest = z
  .object({
    channel: z.enum(['hotline', 'counter']),
    kind: FeedbackKind,
    title: Text(200),
    content: Text(5000),
    field: z.string().trim().min(1).max(300).optional(),
    communeCode: UnitCode,
    dossierCode: DossierCode.optional(),
    callerName: personName(120).optional(),
    callerPhone: Phone.optional(),
    counterId: z.uuid().optional(),
  })
  .meta({ id: 'FeedbackIntakeRequest' });
export type FeedbackIntakeRequest = z.infer<typeof FeedbackIntakeRequest>;

export const FeedbackSubmitted = z
  .object({ id: z.uuid(), code: z.string(), token: z.string(), dueAt: z.string().nullable() })
  .meta({ id: 'FeedbackSubmitted' });
export type FeedbackSubmitted = z.infer<typeof FeedbackSubmitted>;

export const FeedbackActionRequest = z
  .object({
    action: FeedbackAction,
    /** Refusal reason, information asked for, answer draft, or a note. */
    text: z.string().trim().min(1).max(5000).optional(),
    /** route: the unit (and department) that handles it. */
    unitCode: UnitCode.optional(),
    departmentId: z.uuid().nullable().optional(),
    /** approve_answer: the answer may be published (it must then be published within 2 working days). */
    publish: z.boolean().optional(),
    /** publish: the question as published (personal details removed); defaults to the title and content. */
    publicQuestion: z.string().trim().min(1).max(5000).optional(),
  })
  .meta({ id: 'FeedbackActionRequest' });
export type FeedbackActionRequest = z.infer<typeof FeedbackActionRequest>;

export const FeedbackEvent = z.object({
  action: z.string(),
  fromStatus: FeedbackStatus.nullable(),
  toStatus: FeedbackStatus.nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  onTime: z.boolean().nullable(),
});

export const FeedbackSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: FeedbackKind,
    channel: FeedbackChannel,
    status: FeedbackStatus,
    title: z.string(),
    field: z.string().nullable(),
    communeCode: z.string().nullable(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    dossierCode: z.string().nullable(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    mark: DeadlineMark,
    escalation: EscalationLevel,
    hasDraft: z.boolean(),
    repeatOf: z.string().nullable(),
    rating: FeedbackRating.nullable(),
  })
  .meta({ id: 'FeedbackSummary' });
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

export const FeedbackDetail = FeedbackSummary.extend({
  content: z.string(),
  submitterName: z.string().nullable(),
  submitterPhone: z.string().nullable(),
  submitterEmail: z.string().nullable(),
  anonymous: z.boolean(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  refusalReason: z.string().nullable(),
  infoRequest: z.string().nullable(),
  answerDraft: z.string().nullable(),
  answer: z.string().nullable(),
  publishIntended: z.boolean(),
  photos: z.array(z.object({ id: z.uuid(), fileName: z.string(), url: z.string() })),
  events: z.array(FeedbackEvent),
  allowedActions: z.array(FeedbackAction),
}).meta({ id: 'FeedbackDetail' });
export type FeedbackDetail = z.infer<typeof FeedbackDetail>;

export const FeedbackListQuery = z.object({
  status: FeedbackStatus.optional(),
  mark: z.enum(['due_soon', 'overdue']).optional(),
  unit: UnitCode.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const FeedbackList = z
  .object({ total: z.number().int(), items: z.array(FeedbackSummary) })
  .meta({ id: 'FeedbackList' });
export type FeedbackList = z.infer<typeof FeedbackList>;

/** What the submitter sees with the tracking token. */
export const FeedbackTracking = z
  .object({
    code: z.string(),
    kind: FeedbackKind,
    title: z.string(),
    status: FeedbackStatus,
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    unitName: z.string().nullable(),
    refusalReason: z.string().nullable(),
    infoRequest: z.string().nullable(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    rating: FeedbackRating.nullable(),
    mayRate: z.boolean(),
  })
  .meta({ id: 'FeedbackTracking' });
export type FeedbackTracking = z.infer<typeof FeedbackTracking>;

export const FeedbackRateRequest = z
  .object({ rating: FeedbackRating, comment: z.string().trim().max(1000).optional() })
  .meta({ id: 'FeedbackRateRequest' });
export type FeedbackRateRequest = z.infer<typeof FeedbackRateRequest>;

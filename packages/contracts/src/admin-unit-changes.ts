import { z } from 'zod';
import { AdminUnit, ChangeKind, IsoDate, UnitCode, UnitType } from './admin-units-over-time.js';

/** Boundary change events (merge, split, rename…): the request, its preview, the applied change and the review. */

const NewUnitSpec = z.object({ code: UnitCode, name: z.string().trim().min(1).max(100), type: UnitType });
const EventBase = {
  effectiveDate: IsoDate,
  legalBasis: z.string().trim().max(300).optional(),
  description: z.string().trim().max(500).optional(),
};
export const ChangeEventRequest = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('merge'),
      ...EventBase,
      sourceCodes: z.array(UnitCode).min(2).max(50),
      target: NewUnitSpec,
    }),
    z.object({
      kind: z.literal('split'),
      ...EventBase,
      sourceCode: UnitCode,
      targets: z.array(NewUnitSpec).min(2).max(20),
    }),
    z.object({ kind: z.literal('rename'), ...EventBase, code: UnitCode, name: z.string().trim().min(1).max(100) }),
    z.object({
      kind: z.literal('type_change'),
      ...EventBase,
      units: z
        .array(z.object({ code: UnitCode, type: UnitType, name: z.string().trim().max(100).optional() }))
        .min(1)
        .max(200),
    }),
    z.object({ kind: z.literal('code_alias'), ...EventBase, alias: UnitCode, code: UnitCode }),
  ])
  .meta({ id: 'ChangeEventRequest' });
export type ChangeEventRequest = z.infer<typeof ChangeEventRequest>;

export const ChangePreview = z
  .object({
    kind: ChangeKind,
    effectiveDate: z.string(),
    description: z.string(),
    closeVersions: z.array(z.object({ code: z.string(), validTo: z.string() })),
    newVersions: z.array(AdminUnit),
    links: z.array(z.object({ fromCode: z.string(), toCode: z.string(), share: z.enum(['full', 'partial']) })),
    moves: z.array(
      z.object({
        tableName: z.string(),
        columnName: z.string(),
        fromCode: z.string(),
        toCode: z.string(),
        count: z.number().int(),
      }),
    ),
    reviews: z.array(
      z.object({
        tableName: z.string(),
        columnName: z.string(),
        fromCode: z.string(),
        candidateCodes: z.array(z.string()),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ChangePreview' });
export type ChangePreview = z.infer<typeof ChangePreview>;

export const ChangeApplied = ChangePreview.extend({
  eventId: z.number().int(),
  moved: z.number().int(),
  queued: z.number().int(),
}).meta({ id: 'ChangeApplied' });
export type ChangeApplied = z.infer<typeof ChangeApplied>;

export const ChangeEventSummary = z
  .object({
    id: z.number().int(),
    key: z.string(),
    kind: ChangeKind,
    effectiveDate: z.string(),
    legalBasis: z.string().nullable(),
    description: z.string(),
    source: z.enum(['master_data', 'admin']),
    appliedAt: z.string(),
  })
  .meta({ id: 'ChangeEventSummary' });
export const ChangeEventList = z.object({ items: z.array(ChangeEventSummary) }).meta({ id: 'ChangeEventList' });
export type ChangeEventList = z.infer<typeof ChangeEventList>;

export const ReviewItem = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    effectiveDate: z.string(),
    tableName: z.string(),
    rowKey: z.string(),
    fromCode: z.string(),
    candidateCodes: z.array(z.string()),
    status: z.enum(['open', 'resolved']),
    resolvedCode: z.string().nullable(),
  })
  .meta({ id: 'ReviewItem' });
export const ReviewListQuery = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ReviewList = z
  .object({
    items: z.array(ReviewItem),
    total: z.number().int().describe('Items matching the status, over all pages'),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'ReviewList' });
export type ReviewList = z.infer<typeof ReviewList>;
export const ResolveReviewRequest = z.object({ unitCode: UnitCode }).meta({ id: 'ResolveReviewRequest' });
export type ResolveReviewRequest = z.infer<typeof ResolveReviewRequest>;

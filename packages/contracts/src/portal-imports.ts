import { z } from 'zod';

/** Why an online dossier from the national portal waits on the review list instead of a unit's queue. */
export const PortalReviewReason = z.enum([
  'UNIT_NOT_FOUND',
  'OLD_UNIT_SPLIT',
  'PROCEDURE_NOT_AVAILABLE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
]);

/** One online dossier that came from the national portal, as reception officials review it. */
export const PortalImportView = z
  .object({
    portalCode: z.string(),
    state: z.enum(['imported', 'needs_review']),
    reason: z.string().nullable(),
    unitCode: z.string().nullable(),
    procedureCode: z.string(),
    procedureName: z.string().nullable(),
    applicantName: z.string(),
    vneidVerified: z.boolean(),
    paidOnline: z.boolean(),
    fileCount: z.number().int(),
    importedAt: z.string(),
    dossierId: z.string().nullable(),
    dossierCode: z.string().nullable(),
    status: z.string().nullable(),
  })
  .meta({ id: 'PortalImportView' });
export type PortalImportView = z.infer<typeof PortalImportView>;

export const PortalImportListQuery = z.object({
  /** pending: imported dossiers still waiting for reception, plus those to review; all: every import. */
  view: z.enum(['pending', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const PortalImportList = z.object({ items: z.array(PortalImportView) }).meta({ id: 'PortalImportList' });

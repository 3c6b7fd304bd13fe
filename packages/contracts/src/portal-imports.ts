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
    /** Successors of a split old commune (OLD_UNIT_SPLIT): where it may be routed first. */
    successorUnitCodes: z.array(z.string()),
  })
  .meta({ id: 'PortalImportView' });
export type PortalImportView = z.infer<typeof PortalImportView>;

export const PortalImportListQuery = z.object({
  /** pending: imported dossiers still waiting for reception, plus those to review; all: every import. */
  view: z.enum(['pending', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const PortalImportList = z.object({ items: z.array(PortalImportView) }).meta({ id: 'PortalImportList' });

export const PortalCodeParams = z.object({ portalCode: z.string().min(1).max(60) });

/** A unit an official may route a reviewed online dossier to. */
export const PortalRouteUnit = z
  .object({ code: z.string(), fullName: z.string(), provinceCode: z.string() })
  .meta({ id: 'PortalRouteUnit' });

export const PortalRouteCandidatesQuery = z.object({
  /** The province whose communes to offer besides the successors (default: the record's, else the official's). */
  provinceCode: z.string().min(1).max(10).optional(),
});

/**
 * Where a reviewed online dossier may be routed by this official: the successors of a split old commune first,
 * then the other communes of the province (only units in the official's jurisdiction).
 */
export const PortalRouteCandidates = z
  .object({
    portalCode: z.string(),
    reason: z.string().nullable(),
    provinceCode: z.string().nullable(),
    successors: z.array(PortalRouteUnit),
    others: z.array(PortalRouteUnit),
  })
  .meta({ id: 'PortalRouteCandidates' });
export type PortalRouteCandidates = z.infer<typeof PortalRouteCandidates>;

export const RoutePortalDossierRequest = z
  .object({ unitCode: z.string().min(1).max(10) })
  .meta({ id: 'RoutePortalDossierRequest' });
export const RoutePortalDossierResponse = z
  .object({ portalCode: z.string(), unitCode: z.string(), dossierId: z.string(), dossierCode: z.string() })
  .meta({ id: 'RoutePortalDossierResponse' });

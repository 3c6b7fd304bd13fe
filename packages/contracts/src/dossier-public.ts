import { z } from 'zod';
import { DossierStatusName, SlipKindName } from './dossier-kinds.js';
import { Role } from './roles.js';

/** What the applicant sees of a dossier by its code and a second factor (public lookup). */

export const PublicLookupQuery = z.object({
  code: z.string().trim().min(10).max(80),
  secondFactor: z.string().trim().min(6).max(30).describe('Phone number or ID number of the applicant or agent'),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring
export type PublicLookupQuery = z.infer<typeof PublicLookupQuery>;

/**
 * One official's opening of a dossier, as the applicant sees it (issue 16, after Estonia's Data Tracker): when,
 * which office (unit) and role, and what was opened — never who.
 */
export const DossierAccessEntry = z
  .object({
    at: z.string(),
    role: Role,
    officeCode: z.string(),
    officeName: z.string(),
    purpose: z.enum(['detail', 'attachment', 'slip']),
  })
  .meta({ id: 'DossierAccessEntry' });
export type DossierAccessEntry = z.infer<typeof DossierAccessEntry>;

export const PublicDossierView = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    applicantInitials: z.string(),
    status: DossierStatusName,
    nationalStatus: z.number().int(),
    statusName: z.string(),
    receivingUnitName: z.string(),
    submittedAt: z.string(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    pendingSupplement: z.array(z.object({ name: z.string(), reason: z.string().nullable().optional() })),
    timeline: z.array(z.object({ at: z.string(), label: z.string() })),
    slips: z.array(SlipKindName),
    canRate: z.boolean(),
    /** Officials who opened the dossier, its files or slips: office, role and time, newest first. */
    accessLog: z.array(DossierAccessEntry),
  })
  .meta({ id: 'PublicDossierView' });
export type PublicDossierView = z.infer<typeof PublicDossierView>;

import { z } from 'zod';
import { IsoDate, UnitCode } from './admin-units-over-time.js';
import { Role } from './roles.js';

/** Request and response schemas of the admin-units feature (units over time, conversion, organisation). */

export * from './address-conversion.js';
export * from './admin-unit-changes.js';
export * from './admin-units-over-time.js';
export * from './organisation.js';

/* Officials: their assignments, profiles and readiness, and the search of officials. */

export const AssignmentKind = z.enum(['permanent', 'transfer', 'secondment', 'concurrent']);
export type AssignmentKind = z.infer<typeof AssignmentKind>;
export const Assignment = z
  .object({
    id: z.string(),
    userId: z.string(),
    unitCode: z.string(),
    departmentId: z.string().nullable(),
    kind: AssignmentKind,
    roles: z.array(Role),
    title: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'Assignment' });
export type Assignment = z.infer<typeof Assignment>;
export const AssignRequest = z
  .object({
    unitCode: UnitCode,
    departmentId: z.string().uuid().nullable().optional(),
    kind: AssignmentKind,
    roles: z.array(Role).min(1).max(6),
    title: z.string().trim().max(200).nullable().optional(),
    decisionNumber: z.string().trim().max(100).nullable().optional(),
    effectiveDate: IsoDate,
    endDate: IsoDate.nullable().optional(),
  })
  .meta({ id: 'AssignRequest' });
export type AssignRequest = z.infer<typeof AssignRequest>;

export const OfficialReadiness = z
  .object({
    hasAccount: z.boolean(),
    hasCertificate: z.boolean(),
    certificateValidTo: z.string().nullable(),
    trainedFields: z.array(z.string()),
    canApproveOnline: z.boolean(),
  })
  .meta({ id: 'OfficialReadiness' });
export const OfficialDetail = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    readiness: OfficialReadiness,
    assignments: z.array(Assignment),
  })
  .meta({ id: 'OfficialDetail' });
export type OfficialDetail = z.infer<typeof OfficialDetail>;
export const ProfileRequest = z
  .object({
    certificateSerial: z.string().trim().max(100).nullable().optional(),
    certificateValidTo: IsoDate.nullable().optional(),
    trainedFields: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .meta({ id: 'ProfileRequest' });
export type ProfileRequest = z.infer<typeof ProfileRequest>;

export const UnitOfficial = z
  .object({
    userId: z.string(),
    username: z.string(),
    fullName: z.string(),
    assignmentId: z.string(),
    kind: AssignmentKind,
    roles: z.array(Role),
    departmentName: z.string().nullable(),
    title: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'UnitOfficial' });
export const UnitOfficialList = z.object({ items: z.array(UnitOfficial) }).meta({ id: 'UnitOfficialList' });
export type UnitOfficialList = z.infer<typeof UnitOfficialList>;

export const NoApproverQuery = z.object({
  onDate: IsoDate.optional(),
  provinceCode: z.string().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const NoApproverReport = z
  .object({
    onDate: z.string(),
    communes: z.number().int().describe('Communes in scope'),
    total: z.number().int().describe('Communes where no official can approve online'),
    items: z.array(z.object({ code: z.string(), fullName: z.string(), provinceCode: z.string() })),
  })
  .meta({ id: 'NoApproverReport' });
export type NoApproverReport = z.infer<typeof NoApproverReport>;

export const UnitReadiness = z
  .object({
    onDate: z.string(),
    canApproveOnline: z.boolean().describe('At least one leader has an account and a valid certificate'),
    items: z.array(
      z.object({
        userId: z.string(),
        username: z.string(),
        fullName: z.string(),
        roles: z.array(z.string()),
        hasAccount: z.boolean(),
        hasCertificate: z.boolean(),
        certificateValidTo: z.string().nullable(),
        trainedFields: z.array(z.string()),
        canApproveOnline: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'UnitReadiness' });
export type UnitReadiness = z.infer<typeof UnitReadiness>;

export const OfficialSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const OfficialHit = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  isActive: z.boolean(),
});
export type OfficialHit = z.infer<typeof OfficialHit>;
export const OfficialSearchResult = z.object({ items: z.array(OfficialHit) }).meta({ id: 'OfficialSearchResult' });
export type OfficialSearchResult = z.infer<typeof OfficialSearchResult>;

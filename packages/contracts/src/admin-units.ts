import { z } from 'zod';
import { Role } from './roles.js';

/** Request and response schemas of the admin-units feature (units over time, conversion, organisation). */

/** A civil date YYYY-MM-DD that exists (2026-02-30 is refused at the edge, not by the database). */
export const IsoDate = z.iso.date({ error: 'YYYY-MM-DD, a date that exists' });
export const UnitCode = z.string().regex(/^[0-9A-Z]{2,10}$/);

export const UnitLevel = z.enum(['province', 'district', 'commune']).meta({ id: 'UnitLevel' });
export type UnitLevel = z.infer<typeof UnitLevel>;
export const UnitType = z
  .enum([
    'province',
    'city',
    'district',
    'urban_district',
    'town',
    'provincial_city',
    'commune',
    'ward',
    'township',
    'special_zone',
  ])
  .meta({ id: 'UnitType' });
export type UnitType = z.infer<typeof UnitType>;

export const AdminUnit = z
  .object({
    code: z.string(),
    level: UnitLevel,
    type: UnitType,
    name: z.string(),
    fullName: z.string(),
    provinceCode: z.string(),
    districtCode: z.string().nullable(),
    validFrom: z.string().nullable().describe('First day in force; null = not recorded (pre-2025 units)'),
    validTo: z.string().nullable().describe('Last day in force; null = still in force'),
  })
  .meta({ id: 'AdminUnit' });
export type AdminUnit = z.infer<typeof AdminUnit>;

export const OnDateQuery = z.object({ onDate: IsoDate.optional().describe('Civil date; default today (Vietnam)') });

export const UnitList = z.object({ onDate: z.string(), items: z.array(AdminUnit) }).meta({ id: 'UnitList' });
export type UnitList = z.infer<typeof UnitList>;

export const ChangeKind = z.enum([
  'reorganisation',
  'merge',
  'split',
  'rename',
  'type_change',
  'code_alias',
  'abolish',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const LineageStep = z
  .object({
    eventKey: z.string(),
    kind: ChangeKind,
    effectiveDate: z.string(),
    legalBasis: z.string().nullable(),
    fromCode: z.string(),
    fromName: z.string(),
    toCode: z.string(),
    toName: z.string(),
    share: z.enum(['full', 'partial']),
    depth: z.number().int(),
  })
  .meta({ id: 'LineageStep' });
export const Lineage = z
  .object({ unit: AdminUnit, predecessors: z.array(LineageStep), successors: z.array(LineageStep) })
  .meta({ id: 'Lineage' });
export type Lineage = z.infer<typeof Lineage>;

export const UnitSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('A name (accents optional, typos tolerated), a code or an old code alias'),
  onDate: IsoDate.optional(),
  level: UnitLevel.optional(),
  provinceCode: z.string().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const UnitSearchResult = z
  .object({
    items: z.array(
      z.object({
        unit: AdminUnit,
        provinceName: z.string().nullable(),
        score: z.number(),
        alias: z
          .object({ code: z.string(), note: z.string() })
          .nullable()
          .describe('Set when the query was an old code alias of this unit (06970 → 06978)'),
      }),
    ),
  })
  .meta({ id: 'UnitSearchResult' });
export type UnitSearchResult = z.infer<typeof UnitSearchResult>;

export const ConvertRequest = z
  .object({
    address: z.string().trim().max(500).optional().describe('Old address as free text'),
    oldCode: z
      .string()
      .regex(/^\d{3,5}$/)
      .optional()
      .describe('Old commune code (or district code)'),
    onDate: IsoDate.optional(),
  })
  .refine((v) => Boolean(v.address) !== Boolean(v.oldCode), { message: 'give exactly one of address or oldCode' })
  .meta({ id: 'ConvertRequest' });
export type ConvertRequest = z.infer<typeof ConvertRequest>;

const UnitRef = z.object({ code: z.string(), fullName: z.string() });
export const ConversionCandidate = z
  .object({
    oldCommune: UnitRef.nullable(),
    oldDistrict: UnitRef.nullable(),
    oldProvince: UnitRef.nullable(),
    newUnit: UnitRef.extend({ type: UnitType }),
    newProvince: UnitRef,
    share: z.enum(['full', 'partial']),
    score: z.number(),
  })
  .meta({ id: 'ConversionCandidate' });
export const ConversionWarning = z
  .object({
    code: z
      .enum(['district_mismatch'])
      .describe('district_mismatch: the named district exists but has no commune of that name'),
    district: UnitRef.describe('The district the address names'),
    province: UnitRef.nullable(),
    communeName: z.string().describe('The commune name, as found in other districts of the province'),
  })
  .meta({ id: 'ConversionWarning' });
export type ConversionWarning = z.infer<typeof ConversionWarning>;
export const ConversionResult = z
  .object({
    status: z.enum(['converted', 'needs_detail', 'ambiguous', 'already_current', 'not_found']),
    confidence: z.number(),
    candidates: z.array(ConversionCandidate),
    detail: z
      .string()
      .describe('Text left of the commune (street, village) as the user wrote it: what a split commune needs'),
    warnings: z.array(ConversionWarning),
    onDate: z.string(),
  })
  .meta({ id: 'ConversionResult' });
export type ConversionResult = z.infer<typeof ConversionResult>;

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

export const DepartmentKind = z.enum([
  'office',
  'economic',
  'economic_infrastructure_urban',
  'culture_social',
  'planning_finance',
  'provincial_department',
  'other',
]);
export type DepartmentKind = z.infer<typeof DepartmentKind>;

export const Department = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    kind: DepartmentKind,
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;
export const DepartmentRequest = z
  .object({ kind: DepartmentKind, name: z.string().trim().min(2).max(200), validFrom: IsoDate.optional() })
  .meta({ id: 'DepartmentRequest' });
export type DepartmentRequest = z.infer<typeof DepartmentRequest>;
export const DepartmentPatch = z
  .object({ kind: DepartmentKind.optional(), name: z.string().trim().min(2).max(200).optional() })
  .meta({ id: 'DepartmentPatch' });
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;
export const EndRequest = z.object({ lastDay: IsoDate }).meta({ id: 'EndRequest' });
export type EndRequest = z.infer<typeof EndRequest>;

export const Counter = z
  .object({
    id: z.string(),
    serviceCenterId: z.string(),
    unitCode: z.string(),
    number: z.number().int(),
    name: z.string(),
    fields: z.array(z.string()),
    isActive: z.boolean(),
  })
  .meta({ id: 'Counter' });
export type Counter = z.infer<typeof Counter>;
export const CounterRequest = z
  .object({
    number: z.number().int().min(1).max(999),
    name: z.string().trim().min(1).max(200),
    fields: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  })
  .meta({ id: 'CounterRequest' });
export type CounterRequest = z.infer<typeof CounterRequest>;
export const CounterPatch = z
  .object({
    number: z.number().int().min(1).max(999).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    fields: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'CounterPatch' });
export type CounterPatch = z.infer<typeof CounterPatch>;

export const ServiceCenter = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    name: z.string(),
    isMain: z.boolean(),
    address: z.string().nullable(),
    directorUserId: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    counters: z.array(Counter),
  })
  .meta({ id: 'ServiceCenter' });
export type ServiceCenter = z.infer<typeof ServiceCenter>;
export const ServiceCenterRequest = z
  .object({
    name: z.string().trim().min(2).max(200),
    isMain: z.boolean().default(true),
    address: z.string().trim().max(300).nullable().optional(),
  })
  .meta({ id: 'ServiceCenterRequest' });
export type ServiceCenterRequest = z.infer<typeof ServiceCenterRequest>;
export const ServiceCenterPatch = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    address: z.string().trim().max(300).nullable().optional(),
    directorUserId: z.string().uuid().nullable().optional(),
  })
  .meta({ id: 'ServiceCenterPatch' });
export type ServiceCenterPatch = z.infer<typeof ServiceCenterPatch>;

export const Organisation = z
  .object({
    unit: AdminUnit,
    onDate: z.string(),
    departments: z.array(Department),
    serviceCenters: z.array(ServiceCenter),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

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

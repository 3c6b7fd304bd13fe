import { z } from 'zod';
import { Role } from './roles.js';

/**
 * The procedure catalog: one parsed record per administrative procedure (thủ tục hành chính),
 * built from the national portal crawl (data/procedures/catalog.json) plus hand-curated overrides.
 * Whatever the parser could not read stays as text with `needsReview: true`; nothing is dropped.
 */

/** National code `1.001193` (optionally with a local suffix `1.001193-HN`), or a clearly local code `L-YT-001`. */
export const PROCEDURE_CODE_PATTERN = /^(\d\.\d{6}(-[A-Z0-9]{1,10})?|L-[A-Z]{2,4}-\d{3})$/;
export const ProcedureCode = z.string().regex(PROCEDURE_CODE_PATTERN).meta({ id: 'ProcedureCode' });
export type ProcedureCode = z.infer<typeof ProcedureCode>;

/** Same shape as the calendar's Duration, so the deadline engine takes it as is. */
export const ProcedureDurationUnit = z.enum(['working_days', 'working_hours', 'calendar_days', 'none']);
export type ProcedureDurationUnit = z.infer<typeof ProcedureDurationUnit>;
export const ProcedureDuration = z
  .object({ value: z.number().min(0), unit: ProcedureDurationUnit })
  .meta({ id: 'ProcedureDuration' });
export type ProcedureDuration = z.infer<typeof ProcedureDuration>;

/** Level at which a procedure is carried out (cấp bộ / cấp tỉnh / cấp xã / cơ quan khác). */
export const ProcedureLevel = z.enum(['ministry', 'province', 'commune', 'other']);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/** The national portal's channel codes: in_person 1, online 2, postal 3. */
export const ChannelKind = z.enum(['in_person', 'online', 'postal']);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const ProcedureFee = z
  .object({
    /** free: miễn phí; amount: a fixed sum; rule: only a text rule; unknown: "Không có thông tin". */
    kind: z.enum(['free', 'amount', 'rule', 'unknown']),
    amount: z.number().min(0).nullable(),
    currency: z.enum(['VND', 'USD']).nullable(),
    /** The explanatory text in brackets on the portal, verbatim. */
    note: z.string().nullable(),
    /** The People's Council of the province sets the amount (local fee per unit). */
    setByProvincialCouncil: z.boolean(),
  })
  .meta({ id: 'ProcedureFee' });
export type ProcedureFee = z.infer<typeof ProcedureFee>;

export const ProcedureChannel = z
  .object({
    kind: ChannelKind,
    /** Processing time limit; null when the source gives none or a unit we cannot map (see durationText). */
    duration: ProcedureDuration.nullable(),
    durationText: z.string(),
    fees: z.array(ProcedureFee),
    description: z.string().nullable(),
    needsReview: z.boolean(),
  })
  .meta({ id: 'ProcedureChannel' });
export type ProcedureChannel = z.infer<typeof ProcedureChannel>;

export const ProcedureComponent = z
  .object({
    /** Stable within a version: `c01`, `c02`… in source order; a completeness check marks each key. */
    key: z.string(),
    /** The case or group heading the document is listed under ("Giấy tờ phải nộp", "Trường hợp…"). */
    group: z.string().nullable(),
    name: z.string(),
    originals: z.number().int().min(0),
    copies: z.number().int().min(0),
    /** Form template file names (Mẫu đơn, tờ khai) attached on the portal. */
    forms: z.array(z.string()),
    /** The document is needed only in some cases ("Trường hợp…", "Đối với…", "nếu có"). */
    conditional: z.boolean(),
    /** Shown, not handed in (giấy tờ phải xuất trình). */
    presentOnly: z.boolean(),
    needsReview: z.boolean(),
  })
  .meta({ id: 'ProcedureComponent' });
export type ProcedureComponent = z.infer<typeof ProcedureComponent>;

export const LegalDocument = z
  .object({ number: z.string().nullable(), title: z.string() })
  .meta({ id: 'LegalDocument' });
export type LegalDocument = z.infer<typeof LegalDocument>;

export const ProcedureResult = z
  .object({ name: z.string(), code: z.string().nullable() })
  .meta({ id: 'ProcedureResult' });
export type ProcedureResult = z.infer<typeof ProcedureResult>;

export const OnlineServiceLevel = z.enum(['full_process', 'partial', 'none']);
export type OnlineServiceLevel = z.infer<typeof OnlineServiceLevel>;

/** A field the parser could not fully structure: the raw text is kept for a person to check. */
export const ReviewNote = z.object({ field: z.string(), text: z.string() }).meta({ id: 'ProcedureReviewNote' });
export type ReviewNote = z.infer<typeof ReviewNote>;

export const CatalogProcedure = z
  .object({
    code: ProcedureCode,
    name: z.string().min(1),
    /** Publishing decision (Quyết định công bố), e.g. "163/QĐ-BTP". */
    decisionNumber: z.string().nullable(),
    /**
     * Date of the publishing decision, from which this version of the procedure applies (YYYY-MM-DD), when the
     * crawl states it (or a correction sets it); absent when not stated: never the date we loaded it.
     */
    decisionDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    sourceUrl: z.string().nullable(),
    /** Ministry slug of the crawl folder (bo-tu-phap…) or of the curated entry (bo-y-te…). */
    agency: z.string(),
    agencyName: z.string(),
    field: z.string(),
    levels: z.array(ProcedureLevel),
    type: z.string().nullable(),
    applicantTypes: z.array(z.string()),
    competentAgency: z.string().nullable(),
    implementingAgency: z.string().nullable(),
    authorizedAgency: z.string().nullable(),
    coordinatingAgency: z.string().nullable(),
    receivingAddress: z.string().nullable(),
    /** Sequence of steps as paragraphs, in order. */
    steps: z.array(z.string()),
    channels: z.array(ProcedureChannel),
    /** The legal time limit used for deadlines: the in-person channel's, else the longest known. */
    timeLimit: ProcedureDuration.nullable(),
    components: z.array(ProcedureComponent),
    /** Conditional remarks listed among components (0 copies): kept as text. */
    componentNotes: z.array(z.string()),
    conditions: z.string().nullable(),
    legalBasis: z.array(LegalDocument),
    results: z.array(ProcedureResult),
    onlineServiceLevel: OnlineServiceLevel,
    relatedProcedures: z.string().nullable(),
    /** 'crawl' = parsed from the national portal; 'curated' = written by hand (overrides.json). */
    origin: z.enum(['crawl', 'curated']),
    /** Human note for curated records or corrections (legal basis, what is unsure). */
    curationNote: z.string().nullable(),
    needsReview: z.boolean(),
    review: z.array(ReviewNote),
  })
  .meta({ id: 'CatalogProcedure' });
export type CatalogProcedure = z.infer<typeof CatalogProcedure>;

// ---------------------------------------------------------------- API

export const ProcedureSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    field: z.string(),
    agency: z.string(),
    agencyName: z.string(),
    levels: z.array(ProcedureLevel),
    timeLimit: ProcedureDuration.nullable(),
    onlineServiceLevel: OnlineServiceLevel,
    origin: z.enum(['crawl', 'curated']),
    version: z.number().int(),
    enabled: z.boolean().optional().describe('Only when a unit filter is given'),
  })
  .meta({ id: 'ProcedureSummary' });
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureListQuery = z.object({
  level: ProcedureLevel.optional(),
  field: z.string().max(200).optional(),
  agency: z.string().max(100).optional(),
  /** A unit code: restricts to the procedures enabled there (with `enabledOnly`) and reports `enabled`. */
  unit: z.string().min(2).max(10).optional(),
  enabledOnly: z.enum(['true', 'false']).optional(),
  /** Plain name/code filter (accent-insensitive substring); ranking search lives in /api/search. */
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring into parameters
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const ProcedureList = z
  .object({ total: z.number().int(), items: z.array(ProcedureSummary) })
  .meta({ id: 'ProcedureList' });
export type ProcedureList = z.infer<typeof ProcedureList>;

export const ProcedureVersionInfo = z
  .object({
    id: z.string(),
    version: z.number().int(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    /** The publishing decision's date (when the version applies from), null when the source does not state it. */
    decisionDate: z.string().nullable(),
  })
  .meta({ id: 'ProcedureVersionInfo' });
export type ProcedureVersionInfo = z.infer<typeof ProcedureVersionInfo>;

export const ProcedureDetail = z
  .object({
    procedure: CatalogProcedure,
    version: ProcedureVersionInfo,
    history: z.array(ProcedureVersionInfo),
  })
  .meta({ id: 'ProcedureDetail' });
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const ProcedureFacets = z
  .object({
    fields: z.array(z.object({ field: z.string(), count: z.number().int() })),
    agencies: z.array(z.object({ agency: z.string(), agencyName: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'ProcedureFacets' });
export type ProcedureFacets = z.infer<typeof ProcedureFacets>;

/** One step of a unit's internal process (quy trình nội bộ). */
export const InternalProcessStep = z
  .object({
    order: z.number().int().min(1),
    name: z.string().trim().min(1).max(300),
    responsible: z.object({
      /** Department kind of the commune People's Committee (office, economic, culture_social…) or the center. */
      departmentKind: z.string().max(60).optional(),
      role: Role,
    }),
    duration: ProcedureDuration,
  })
  .meta({ id: 'InternalProcessStep' });
export type InternalProcessStep = z.infer<typeof InternalProcessStep>;

export const InternalProcess = z
  .object({
    procedureCode: z.string(),
    unitCode: z.string(),
    /** 'unit' = defined by the unit's administrator; 'default' = the built-in split of the legal limit. */
    source: z.enum(['unit', 'default']),
    legalLimit: ProcedureDuration.nullable(),
    steps: z.array(InternalProcessStep),
  })
  .meta({ id: 'InternalProcess' });
export type InternalProcess = z.infer<typeof InternalProcess>;

export const PutInternalProcessRequest = z
  .object({ steps: z.array(InternalProcessStep).min(1).max(30) })
  .meta({ id: 'PutInternalProcessRequest' });
export type PutInternalProcessRequest = z.infer<typeof PutInternalProcessRequest>;

export const UnitProcedureConfig = z
  .object({
    unitCode: z.string(),
    procedureCode: z.string(),
    enabled: z.boolean(),
    /** Local fee in VND where the provincial People's Council sets it; null = the catalog fee applies. */
    localFeeVnd: z.number().int().min(0).nullable(),
    localFeeNote: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'UnitProcedureConfig' });
export type UnitProcedureConfig = z.infer<typeof UnitProcedureConfig>;

export const PutUnitProcedureConfigRequest = z
  .object({
    enabled: z.boolean(),
    localFeeVnd: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
    localFeeNote: z.string().trim().max(1000).nullable().default(null),
  })
  .meta({ id: 'PutUnitProcedureConfigRequest' });
export type PutUnitProcedureConfigRequest = z.infer<typeof PutUnitProcedureConfigRequest>;

export const BulkEnableRequest = z
  .object({
    procedureCodes: z.array(z.string()).min(1).max(3000),
    enabled: z.boolean(),
  })
  .meta({ id: 'BulkEnableProceduresRequest' });
export type BulkEnableRequest = z.infer<typeof BulkEnableRequest>;
export const BulkEnableResult = z.object({ updated: z.number().int() }).meta({ id: 'BulkEnableResult' });
export type BulkEnableResult = z.infer<typeof BulkEnableResult>;

export const UnitProcedureConfigList = z
  .object({ unitCode: z.string(), items: z.array(UnitProcedureConfig) })
  .meta({ id: 'UnitProcedureConfigList' });
export type UnitProcedureConfigList = z.infer<typeof UnitProcedureConfigList>;

// ---------------------------------------------------------------- overrides (data/procedures/overrides.json)

export const CatalogCorrection = z.object({
  code: ProcedureCode,
  /** Why the crawl record is corrected, with the legal basis relied on. */
  reason: z.string().min(1),
  /** Fields replaced as a whole (shallow). */
  set: CatalogProcedure.partial().omit({ code: true, origin: true }).default({}),
  /** Time limit for every channel whose duration the crawl left empty ("Không có thông tin"). */
  channelDuration: ProcedureDuration.optional(),
});
export type CatalogCorrection = z.infer<typeof CatalogCorrection>;

/** A systematic reading of unit-less time cells ("1", "5") for one ministry and field. */
export const BareDurationRule = z.object({
  agency: z.string(),
  field: z.string(),
  unit: ProcedureDurationUnit,
  reason: z.string().min(1),
});
export type BareDurationRule = z.infer<typeof BareDurationRule>;

export const CatalogOverrides = z.object({
  bareDurationRules: z.array(BareDurationRule).default([]),
  corrections: z.array(CatalogCorrection),
  /** Hand-curated procedures missing from the crawl (origin 'curated'). */
  additions: z.array(CatalogProcedure),
});
export type CatalogOverrides = z.infer<typeof CatalogOverrides>;

/**
 * GET /api/procedures/:code/where-to-go?unit=…: where a citizen of a commune goes for a procedure — the commune's
 * own service center when the commune receives it, else its province's — with the address and office hours.
 */
export const WhereToGo = z
  .object({
    procedureCode: z.string(),
    /** The citizen's commune (or province) as asked. */
    unit: z.object({ code: z.string(), name: z.string() }),
    /** True when the asked unit itself receives the procedure. */
    receivesHere: z.boolean(),
    /** The unit whose center receives it (the asked one, or its province). */
    place: z.object({
      unitCode: z.string(),
      unitName: z.string(),
      centerName: z.string().nullable(),
      address: z.string().nullable(),
      /** WGS 84 position of the center for the map link, when recorded. */
      position: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
      /** The address and position are demonstration data (approximate), not the center's own. */
      demoData: z.boolean(),
      /** Office hours of working days (the unit's calendar settings, else its province's, else national). */
      officeHours: z.array(z.object({ start: z.string(), end: z.string() })),
    }),
  })
  .meta({ id: 'WhereToGo' });
export type WhereToGo = z.infer<typeof WhereToGo>;

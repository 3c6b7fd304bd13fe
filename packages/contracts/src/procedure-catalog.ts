import { z } from 'zod';

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

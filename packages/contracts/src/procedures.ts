import { z } from 'zod';
import { CatalogProcedure, OnlineServiceLevel, ProcedureDuration, ProcedureLevel } from './procedure-catalog.js';
import { Role } from './roles.js';

/** The procedures API: lists, details, facets, a unit's configuration and internal process, where to go. */

export * from './procedure-catalog.js';

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

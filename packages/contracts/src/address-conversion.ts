import { z } from 'zod';
import { IsoDate, UnitType } from './admin-units-over-time.js';

/** Converting an old address or unit code to the units in force (after the 2025 reform). */

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

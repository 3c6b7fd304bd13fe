import { z } from 'zod';

/** Administrative units over time: a unit as of a date, its lineage through reforms, the search by name or code. */

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

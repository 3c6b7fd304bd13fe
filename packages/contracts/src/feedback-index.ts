import { z } from 'zod';
import { UnitCode } from './feedback-fields.js';

/** Indicators 5.2 (handled on time) and 5.3 (satisfaction) of a unit over a period. */
export const FeedbackIndexQuery = z.object({
  unit: UnitCode,
  from: z.iso.date(),
  to: z.iso.date(),
});
export const FeedbackIndex = z
  .object({
    unitCode: z.string(),
    from: z.string(),
    to: z.string(),
    received: z.number().int(),
    handled: z.number().int(),
    handledOnTime: z.number().int(),
    /** 5.2: handled on time / handled (null when nothing was handled). */
    onTimeRate: z.number().nullable(),
    dissatisfied: z.number().int(),
    overdue: z.number().int(),
    repeated: z.number().int(),
    /** 5.3: (all − dissatisfied − overdue − repeated) / all. */
    satisfactionRate: z.number().nullable(),
  })
  .meta({ id: 'FeedbackIndex' });
export type FeedbackIndex = z.infer<typeof FeedbackIndex>;

/** Indicators 5.2 and 5.3 per unit of an area (the supervision page); the period defaults to this month. */
export const FeedbackIndexByUnitQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  provinceCode: UnitCode.optional(),
  unitCode: UnitCode.optional(),
});
export type FeedbackIndexByUnitQuery = z.infer<typeof FeedbackIndexByUnitQuery>;
const FeedbackIndexFigures = FeedbackIndex.omit({ unitCode: true, from: true, to: true });
export const FeedbackIndexByUnit = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.array(FeedbackIndexFigures.extend({ unitCode: z.string(), unitName: z.string().nullable() })),
    totals: FeedbackIndexFigures,
  })
  .meta({ id: 'FeedbackIndexByUnit' });
export type FeedbackIndexByUnit = z.infer<typeof FeedbackIndexByUnit>;

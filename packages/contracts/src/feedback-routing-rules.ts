import { z } from 'zod';
import { FeedbackKind } from './feedback.js';
import { UnitCode } from './feedback-fields.js';

/** A routing rule an administrator edits: matter of this commune / field / kind → this unit and department. */
const routingRuleFields = z.object({
  provinceCode: UnitCode,
  communeCode: UnitCode.nullable().default(null),
  field: z.string().trim().min(1).max(300).nullable().default(null),
  kind: FeedbackKind.nullable().default(null),
  unitCode: UnitCode,
  departmentId: z.uuid().nullable().default(null),
  priority: z.number().int().min(0).max(1000).default(100),
});
// Named "RoutingRuleBody": the OpenAPI generator names the input form of "RoutingRule" (it has defaults)
// "RoutingRuleInput", and two components of one name break the document.
export const RoutingRuleInput = routingRuleFields.meta({ id: 'RoutingRuleBody' });
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

export const RoutingRule = routingRuleFields
  .extend({
    id: z.number().int(),
    unitName: z.string().nullable(),
    departmentName: z.string().nullable(),
  })
  .meta({ id: 'RoutingRule' });
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingRules = z.object({ items: z.array(RoutingRule) }).meta({ id: 'RoutingRules' });

import { z } from 'zod';
import { ComponentCheckInput, ComponentState, DossierChannel } from './dossiers.js';

/**
 * When a procedure component must be handed in: always; only in some cases (`if_applicable`, with the case
 * as written in the catalog); or only for some channels (the online-only interactive form, the paper form of
 * the counter and the post).
 */
export const ComponentConditionKind = z.enum(['always', 'if_applicable', 'channel']);
export type ComponentConditionKind = z.infer<typeof ComponentConditionKind>;

export const ComponentCondition = z
  .object({
    kind: ComponentConditionKind,
    /** The case, in the catalog's words ("Trường hợp trẻ em bị bỏ rơi"); null for `always`. */
    text: z.string().nullable(),
    /** The channels the component belongs to (all three unless `kind` is `channel`). */
    channels: z.array(DossierChannel).min(1),
  })
  .meta({ id: 'ComponentCondition' });
export type ComponentCondition = z.infer<typeof ComponentCondition>;

/** POST /api/dossiers/checklist: the checklist of a procedure for a unit and channel, and the server's verdict. */
export const ChecklistPreviewRequest = z
  .object({
    procedureCode: z.string().trim().min(1).max(40),
    receivingUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/),
    competentUnitCode: z
      .string()
      .regex(/^[0-9A-Z]{2,10}$/)
      .nullish(),
    channel: DossierChannel,
    /** The rows ticked so far; rows left out take their starting state. */
    components: z.array(ComponentCheckInput).max(200).default([]),
    /** The e-form is filled in (at the counter): the interactive e-form row is shown handed in. */
    eformGiven: z.boolean().optional(),
  })
  .meta({ id: 'ChecklistPreviewRequest' });
export type ChecklistPreviewRequest = z.input<typeof ChecklistPreviewRequest>;

export const ChecklistRow = z
  .object({
    key: z.string(),
    name: z.string(),
    group: z.string().nullable(),
    copies: z.number().int(),
    condition: ComponentCondition,
    /** What the row starts as at the counter: `missing` for a required one, `not_applicable` for a conditional one. */
    initialState: ComponentState,
    state: ComponentState,
    reason: z.string().nullable(),
    /** Missing or invalid although needed: one line of a supplement request. */
    problem: z.boolean(),
  })
  .meta({ id: 'ChecklistRow' });
export type ChecklistRow = z.infer<typeof ChecklistRow>;

export const ChecklistPreview = z
  .object({
    procedure: z.object({ code: z.string(), name: z.string() }),
    channel: DossierChannel,
    rows: z.array(ChecklistRow),
    complete: z.boolean(),
    problemCount: z.number().int(),
    /** The procedure has no time limit for this channel and the unit's process sets none: the official enters one. */
    needsTimeLimit: z.boolean(),
    /** Fees and charges of the channel in VND (the unit's local fee when configured). */
    feeTotal: z.number(),
  })
  .meta({ id: 'ChecklistPreview' });
export type ChecklistPreview = z.infer<typeof ChecklistPreview>;

/**
 * A component's condition as configured for a unit (issue 11): the catalog's parsed condition, the one set by an
 * administrator of the unit or its province (`override`, null when none) and the one reception applies.
 */
export const ComponentConditionConfig = z
  .object({
    key: z.string(),
    name: z.string(),
    group: z.string().nullable(),
    parsed: ComponentCondition,
    override: ComponentCondition.nullable(),
    /** Where the override is set: the unit itself or its province. */
    source: z.enum(['unit', 'province']).nullable(),
    effective: ComponentCondition,
  })
  .meta({ id: 'ComponentConditionConfig' });
export type ComponentConditionConfig = z.infer<typeof ComponentConditionConfig>;

export const ComponentConditions = z
  .object({ procedureCode: z.string(), unitCode: z.string(), components: z.array(ComponentConditionConfig) })
  .meta({ id: 'ComponentConditions' });
export type ComponentConditions = z.infer<typeof ComponentConditions>;

/** PUT …/component-conditions: set (or, with null, clear) the condition of components; others are left as they are. */
export const PutComponentConditionsRequest = z
  .object({
    conditions: z
      .array(
        z.object({
          key: z.string().trim().min(1).max(40),
          condition: z
            .object({
              kind: ComponentConditionKind,
              text: z.string().trim().max(300).nullable(),
              channels: z.array(DossierChannel).min(1).max(3),
            })
            .nullable(),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: 'PutComponentConditionsRequest' });
export type PutComponentConditionsRequest = z.infer<typeof PutComponentConditionsRequest>;

import { z } from 'zod';
import { ApplicantKind, ComponentState, DossierChannel, DossierReturnMethod } from './dossier-kinds.js';
import { personName } from './person-name.js';
import { optionalPhone, optionalText, text } from './text-fields.js';

/** The receipt of a dossier at the counter (or its registration online or by post): the request and its parts. */

export const ApplicantInput = z
  .object({
    type: ApplicantKind.default('citizen'),
    fullName: personName(200),
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Z]{6,20}$/i, 'An ID number: 6 to 20 letters or digits')
      .nullish(),
    phone: optionalPhone(),
    email: z.string().trim().email().max(200).nullish(),
    address: optionalText(500),
  })
  .meta({ id: 'ApplicantInput' });
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const AgentInput = z
  .object({
    fullName: personName(200),
    idNumber: optionalText(20),
    phone: optionalText(20),
    relation: optionalText(100).describe('Relative, postal worker, volunteer…'),
  })
  .meta({ id: 'AgentInput' });
export type AgentInput = z.infer<typeof AgentInput>;

export const ComponentCheckInput = z
  .object({
    key: text(40),
    state: ComponentState,
    reason: optionalText(500),
    copies: z.number().int().min(0).max(100).optional(),
  })
  .meta({ id: 'ComponentCheckInput' });
export type ComponentCheckInput = z.infer<typeof ComponentCheckInput>;

/** A time limit entered by the receiving official for a procedure that has none (catalog and internal process). */
export const TimeLimitInput = z
  .object({
    value: z.number().positive().max(366),
    unit: z.enum(['working_days', 'working_hours', 'calendar_days']),
  })
  .meta({ id: 'TimeLimitInput' });
export type TimeLimitInput = z.infer<typeof TimeLimitInput>;

export const ReceiveDossierRequest = z
  .object({
    mode: z
      .enum(['receive', 'request_supplement', 'submit'])
      .describe(
        'receive: complete, accepted now (receipt, form 01); request_supplement: incomplete at the counter (form 02); submit: registered as new, checked later (online, postal)',
      ),
    channel: DossierChannel,
    procedureCode: text(40),
    receivingUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/),
    competentUnitCode: z
      .string()
      .regex(/^[0-9A-Z]{2,10}$/)
      .nullish(),
    applicant: ApplicantInput,
    agent: AgentInput.nullish(),
    components: z.array(ComponentCheckInput).max(200),
    returnMethod: DossierReturnMethod.default('counter'),
    vneidVerified: z.boolean().optional(),
    note: optionalText(2000),
    timeLimit: TimeLimitInput.nullish().describe(
      'Only when the procedure has no time limit for the channel and the unit’s internal process sets none: required to receive (422 DOSSIER_TIME_LIMIT_REQUIRED), refused otherwise (409 DOSSIER_TIME_LIMIT_FIXED)',
    ),
    feeCollectedVnd: z
      .number()
      .int()
      .min(0)
      .max(10_000_000_000)
      .nullish()
      .describe('Fees and charges collected at the counter (VND), with mode receive only; a fee receipt is printed'),
    /** The structured e-form filled in at the counter for the applicant: checked as online (422 EFORM_INVALID). */
    eform: z
      .object({ values: z.record(z.string(), z.unknown()) })
      .nullish()
      .describe('E-form values by field key (see the e-form schema of the procedure); optional at the counter'),
  })
  .meta({ id: 'ReceiveDossierRequest' });
export type ReceiveDossierRequest = z.input<typeof ReceiveDossierRequest>;

import { z } from 'zod';
import { DossierReturnMethod } from './dossier-kinds.js';
import { ComponentCheckInput, TimeLimitInput } from './dossier-receipt.js';
import { optionalText, text } from './text-fields.js';

/** Request bodies of the actions on a dossier after its receipt, and the candidates for an assignment. */

export const DossierNoteRequest = z.object({ note: optionalText(2000) }).meta({ id: 'DossierNoteRequest' });
export const AcceptDossierRequest = z
  .object({
    components: z.array(ComponentCheckInput).max(200).optional(),
    note: optionalText(2000),
    timeLimit: TimeLimitInput.nullish().describe('As in ReceiveDossierRequest: for a procedure without a time limit'),
  })
  .meta({ id: 'AcceptDossierRequest' });
export const SupplementRequestBody = z
  .object({
    items: z
      .array(
        z.object({
          key: text(40),
          name: optionalText(500),
          state: z.enum(['missing', 'invalid']),
          reason: optionalText(500),
        }),
      )
      .min(1)
      .max(200),
    deadlineAt: z.iso.datetime({ offset: true }).optional(),
    note: optionalText(2000),
  })
  .meta({ id: 'SupplementRequestBody' });
export const RefuseDossierRequest = z
  .object({ reasons: z.array(z.string().trim().max(1000)).min(1).max(20), note: optionalText(2000) })
  .meta({ id: 'RefuseDossierRequest' });
export const AssignStepRequest = z
  .object({ stepOrder: z.number().int().min(1), assigneeId: z.uuid().nullish(), note: optionalText(2000) })
  .meta({ id: 'AssignStepRequest' });
export const ClaimStepRequest = z.object({ stepOrder: z.number().int().min(1) }).meta({ id: 'ClaimStepRequest' });
export const CompleteStepRequest = z
  .object({
    fromStep: z.number().int().min(1),
    toStep: z.number().int().min(1).nullish(),
    toAssigneeId: z.uuid().nullish(),
    note: optionalText(2000),
  })
  .meta({ id: 'CompleteStepRequest' });
export const ForwardDossierRequest = z
  .object({ toUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/), note: optionalText(2000) })
  .meta({ id: 'ForwardDossierRequest' });
export const ConsultationRequest = z
  .object({ agency: text(300), question: text(2000), workingDays: z.number().min(0.5).max(60) })
  .meta({ id: 'ConsultationRequest' });
export const AnswerConsultationRequest = z.object({ answer: text(4000) }).meta({ id: 'ConsultationAnswer' });
export const FinancialObligationRequest = z
  .object({ amount: z.number().min(0).nullish(), description: optionalText(1000) })
  .meta({ id: 'FinancialObligationRequest' });
export const ApologyRequest = z
  .object({ reason: text(2000), newDueAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'ApologyRequest' });
export const DossierReasonRequest = z.object({ reason: text(2000) }).meta({ id: 'DossierReasonRequest' });
export const ReturnResultRequest = z
  .object({ method: DossierReturnMethod, note: optionalText(2000) })
  .meta({ id: 'ReturnResultRequest' });
export const RatingCriterionName = z.enum([
  'totalTime',
  'agencyTime',
  'contactsNeeded',
  'agenciesContacted',
  'oneStopOrganisation',
  'publicity',
  'staffAttitude',
  'feedbackHandling',
  'onlineService',
]);
export const RateDossierRequest = z
  .object({
    level: z.number().int().min(1).max(5),
    criteria: z.partialRecord(RatingCriterionName, z.number().int().min(1).max(5)).optional(),
    comment: optionalText(2000),
  })
  .meta({ id: 'RateDossierRequest' });

export const AssigneeCandidates = z
  .object({
    items: z.array(
      z.object({ userId: z.string(), fullName: z.string(), role: z.string(), openAssignments: z.number().int() }),
    ),
  })
  .meta({ id: 'AssigneeCandidates' });

import { z } from 'zod';
import { DossierFeeView } from './dossier-fees.js';
import { DossierAccessEntry, DossierReturnMethod, DossierStatusName, SlipKindName } from './dossiers.js';
import { personName } from './person-name.js';
import { optionalPhone, optionalText } from './text-fields.js';

/** The citizens' side: their identity, online submission and their own dossiers. */

export const CitizenProfile = z
  .object({
    fullName: z.string(),
    idNumber: z.string().describe('12-digit personal identification number, from the identity provider'),
    phone: z.string().nullable(),
  })
  .meta({ id: 'CitizenProfile' });
export type CitizenProfile = z.infer<typeof CitizenProfile>;

/** The `data` field of the multipart online submission; files come as parts named by component key. */
export const CitizenSubmitRequest = z
  .object({
    procedureCode: z.string().trim().min(1).max(40),
    receivingUnitCode: z.string().regex(/^[0-9A-Z]{2,10}$/),
    /** Omitted: the signed-in citizen is the applicant (name and number from the identity claims). */
    applicant: z
      .object({
        fullName: personName(200),
        idNumber: z
          .string()
          .trim()
          .regex(/^[0-9]{12}$/)
          .nullish(),
      })
      .nullish()
      .describe('Someone else: the signed-in citizen submits as their authorised agent'),
    agentRelation: optionalText(100),
    phone: optionalPhone(),
    email: z.string().trim().email().max(200).nullish(),
    address: optionalText(500),
    returnMethod: DossierReturnMethod.default('online'),
    note: optionalText(2000),
    /** The structured e-form's values (required when the procedure has one), checked against its schema. */
    eform: z
      .object({ values: z.record(z.string(), z.unknown()) })
      .nullish()
      .describe('E-form values by field key (see the e-form schema of the procedure)'),
  })
  .meta({ id: 'CitizenSubmitRequest' });
export type CitizenSubmitRequest = z.input<typeof CitizenSubmitRequest>;

export const CitizenDossierSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    applicantName: z.string(),
    /** applicant: the citizen's own; agent: submitted on someone's behalf. */
    relation: z.enum(['applicant', 'agent']),
    status: DossierStatusName,
    statusLabel: z.string(),
    channel: z.string(),
    submittedAt: z.string(),
    dueAt: z.string().nullable(),
  })
  .meta({ id: 'CitizenDossierSummary' });
export type CitizenDossierSummary = z.infer<typeof CitizenDossierSummary>;

export const CitizenDossierList = z
  .object({ items: z.array(CitizenDossierSummary), total: z.number().int() })
  .meta({ id: 'CitizenDossierList' });
export type CitizenDossierList = z.infer<typeof CitizenDossierList>;

export const CitizenDossierDetail = CitizenDossierSummary.extend({
  receivingUnitName: z.string(),
  receivedAt: z.string().nullable(),
  intakeDueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  duration: z.object({ value: z.number(), unit: z.string() }),
  /** What happens now and what the citizen must do, in plain words. */
  now: z.object({ text: z.string(), byWhen: z.string().nullable(), mustAct: z.boolean() }),
  timeline: z.array(z.object({ at: z.string(), label: z.string() })),
  components: z.array(z.object({ key: z.string(), name: z.string(), state: z.string() })),
  /** Components asked for by the open supplement request (empty when none is open). */
  pendingSupplement: z.array(z.object({ key: z.string(), name: z.string(), reason: z.string().nullable() })),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['component', 'result']),
      componentKey: z.string().nullable(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      mediaType: z.string(),
    }),
  ),
  slips: z.array(SlipKindName),
  /** Officials who opened the dossier, its files or slips: office, role and time, newest first (issue 16). */
  accessLog: z.array(DossierAccessEntry),
  canAnswerSupplement: z.boolean(),
  /** The fee or financial obligation awaited now (pay online), or null. */
  paymentDue: z.object({ amount: z.number(), description: z.string() }).nullable(),
  paidOnline: z.boolean(),
  /** The citizen's rating of the service: open once the result is returned, then the level given. */
  rating: z.object({ canRate: z.boolean(), level: z.number().int().nullable() }),
  payments: z.array(
    z.object({ orderRef: z.string(), amount: z.number(), status: z.string(), settledAt: z.string().nullable() }),
  ),
  /** Payments received (the dossier's fee records: at the counter or online), with their receipt numbers. */
  fees: z.array(DossierFeeView),
}).meta({ id: 'CitizenDossierDetail' });
export type CitizenDossierDetail = z.infer<typeof CitizenDossierDetail>;

export const CitizenDossierListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

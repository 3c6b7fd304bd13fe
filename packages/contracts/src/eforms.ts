import { z } from 'zod';
import {
  birthRegistration,
  civilStatusExtractCopy,
  deathRegistration,
  maritalStatusConfirmation,
  marriageRegistration,
} from './eforms/civil-status.js';
import type { EformSchema } from './eforms/fields.js';
import {
  copyCertification,
  firstLandRegistration,
  householdBusiness,
  permanentResidence,
  signatureCertification,
} from './eforms/other-procedures.js';

export * from './eforms/fields.js';

/**
 * The e-forms of the ten procedures a commune sees most, by the catalog's commune-level code. Imported through
 * `@mot-cua/contracts/eforms` only (the submission page and the API), never through the barrel: the citizen portal's
 * first page does not carry them.
 */
export const EFORMS: readonly EformSchema[] = [
  birthRegistration,
  deathRegistration,
  marriageRegistration,
  maritalStatusConfirmation,
  civilStatusExtractCopy,
  copyCertification,
  signatureCertification,
  permanentResidence,
  householdBusiness,
  firstLandRegistration,
];

export function eformForProcedure(procedureCode: string): EformSchema | null {
  return EFORMS.find((f) => f.procedureCodes.includes(procedureCode)) ?? null;
}

export function eformById(id: string, version: number): EformSchema | null {
  return EFORMS.find((f) => f.id === id && f.version === version) ?? null;
}

/** An e-form as stored with a dossier or a draft: which schema (id + version) and the values. */
export const StoredEform = z
  .object({
    schemaId: z.string(),
    version: z.number().int(),
    values: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'StoredEform' });
export type StoredEform = z.infer<typeof StoredEform>;
export * from './eforms/describe.js';

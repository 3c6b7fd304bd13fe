import { eformForProcedure, type StoredEform, validateEform } from '@mot-cua/contracts/eforms';
import type { AuditPort } from '../audit.js';
import { AppError } from '../errors.js';

/** Where a dossier's e-form is kept (table dossier_eforms). */
export interface DossierEformsPort {
  saveEform(r: {
    dossierId: string;
    provinceCode: string;
    eform: StoredEform;
    createdBy: string | null;
    at: Date;
  }): Promise<void>;
}

/**
 * The e-form a submission carries, checked against the procedure's schema. Null when the procedure has no e-form (and
 * none was sent). With `required` (online submission) a procedure that has one must come with it. Invalid values are
 * refused (422 EFORM_INVALID) with one error per field, named `eform.<path>`, label and message in `lang`.
 */
export function checkEform(
  procedureCode: string,
  sent: { values?: Record<string, unknown> | null } | null | undefined,
  opts: { today: string; lang: 'vi' | 'en'; required: boolean },
): StoredEform | null {
  const schema = eformForProcedure(procedureCode);
  const given = sent?.values && Object.keys(sent.values).length > 0 ? sent.values : null;
  if (!schema) {
    if (given) throw new AppError('EFORM_NOT_EXPECTED', { details: { procedureCode } });
    return null;
  }
  if (!given && !opts.required) return null;
  const r = validateEform(schema, given ?? {}, opts.today);
  if (!r.ok) {
    throw new AppError('EFORM_INVALID', {
      fieldErrors: r.errors.map((e) => ({
        field: `eform.${e.field}`,
        message: `${e.label[opts.lang]}: ${e.message[opts.lang]}`,
        messages: { vi: `${e.label.vi}: ${e.message.vi}`, en: `${e.label.en}: ${e.message.en}` },
      })),
    });
  }
  return { schemaId: schema.id, version: schema.version, values: r.values };
}

/** Keep a checked e-form with its dossier, in the receiving transaction, with its audit row. */
export async function recordDossierEform(
  deps: { eforms: DossierEformsPort; audit?: AuditPort | undefined; now: Date },
  input: {
    dossier: { id: string; provinceCode: string; receivingUnitCode: string };
    actorUserId: string | null;
    eform: StoredEform;
  },
): Promise<void> {
  await deps.eforms.saveEform({
    dossierId: input.dossier.id,
    provinceCode: input.dossier.provinceCode,
    eform: input.eform,
    createdBy: input.actorUserId,
    at: deps.now,
  });
  await deps.audit?.record({
    actorUserId: input.actorUserId,
    action: 'dossier.eform_recorded',
    entityType: 'dossier',
    entityId: input.dossier.id,
    provinceCode: input.dossier.provinceCode,
    unitCode: input.dossier.receivingUnitCode,
    data: { schemaId: input.eform.schemaId, version: input.eform.version },
  });
}

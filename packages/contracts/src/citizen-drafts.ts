import { z } from 'zod';

/** A citizen's draft of an online submission, saved server-side (issue 17). */
export const CitizenDraftFile = z.object({
  id: z.string(),
  componentKey: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});

export const CitizenDraft = z
  .object({
    id: z.string(),
    procedureCode: z.string(),
    procedureName: z.string().nullable(),
    /** What the form held: unit, contact, applicant, note, e-form values (free shape, ≤ 64 KB). */
    data: z.record(z.string(), z.unknown()),
    files: z.array(CitizenDraftFile),
    updatedAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'CitizenDraft' });
export type CitizenDraft = z.infer<typeof CitizenDraft>;

export const CitizenDraftList = z.object({ items: z.array(CitizenDraft) }).meta({ id: 'CitizenDraftList' });
export type CitizenDraftList = z.infer<typeof CitizenDraftList>;

export const MAX_DRAFT_BYTES = 64 * 1024;

export const SaveCitizenDraftRequest = z
  .object({
    data: z
      .record(z.string(), z.unknown())
      .refine((d) => JSON.stringify(d).length <= MAX_DRAFT_BYTES, { message: 'draft too large (64 KB)' }),
    /** The draft being edited (its id from an earlier save): refused with 409 once that draft was sent. */
    draftId: z.uuid().nullish(),
  })
  .meta({ id: 'SaveCitizenDraftRequest' });
export type SaveCitizenDraftRequest = z.infer<typeof SaveCitizenDraftRequest>;

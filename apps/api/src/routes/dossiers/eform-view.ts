import { describeEform, type EformView, eformById } from '@mot-cua/contracts/eforms';
import { AppError } from '@mot-cua/core';
import { createDossierEformsRepository, type DB } from '@mot-cua/db';
import type { Kysely } from 'kysely';

/** The dossier's e-form as label → value rows, read with the schema version it was filled with; null when none. */
export async function eformViewOrNull(db: Kysely<DB>, dossierId: string): Promise<EformView | null> {
  const stored = await createDossierEformsRepository(db).findEform(dossierId);
  const schema = stored && eformById(stored.schemaId, stored.version);
  return stored && schema ? describeEform(schema, stored.values) : null;
}

/** As eformViewOrNull, but 404 when the dossier has no e-form. */
export async function eformViewOf(db: Kysely<DB>, dossierId: string): Promise<EformView> {
  const view = await eformViewOrNull(db, dossierId);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

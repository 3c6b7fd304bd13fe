import type { DossierAccessEntry } from '@mot-cua/contracts';
import { type DossierRecord, dossierAccessLog, type UnitsPort, vnDate } from '@mot-cua/core';
import { type DB, listDossierReads } from '@mot-cua/db';
import type { Kysely } from 'kysely';
import { loadUnitNames } from './dossier-deps.js';

/**
 * "Who opened my dossier" for the applicant (public lookup, "Hồ sơ của tôi"): officials' reads of the dossier,
 * its files and slips from the audit trail, as office (named), role and time. Read on the caller's connection
 * (inside a transaction on PGlite's single connection, the transaction's).
 */
export async function accessLogFor(
  db: Kysely<DB>,
  units: UnitsPort,
  now: Date,
  dossier: Pick<DossierRecord, 'id' | 'receivingUnitCode' | 'competentUnitCode'>,
): Promise<DossierAccessEntry[]> {
  const log = dossierAccessLog(await listDossierReads(db, dossier.id), dossier);
  const name = await loadUnitNames(
    units,
    log.map((e) => e.officeCode),
    vnDate(now),
  );
  return log.map((e) => ({
    at: e.at.toISOString(),
    role: e.role,
    officeCode: e.officeCode,
    officeName: name(e.officeCode),
    purpose: e.purpose,
  }));
}

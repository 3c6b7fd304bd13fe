import type { DossierRecord } from '../dossiers/ports.js';
import { AppError } from '../errors.js';

/** A signed-in citizen as the ownership rule sees them. */
export type CitizenIdentity = Readonly<{ userId: string; idNumber: string }>;

/**
 * A citizen's own dossiers: those where they are the applicant or the authorised agent (by their personal
 * identification number). Pure; the one rule every citizen route asks.
 */
export function citizenMayAccess(
  citizen: CitizenIdentity,
  dossier: Pick<DossierRecord, 'applicant' | 'agent'>,
): 'applicant' | 'agent' | null {
  if (dossier.applicant.idNumber && dossier.applicant.idNumber === citizen.idNumber) return 'applicant';
  if (dossier.agent?.idNumber && dossier.agent.idNumber === citizen.idNumber) return 'agent';
  return null;
}

/**
 * Throw DOSSIER_NOT_FOUND (not FORBIDDEN: another person's dossier must not be confirmed to exist) unless the
 * citizen may see the dossier.
 */
export function requireOwnDossier<D extends Pick<DossierRecord, 'applicant' | 'agent'>>(
  citizen: CitizenIdentity,
  dossier: D | undefined,
): D {
  if (!dossier || !citizenMayAccess(citizen, dossier)) throw new AppError('DOSSIER_NOT_FOUND');
  return dossier;
}

import { AppError } from '../errors.js';
import { foldText } from '../text/fold.js';
import { deriveDossierState } from './dossier-state.js';
import type { DossiersRepository } from './ports.js';

const digits = (s: string) => s.replace(/\D/g, '');

/** Does the second factor (phone or ID number) match the dossier's applicant or agent? */
export function secondFactorMatches(
  d: {
    applicant: { phone: string | null; idNumber: string | null };
    agent: { phone: string | null; idNumber: string | null } | null;
  },
  given: string,
): boolean {
  const g = digits(given);
  if (g.length < 6) return false;
  const candidates = [d.applicant.phone, d.applicant.idNumber, d.agent?.phone, d.agent?.idNumber]
    .filter((x): x is string => Boolean(x))
    .map(digits);
  const norm = (p: string) => (p.startsWith('84') && p.length >= 11 ? `0${p.slice(2)}` : p);
  return candidates.some((c) => norm(c) === norm(g));
}

/**
 * Public lookup by dossier code plus a second factor. Any mismatch gives the same refusal, so the
 * endpoint does not reveal which codes exist.
 */
export async function lookupDossier(
  deps: { dossiers: Pick<DossiersRepository, 'findDossierByCode' | 'listActions'> },
  code: string,
  secondFactor: string,
) {
  const d = await deps.dossiers.findDossierByCode(code.trim().toUpperCase());
  if (!d || !secondFactorMatches(d, secondFactor)) throw new AppError('DOSSIER_LOOKUP_FAILED');
  const actions = await deps.dossiers.listActions(d.id);
  return { dossier: d, actions, state: deriveDossierState(actions), applicantInitials: initials(d.applicant.fullName) };
}

/** "Nguyễn Văn An" → "N. V. An": enough for the public page without exposing the full name. */
export function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 1) return fullName;
  return [...parts.slice(0, -1).map((p) => `${foldText(p).charAt(0).toUpperCase()}.`), parts.at(-1)].join(' ');
}

import { cleanPersonName } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/fold.js';
import { deriveDossierState } from './dossier-state.js';
import type { DossiersRepository } from './ports.js';

const digits = (s: string) => s.replace(/\D/g, '');

type LookupPerson = { fullName?: string; phone: string | null; idNumber: string | null };
const nameKey = (s: string) => foldText(cleanPersonName(s));

/**
 * Does the second factor match the dossier's applicant or agent? A phone or ID number on record must be given. A
 * dossier received with a name only (an elderly applicant with no phone and no ID at hand) records no number: then
 * the applicant's (or agent's) full name as on the receipt, without accents or case, is what the citizen holds
 * besides the code. The per-code lockout bounds guessing either way.
 */
export function secondFactorMatches(
  d: { applicant: LookupPerson; agent: LookupPerson | null },
  given: string,
): boolean {
  const numbers = [d.applicant.phone, d.applicant.idNumber, d.agent?.phone, d.agent?.idNumber].filter(
    (x): x is string => Boolean(x),
  );
  if (numbers.length === 0) {
    const g = nameKey(given);
    const names = [d.applicant.fullName, d.agent?.fullName].filter((x): x is string => Boolean(x)).map(nameKey);
    return g.length >= 2 && names.includes(g);
  }
  const g = digits(given);
  if (g.length < 6) return false;
  const norm = (p: string) => (p.startsWith('84') && p.length >= 11 ? `0${p.slice(2)}` : p);
  return numbers.map(digits).some((c) => norm(c) === norm(g));
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

/**
 * The public lookup of an applicant (no account), audited in its transaction: the `dossier.public_lookup` row is
 * the "who opened my dossier" trace, with the address and what the look was for (lookup, a slip, a rating).
 */
export async function lookupDossierPublicly(
  ports: { dossiers: Pick<DossiersRepository, 'findDossierByCode' | 'listActions'>; audit: AuditPort },
  input: { code: string; secondFactor: string; ip: string; purpose: string },
) {
  const r = await lookupDossier(ports, input.code, input.secondFactor);
  await ports.audit.record({
    actorUserId: null,
    action: 'dossier.public_lookup',
    entityType: 'dossier',
    entityId: r.dossier.id,
    unitCode: r.dossier.receivingUnitCode,
    provinceCode: r.dossier.provinceCode,
    data: { ip: input.ip, purpose: input.purpose },
  });
  return r;
}

/** The audit row of a dossier code locked after too many failed lookups (recorded after the refusal). */
export async function recordPublicLookupLockout(
  audit: AuditPort,
  input: { code: string; ip: string; failures: number; minutes: number },
): Promise<void> {
  await audit.record({
    actorUserId: null,
    action: 'dossier.public_lookup_lockout',
    entityType: 'dossier_code',
    entityId: input.code,
    data: { ip: input.ip, failures: input.failures, minutes: input.minutes },
  });
}

/** "Nguyễn Văn An" → "N. V. An": enough for the public page without exposing the full name. */
export function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 1) return fullName;
  return [...parts.slice(0, -1).map((p) => `${foldText(p).charAt(0).toUpperCase()}.`), parts.at(-1)].join(' ');
}

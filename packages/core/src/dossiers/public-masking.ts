import { initials } from './lookup-dossier.js';
import type { DossierRecord } from './ports.js';

/** "0912345678" → "*******678": the last three characters, enough to recognise one's own number. */
export function maskTail(value: string | null, visible = 3): string | null {
  if (!value) return value;
  const v = value.trim();
  if (v.length <= visible) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - visible)}${v.slice(-visible)}`;
}

/** "an.nguyen@mail.vn" → "a***@mail.vn". */
export function maskEmail(value: string | null): string | null {
  if (!value) return value;
  const at = value.indexOf('@');
  return at <= 0 ? '***' : `${value.charAt(0)}***${value.slice(at)}`;
}

/**
 * The dossier as a slip downloaded without signing in may show it: names as initials, ID and phone numbers to
 * their last three digits, e-mail to its domain, no address. Whoever holds a code and a phone number learns
 * nothing they did not already know; the full slip is printed at the counter or downloaded signed in.
 */
export function maskedForPublic(d: DossierRecord): DossierRecord {
  return {
    ...d,
    applicant: {
      ...d.applicant,
      fullName: initials(d.applicant.fullName),
      idNumber: maskTail(d.applicant.idNumber),
      phone: maskTail(d.applicant.phone),
      email: maskEmail(d.applicant.email),
      address: d.applicant.address ? '***' : null,
    },
    agent: d.agent
      ? {
          ...d.agent,
          fullName: initials(d.agent.fullName),
          idNumber: maskTail(d.agent.idNumber),
          phone: maskTail(d.agent.phone),
        }
      : null,
  };
}

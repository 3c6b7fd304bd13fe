import { VN_OFFSET_MS } from '../time/vn-time.js';

/**
 * Dossier code of TT 03/2025 Art. 13 cl. 3 (added by TT 4/2025), domain.md §1.5:
 * `{agency identifier}-{YYMMDD}-{AA}{XXXX}` where the agency identifier is the handling agency's
 * electronic identifier (≤ 35 characters, dot-separated groups of 0-9 A-Z), YYMMDD the receipt date in
 * Vietnam time, AA the 2-digit code of the agency owning the centralised system, XXXX the daily
 * sequence number (at least 4 digits).
 */
const AGENCY_ID = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;
const CODE = /^([0-9A-Z]+(?:\.[0-9A-Z]+)*)-(\d{6})-(\d{2})(\d{4,})$/;

export function isAgencyIdentifier(id: string): boolean {
  return id.length > 0 && id.length <= 35 && AGENCY_ID.test(id);
}

/** The civil date of an instant in Vietnam as YYMMDD. */
export function vnYymmdd(at: Date): string {
  const iso = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

export function formatDossierCode(input: {
  agencyIdentifier: string;
  receivedAt: Date;
  systemCode: string;
  sequence: number;
}): string {
  if (!isAgencyIdentifier(input.agencyIdentifier)) {
    throw new RangeError(`Invalid agency identifier: ${input.agencyIdentifier}`);
  }
  if (!/^\d{2}$/.test(input.systemCode)) throw new RangeError(`Invalid system code: ${input.systemCode}`);
  if (!Number.isInteger(input.sequence) || input.sequence < 1) throw new RangeError('Sequence must be ≥ 1');
  return `${input.agencyIdentifier}-${vnYymmdd(input.receivedAt)}-${input.systemCode}${String(input.sequence).padStart(4, '0')}`;
}

/**
 * Everything of a dossier code but its sequence number: the repository allocates the number in the
 * receipt's one statement (insertReceipt) and appends it with at least `minDigits` digits, which gives
 * exactly formatDossierCode(...).
 */
export function dossierCodePrefix(input: { agencyIdentifier: string; receivedAt: Date; systemCode: string }): {
  prefix: string;
  minDigits: number;
} {
  const sample = formatDossierCode({ ...input, sequence: 1 });
  return { prefix: sample.slice(0, -4), minDigits: 4 };
}

export type ParsedDossierCode = { agencyIdentifier: string; yymmdd: string; systemCode: string; sequence: number };

export function parseDossierCode(code: string): ParsedDossierCode | undefined {
  const m = CODE.exec(code.trim().toUpperCase());
  if (!m || m[1]!.length > 35) return undefined;
  return { agencyIdentifier: m[1]!, yymmdd: m[2]!, systemCode: m[3]!, sequence: Number(m[4]) };
}

/**
 * Agency identifier for a unit that has no official electronic identifier recorded yet: `X{unit code}`
 * (UNCONFIRMED placeholder; real identifiers are issued by each province under QĐ 20/2020/QĐ-TTg and
 * should be recorded on the unit).
 */
export function fallbackAgencyIdentifier(unitCode: string, provinceCode: string): string {
  const clean = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return `X${clean(provinceCode)}.${clean(unitCode)}`;
}

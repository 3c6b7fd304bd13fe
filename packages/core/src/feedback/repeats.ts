import { tokenize } from '../search/text.js';

/** An earlier feedback a new one may repeat. */
export type EarlierFeedback = Readonly<{
  id: string;
  contactKeys: ReadonlyArray<string>;
  dossierCode: string | null;
  text: string;
  receivedAt: Date;
}>;

export type NewFeedback = Readonly<{
  contactKeys: ReadonlyArray<string>;
  dossierCode: string | null;
  text: string;
  receivedAt: Date;
}>;

/** Within this many days a second matter from the same person on the same thing is a repeat. */
export const REPEAT_WINDOW_DAYS = 90;
/** Share of words in common (Jaccard) from which two texts are about the same matter. */
export const REPEAT_SIMILARITY = 0.35;

/** Contact keys of a submitter: phone digits (leading 84 read as 0) and the e-mail in lower case. */
export function contactKeys(phone: string | null | undefined, email: string | null | undefined): string[] {
  const keys: string[] = [];
  if (phone) {
    const digits = phone.replace(/\D/g, '').replace(/^84/, '0');
    if (digits.length >= 8) keys.push(`tel:${digits}`);
  }
  if (email) keys.push(`mail:${email.trim().toLowerCase()}`);
  return keys;
}

function words(s: string): Set<string> {
  return new Set(tokenize(s).filter((t) => t.length > 1));
}

/** Jaccard similarity of the two texts' folded words. */
export function textSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/**
 * The earlier feedback this one repeats, if any: same person (a contact key in common) or the same dossier,
 * within the window, about the same matter (same dossier, or texts similar enough). The most recent wins.
 */
export function findRepeatOf(n: NewFeedback, earlier: ReadonlyArray<EarlierFeedback>): string | null {
  const from = n.receivedAt.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  const hits = earlier
    .filter((e) => e.receivedAt.getTime() >= from && e.receivedAt.getTime() <= n.receivedAt.getTime())
    .filter((e) => {
      const samePerson = e.contactKeys.some((k) => n.contactKeys.includes(k));
      const sameDossier = n.dossierCode !== null && e.dossierCode === n.dossierCode;
      if (!samePerson && !sameDossier) return false;
      return (sameDossier && samePerson) || textSimilarity(e.text, n.text) >= REPEAT_SIMILARITY;
    })
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
  return hits[0]?.id ?? null;
}

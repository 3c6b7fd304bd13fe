import { z } from 'zod';

/**
 * Invisible format characters (Unicode category Cf: zero-width space/joiners, word joiner, BOM, soft hyphen, the
 * bidirectional marks, embeddings, overrides and isolates) and control characters other than spaces. None belongs in
 * a person's or an organisation's name; a name made only of them prints as nothing on a slip.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
/** A name shows at least one letter or digit (not just marks, punctuation or spaces). */
const VISIBLE = /[\p{L}\p{N}]/u;

/** A name as it will be stored and printed: NFC (one code point per Vietnamese letter), invisibles removed, spaces collapsed. */
export function cleanPersonName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

export const hasVisibleName = (s: string): boolean => VISIBLE.test(s);

/**
 * The one schema of a person's (or organisation's) name typed by someone: applicants, agents, officials, bookers,
 * feedback submitters. Cleaned with `cleanPersonName`, then at least `min` characters and one letter or digit.
 */
export const personName = (max = 200, min = 1) =>
  z
    .string()
    .overwrite(cleanPersonName)
    .min(min)
    .max(max)
    .refine(hasVisibleName, { message: 'A name needs at least one visible letter or digit' });

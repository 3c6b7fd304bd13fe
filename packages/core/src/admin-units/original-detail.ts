import { foldName } from './unit-text.js';

/**
 * The user's own text for a detail computed on folded segments: the shortest prefix of `text` whose words fold to
 * the detail's words (accents, case and punctuation kept). Falls back to the folded detail when the words do not
 * line up (an abbreviation expanded inside the detail, for instance).
 */
export function originalDetail(text: string, folded: string): string {
  const want = foldName(folded).split(' ').filter(Boolean);
  if (want.length === 0) return folded;
  let got = 0;
  for (const m of text.matchAll(/\S+/g)) {
    const words = foldName(m[0]).split(' ').filter(Boolean);
    for (const w of words) {
      if (got >= want.length) return folded;
      if (w !== want[got]) return folded;
      got++;
    }
    if (got === want.length) {
      return text
        .slice(0, m.index + m[0].length)
        .replace(/[\s,;:|.\-–—]+$/u, '')
        .replace(/\s+/g, ' ')
        .trim();
    }
  }
  return folded;
}

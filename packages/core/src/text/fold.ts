/**
 * Fold Vietnamese text for comparison: strip every diacritic (all tone and vowel marks, including
 * ỷ ỹ ỵ), map đ→d, lower-case, collapse white space. Mirrors the SQL function f_unaccent_fold().
 */
export function foldText(s: string): string {
  // Plain ASCII (text folded once already, most addresses typed without accents) needs no Unicode pass.
  if (!NOT_PLAIN.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Anything but white space and printable ASCII. */
const NOT_PLAIN = /[^\s\x20-\x7e]/;

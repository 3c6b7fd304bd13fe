/**
 * Fold Vietnamese text for comparison: strip every diacritic (all tone and vowel marks, including
 * ỷ ỹ ỵ), map đ→d, lower-case, collapse white space. Mirrors the SQL function f_unaccent_fold().
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

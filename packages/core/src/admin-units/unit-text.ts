import { foldText } from '../text/fold.js';

/** Fold and strip punctuation: the form every name comparison of this feature uses. */
export function foldName(s: string): string {
  return foldText(s.replace(/[.,;:/\\()"'`’‘“”_–—-]+/g, ' '));
}

/** Common short forms of province names (folded) → the folded official name. */
export const PROVINCE_NICKNAMES: Readonly<Record<string, string>> = {
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  'tp hcm': 'ho chi minh',
  hcmc: 'ho chi minh',
  'sai gon': 'ho chi minh',
  saigon: 'ho chi minh',
  sg: 'ho chi minh',
  'thanh pho ho chi minh': 'ho chi minh',
  hn: 'ha noi',
  hanoi: 'ha noi',
  tphn: 'ha noi',
  dn: 'da nang',
  hp: 'hai phong',
  ct: 'can tho',
  brvt: 'ba ria vung tau',
  'ba ria vung tau': 'ba ria vung tau',
  'vung tau': 'ba ria vung tau',
  'thua thien hue': 'hue',
  'tt hue': 'hue',
  'dak lak': 'dak lak',
  'dac lac': 'dak lak',
  'dak nong': 'dak nong',
  'hoa binh': 'hoa binh',
  'khanh hoa': 'khanh hoa',
  'thanh hoa': 'thanh hoa',
};

/**
 * Expand the abbreviations people write in addresses (TP., Q., H., P., X., TX., TT., T., KP.) into full
 * type words, on already folded text. "q1" → "quan 1", "p.4" → "phuong 4", "tp." → "thanh pho".
 */
export function expandAbbreviations(folded: string): string {
  return ` ${folded} `
    .replace(/\b(tp|t\.p)\s*\.?\s*(hcm|ho chi minh)\b/g, ' thanh pho ho chi minh ')
    .replace(/\btphcm\b/g, ' thanh pho ho chi minh ')
    .replace(/\btp\s*\.?\s*/g, ' thanh pho ')
    .replace(/\btx\s*\.\s*|\btx\s+/g, ' thi xa ')
    .replace(/\btt\s*\.\s*|\btt\s+(?=[a-z])/g, ' thi tran ')
    .replace(/\bq\s*\.?\s*(\d+)\b/g, ' quan $1 ')
    .replace(/\bp\s*\.?\s*(\d+)\b/g, ' phuong $1 ')
    .replace(/\bq\s*\.\s*/g, ' quan ')
    .replace(/\bp\s*\.\s*/g, ' phuong ')
    .replace(/\bh\s*\.\s*/g, ' huyen ')
    .replace(/\bx\s*\.\s*/g, ' xa ')
    .replace(/\bt\s*\.\s*/g, ' tinh ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letter trigrams of a folded string (with word boundary padding), for typo-tolerant matching. */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of s.split(' ')) {
    if (!word) continue;
    const w = `  ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  }
  return out;
}

export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Similarity of two folded names in [0, 1]: 1 when equal; otherwise the better of an edit-distance ratio
 * (catches one or two typos) and trigram overlap (catches swapped or missing words). Names made of digits
 * ("Phường 4") only match exactly.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  if (/\d/.test(a) || /\d/.test(b)) {
    return a.replace(/\D/g, '') === b.replace(/\D/g, '') && a.replace(/\d/g, '') === b.replace(/\d/g, '') ? 1 : 0;
  }
  const aNoSpace = a.replace(/ /g, '');
  const bNoSpace = b.replace(/ /g, '');
  if (aNoSpace === bNoSpace) return 0.97;
  const maxLen = Math.max(aNoSpace.length, bNoSpace.length);
  const d = editDistance(aNoSpace, bNoSpace, 3);
  const edit = d > 3 ? 0 : 1 - d / maxLen;
  const tri = trigramSimilarity(trigrams(a), trigrams(b));
  return Math.max(edit * 0.96, tri * 0.95);
}

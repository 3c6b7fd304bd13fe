import { foldText } from '../text/fold.js';

/**
 * Text handling for search: fold (no accents, đ→d, lower case), split into syllable tokens, and drop the
 * question words that carry no meaning for finding a procedure. Vietnamese writes one syllable per word, so
 * pairs of neighbouring syllables (bigrams: "khai sinh", "ket hon") carry most of the meaning; the index
 * stores both.
 */

/** National code `1.001193` (with an optional local suffix) or a local code `L-YT-001`. */
const CODE_RE = /^(\d\.\d{6}(-[a-z0-9]{1,10})?|l-[a-z]{2,4}-\d{3})$/;

/** Fold and keep only letters and digits; a procedure code ("1.001193", "L-YT-001") stays one word. */
export function normalizeText(s: string): string {
  const words: string[] = [];
  for (const w of foldText(s).split(/[^a-z0-9.-]+/)) {
    const bare = w.replace(/^[.-]+|[.-]+$/g, '');
    if (!bare) continue;
    if (CODE_RE.test(bare) || /^\d\.\d{3,6}$/.test(bare)) words.push(bare);
    else for (const part of bare.split(/[.-]+/)) if (part) words.push(part);
  }
  return words.join(' ');
}

export function tokenize(s: string): string[] {
  const n = normalizeText(s);
  return n ? n.split(' ') : [];
}

export function isProcedureCodeToken(token: string): boolean {
  return CODE_RE.test(token);
}

/** Partial national code typed by a user: "1.0011" or "001193". */
export function looksLikeCodePrefix(token: string): boolean {
  return /^\d\.\d{3,6}$/.test(token) || /^\d{6}$/.test(token);
}

/**
 * Words that only frame a question ("tôi cần làm gì", "như thế nào", "ở đâu"), folded. Folding merges some of
 * them with meaningful syllables (đang/đăng, thế/thẻ, cần/căn, đâu/đầu, bạn/bản, tại/tài), so a stopword is
 * dropped only when it does not form a known pair with a neighbour ("dang ky", "the can cuoc", "ban sao").
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'toi minh em anh chi ban a ah oi nhe nha voi thi la gi nao sao the nhu can phai muon duoc khong co o dau bao ' +
    'nhieu lam xin hoi giup va hay hoac thu tuc tthc mot nhung cac nay do kia ay roi se da dang vua moi ma neu khi ' +
    'de thuc hien nop ho so tai cua cho ve vay ah ha u uh nhi chu gium biet huong dan cach nhe ra di den tu ' +
    // spoken fillers a typo correction would otherwise turn into catalog words ("luôn" → "lương", "cuốn" → "cuộc")
    'luon cuon gio nua ' +
    // spoken particles and pronouns of the South (18h): "tui" = tôi, "dùm" = giùm, "nhen" / "nghen" / "hen" = nhé,
    // "nè", "dzậy" = vậy (a typo correction turned "nhen" into "nhận", "nghen" into "nghề"-like "nghe")
    'tui dum nhen nghen hen ne dzay'
  ).split(' '),
);

/** Pairs that stay question framing even though both words exist in the catalog ("hồ sơ", "thủ tục"). */
export const STOP_BIGRAMS: ReadonlySet<string> = new Set([
  'ho so',
  'thu tuc',
  'thuc hien',
  'giay to',
  'the nao',
  'nhu the',
  'bao nhieu',
  'o dau',
  'lam gi',
  'can gi',
  'duoc khong',
  'co the',
  'can lam',
  'phai lam',
  'huong dan',
  'nop ho',
  'ho so',
  'tai dau',
  'lam sao',
  'khong can',
  'can phai',
  'cho toi',
  'cua toi',
]);

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** Every word of `pattern` appears in `tokens` in order, with at most 3 other words between two of them. */
export function matchesInOrder(tokens: ReadonlyArray<string>, pattern: ReadonlyArray<string>): boolean {
  if (pattern.length === 0) return false;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== pattern[0]) continue;
    let pos = start;
    let ok = true;
    for (let k = 1; k < pattern.length; k++) {
      let found = -1;
      for (let j = pos + 1; j <= Math.min(tokens.length - 1, pos + 4); j++) {
        if (tokens[j] === pattern[k]) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      pos = found;
    }
    if (ok) return true;
  }
  return false;
}

export function containsSequence(tokens: ReadonlyArray<string>, seq: ReadonlyArray<string>): boolean {
  if (seq.length === 0) return false;
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

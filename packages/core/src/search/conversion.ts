import { STOPWORDS } from './text.js';

/**
 * Conversions: the catalog names one by what is converted and into what ("Chuyển đổi công ty trách nhiệm hữu hạn
 * thành công ty cổ phần", "Chuyển đổi doanh nghiệp tư nhân thành công ty …", "… tổ hợp tác thành hợp tác xã";
 * Enterprise Law 2020 art. 202–205, Law on Cooperatives 2023, Decree 168/2025 for households). A question asking to
 * convert one kind ("chuyển công ty TNHH sang cổ phần") means the procedure converting that kind: both sides are
 * read the same way, on folded tokens with abbreviations expanded, and only when both name a conversion with a
 * source ("sang tên sổ đỏ", "chuyển mục đích sử dụng đất" name none, so nothing changes for them).
 */

/** Words after "thành" that make another word ("thành lập", "thành viên", "thanh toán"…), not "into". */
const NOT_INTO: ReadonlySet<string> = new Set([
  'lap',
  'vien',
  'toan',
  'tra',
  'pho',
  'tich',
  'ly',
  'nien',
  'phan',
  'qua',
]);
const MAX_SOURCE = 12;

/**
 * The content words of what a conversion converts ("chuyển (đổi) … thành …", and in a question also "… sang …"),
 * or null when none is named. Names say "sang" for other moves ("chuyển mục đích sử dụng rừng sang mục đích khác").
 */
export function conversionSource(tokens: ReadonlyArray<string>, withSang = true): ReadonlySet<string> | null {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'chuyen') continue;
    for (let j = i + 2; j < tokens.length && j <= i + MAX_SOURCE; j++) {
      const t = tokens[j]!;
      const next = tokens[j + 1];
      const into =
        (t === 'thanh' && next !== undefined && !NOT_INTO.has(next)) || (withSang && t === 'sang' && next !== 'ten');
      if (!into) continue;
      const from = tokens.slice(i + 1, j).filter((w) => w !== 'doi' && !STOPWORDS.has(w));
      return from.length > 0 ? new Set(from) : null;
    }
  }
  return null;
}

/**
 * How a name's conversion fits the question's: `mismatch` when they share no source word, `match` when the name's
 * source holds every source word of the question, else 1 (also when either names no conversion).
 */
export function conversionFactor(
  question: ReadonlySet<string> | null,
  name: ReadonlySet<string> | null,
  weights: { match: number; mismatch: number },
): number {
  if (!question || !name) return 1;
  let shared = 0;
  for (const w of question) if (name.has(w)) shared++;
  if (shared === 0) return weights.mismatch;
  return shared === question.size ? weights.match : 1;
}

/** Words after "chuyển đổi" that are not a conversion of kind ("chuyển đổi mục đích", "… quyền sử dụng đất"). */
const NOT_KIND: ReadonlySet<string> = new Set(['muc', 'quyen']);
const saysConvert = (tokens: ReadonlyArray<string>) =>
  tokens.some((t, i) => t === 'chuyen' && tokens[i + 1] === 'doi' && !NOT_KIND.has(tokens[i + 2] ?? ''));

/**
 * A question asking to convert something ("chuyển công ty TNHH sang cổ phần", "chuyển đổi chứng chỉ"), and, read the
 * same way (only "thành" for the target), a procedure that converts ("Chuyển đổi …", "Cấp chuyển đổi chứng chỉ …",
 * "Trình … cho phép chuyển đổi công năng …"). "… các trường hợp chuyển đổi quyền sử dụng đất nông nghiệp …" (the
 * household transfer) and "chuyển đổi mục đích" are not conversions of a kind.
 */
export function asksConversion(tokens: ReadonlyArray<string>): boolean {
  return conversionSource(tokens) !== null || saysConvert(tokens);
}
export function namesConversion(nameTokens: ReadonlyArray<string>): boolean {
  return conversionSource(nameTokens, false) !== null || saysConvert(nameTokens);
}

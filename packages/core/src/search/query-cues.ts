/**
 * Cues that decide between procedures sharing most of their words, read the same way from a question and from a
 * procedure's name (folded tokens):
 * - intent: first registration, re-issue (lost), exchange (worn, old form), extension, change or correction,
 *   cancellation, confirmation;
 * - subject: a foreign element, an organisation (vs an individual or household), a child, an elderly person, a
 *   border area, an official coming to the applicant (lưu động), an ethnic minority area, and the grade of a
 *   construction work (Construction Law, Decree 06/2021: "cấp đặc biệt, cấp I, cấp II" licensed by the province,
 *   "cấp III, cấp IV" and houses by the commune);
 * - negation: words said not to apply ("không để lại di chúc", "hổng có lương hưu").
 * The ranking multiplies a procedure's score by `cueFactor`: agreeing cues raise it, contradicting cues lower it.
 * Word lists follow the catalog's own naming (Decision 1085/QĐ-TTg naming of procedure variants: "cấp lại",
 * "cấp đổi", "gia hạn", "điều chỉnh", "có yếu tố nước ngoài", "lưu động", "khu vực biên giới") and everyday usage.
 * The word lists are in cue-words.ts.
 */

import { asksConversion, namesConversion } from './conversion.js';
import {
  CUE_NEGATIONS,
  type Cues,
  type IntentCue,
  LEVEL_WORDS,
  type LevelCue,
  NAME_INTENTS,
  NAME_SUBJECTS,
  NEGATION_GLUE,
  NEGATORS,
  type Pattern,
  QUERY_INTENTS,
  QUERY_SUBJECTS,
  type QueryCues,
  type SubjectCue,
  TERM_GLUE,
  TERM_NEGATIONS,
} from './cue-words.js';

export type { Cues, IntentCue, LevelCue, QueryCues, SubjectCue } from './cue-words.js';

function at(tokens: ReadonlyArray<string>, i: number, pat: Pattern): boolean {
  for (let k = 0; k < pat.words.length; k++) if (tokens[i + k] !== pat.words[k]) return false;
  const before1 = tokens[i - 1] ?? '';
  const before2 = `${tokens[i - 2] ?? ''} ${before1}`;
  if (pat.not?.before?.some((b) => b === before1 || b === before2)) return false;
  if (pat.not?.after?.includes(tokens[i + pat.words.length] ?? '')) return false;
  return true;
}
/** A name's intent after "không" ("… không thay đổi nội dung đăng ký"; "không làm thay đổi") is excluded, not named. */
const negatedAt = (tokens: ReadonlyArray<string>, i: number) =>
  tokens[i - 1] === 'khong' || (tokens[i - 2] === 'khong' && tokens[i - 1] === 'lam');
function read<K extends string>(
  tokens: ReadonlyArray<string>,
  table: Record<K, Pattern[]>,
  words?: Map<string, Set<string>>,
  skipNegated = false,
): Set<K> {
  const out = new Set<K>();
  for (const k of Object.keys(table) as K[]) {
    for (const pat of table[k]) {
      for (let i = 0; i < tokens.length; i++) {
        if (!at(tokens, i, pat) || (skipNegated && negatedAt(tokens, i))) continue;
        out.add(k);
        if (!words) break;
        const set = words.get(k) ?? new Set<string>();
        for (const w of pat.words) set.add(w);
        words.set(k, set);
      }
    }
  }
  return out;
}

/** A grade's words ("cấp", "I", "4", "đặc biệt") are the topic of a construction question, not mere cues. */
const GRADES: ReadonlySet<string> = new Set(['gradeHigh', 'gradeLow']);
/**
 * Words that are a cue on their own ("mất", "xóa", "con"): evidence of a variant, not of a topic, wherever they
 * stand. Words that only mark a cue as part of a longer pattern ("công" of "công ty", "nhà" of "tại nhà", "đổi" of
 * "cấp đổi") count as cue words only where the question's cues read them (QueryCues.words).
 */
export const CUE_WORDS: ReadonlySet<string> = new Set(
  [...Object.values(QUERY_INTENTS), ...Object.entries(QUERY_SUBJECTS).flatMap(([k, v]) => (GRADES.has(k) ? [] : v))]
    .flat()
    .filter((pat) => pat.words.length === 1)
    .map((pat) => pat.words[0]!),
);

/** Cues of a procedure, from its folded name tokens. */
export function recordCues(nameTokens: ReadonlyArray<string>): Cues {
  const intents = read(nameTokens, NAME_INTENTS, undefined, true);
  if (namesConversion(nameTokens)) intents.add('conversion');
  // "Dừng thực hiện thủ tục giải thể": the dissolution is what is stopped
  if (intents.has('withdrawal')) intents.delete('cancellation');
  return { intents, subjects: read(nameTokens, NAME_SUBJECTS) };
}

/** The kinds of business an entity cue names (a procedure is about one of them, or names none). */
export const ENTITY_CUES: ReadonlyArray<SubjectCue> = ['household', 'enterprise', 'cooperative'];
/**
 * The kind of business a procedure is about when its name does not say: the catalog's field says it ("Thành lập và
 * hoạt động của tổ hợp tác, hợp tác xã…", "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)": the household
 * business, named in brackets, is the narrower). Only fields about founding and running a business
 * ("thành lập và hoạt động …"), whose records differ by the entity registered.
 */
export function fieldEntityCues(fieldTokens: ReadonlyArray<string>): SubjectCue[] {
  if (fieldTokens.slice(0, 5).join(' ') !== 'thanh lap va hoat dong') return [];
  const found = read(fieldTokens, NAME_SUBJECTS);
  if (found.has('household')) return ['household'];
  return ENTITY_CUES.filter((c) => found.has(c));
}

/** Cues of a question, from its folded tokens (before stopwords are dropped). */
export function queryCues(tokens: ReadonlyArray<string>): QueryCues {
  const negated: string[] = [];
  let stops = false;
  tokens.forEach((t, i) => {
    if (!NEGATORS.has(t)) return;
    if (CUE_NEGATIONS.includes(`${t} ${tokens[i + 1] ?? ''}`)) return;
    const k = TERM_GLUE.has(tokens[i + 1] ?? '') ? i + 2 : i + 1;
    if (TERM_NEGATIONS.includes(`khong ${tokens[k] ?? ''}`)) return;
    let j = i + 1;
    while (j < tokens.length && NEGATION_GLUE.has(tokens[j]!)) j++;
    const first = tokens[j];
    if (!first || NEGATORS.has(first)) return;
    // "không kinh doanh nữa", "không muốn làm nữa": stopping something is a cancellation, not an exclusion.
    if (first === 'nua' || tokens.slice(j + 1, j + 4).includes('nua')) {
      stops = true;
      return;
    }
    const second = tokens[j + 1];
    negated.push(second && !NEGATORS.has(second) ? `${first} ${second}` : first);
  });
  const words = new Map<IntentCue | SubjectCue, Set<string>>();
  const subjects = read(tokens, QUERY_SUBJECTS, words);
  // An age: "82 tuổi" is an elderly person, "5 tuổi" a child.
  tokens.forEach((t, i) => {
    if (tokens[i + 1] !== 'tuoi' || !/^\d{1,3}$/.test(t)) return;
    const cue = Number(t) >= 60 ? 'elderly' : Number(t) < 16 ? 'child' : undefined;
    if (!cue) return;
    subjects.add(cue);
    words.set(cue, new Set([...(words.get(cue) ?? []), t, 'tuoi']));
  });
  const intents = read(tokens, QUERY_INTENTS, words);
  if (asksConversion(tokens)) intents.add('conversion');
  // "đã nộp hồ sơ … không muốn làm nữa": stopping an application already filed is its withdrawal
  const filed = / (da nop|nop ho so|dang lam thu tuc) /.test(` ${tokens.join(' ')} `);
  if (stops) intents.add(filed ? 'withdrawal' : 'cancellation');
  // "dừng thủ tục giải thể": what is stopped is the object of the withdrawal, not a second intent
  if (intents.has('withdrawal')) intents.delete('cancellation');
  return { intents, subjects, negated, words };
}

/** Intents that name a variant of a base procedure (a question without them means the base one). */
const VARIANT_INTENTS: ReadonlySet<IntentCue> = new Set([
  ...['reissue', 'exchange', 'extension', 'change', 'cancellation'],
  ...['withdrawal', 'lock', 'unlock', 'conversion'],
] as IntentCue[]);
/**
 * A curated phrase's procedure that is the base one when the question asks for a variant ("khóa tài khoản định
 * danh" against the phrase "tài khoản định danh" = its issue): below the phrase gate (MIN_PHRASE_CUE_FACTOR).
 */
const BASE_FOR_PHRASE = 0.75;
/** Subjects that name a special case of a procedure; the first number applies when the question names it too. */
const SUBJECT_WEIGHTS: Record<SubjectCue, { agree: number; absent: number; missing: number }> = {
  foreign: { agree: 1.35, absent: 0.7, missing: 0.7 },
  organisation: { agree: 1.2, absent: 0.85, missing: 0.95 },
  child: { agree: 1.05, absent: 1, missing: 1 },
  elderly: { agree: 1.2, absent: 1, missing: 1 },
  border: { agree: 1.3, absent: 0.85, missing: 0.9 },
  mobile: { agree: 1.4, absent: 0.8, missing: 0.9 },
  ethnic: { agree: 1.1, absent: 1, missing: 1 },
  // a question that names no grade is about a house or a small work: the commune's cấp III, IV licence
  gradeHigh: { agree: 1.25, absent: 0.85, missing: 1 },
  gradeLow: { agree: 1.25, absent: 1, missing: 1 },
  household: { agree: 1.1, absent: 1, missing: 1 },
  enterprise: { agree: 1.1, absent: 1, missing: 1 },
  cooperative: { agree: 1.1, absent: 1, missing: 1 },
  // a question that names no channel is not asking for the online-only variant
  online: { agree: 1.25, absent: 0.9, missing: 1 },
  inPerson: { agree: 1.15, absent: 1, missing: 1 },
};
/**
 * Subjects that exclude each other: a question naming one and a procedure naming the other (a company asking,
 * a household business's procedure; asked online, the in-person variant) multiplies by this.
 */
const EXCLUSIVE: ReadonlyArray<readonly [SubjectCue, SubjectCue]> = [
  ['organisation', 'household'],
  ['enterprise', 'cooperative'],
  ['household', 'cooperative'],
  ['online', 'inPerson'],
];
const EXCLUSIVE_FACTOR = 0.75;

const SUBJECT_KEYS = Object.keys(SUBJECT_WEIGHTS) as SubjectCue[];

/**
 * Multiplier for a procedure's score given the question's cues: `agree` when both name a subject, `absent` when
 * only the procedure names it (a special case the question did not ask for), `missing` when only the question
 * names it; likewise for intents (agreeing ×1.3, a different variant ×0.7, the base procedure when a variant is
 * asked ×0.85, a variant when none is asked ×0.85).
 */
export function cueFactor(
  q: Cues,
  r: Cues,
  /**
   * Only what contradicts the question: a curated phrase's procedure is not penalised for the special cases it
   * names, nor credited for agreeing (the result is at most 1).
   */
  questionSideOnly = false,
): number {
  if (q.intents.size === 0 && q.subjects.size === 0 && r.intents.size === 0) {
    if (r.subjects.size === 0 || questionSideOnly) return 1;
  }
  let f = 1;
  for (const s of SUBJECT_KEYS) {
    const w = SUBJECT_WEIGHTS[s];
    if (q.subjects.has(s) && r.subjects.has(s)) f *= questionSideOnly ? 1 : w.agree;
    else if (r.subjects.has(s) && !questionSideOnly) f *= w.absent;
    else if (q.subjects.has(s)) f *= w.missing;
  }
  for (const [x, y] of EXCLUSIVE) {
    if (
      (q.subjects.has(x) && r.subjects.has(y) && !r.subjects.has(x)) ||
      (q.subjects.has(y) && r.subjects.has(x) && !r.subjects.has(y))
    )
      f *= EXCLUSIVE_FACTOR;
  }
  const namesVariant = some(r.intents, (i) => VARIANT_INTENTS.has(i));
  if (q.intents.size > 0) {
    if (some(r.intents, (i) => q.intents.has(i))) {
      // a phrase's procedure agreeing on "lần đầu" but not on the correction the question asks for
      const variantMissed = some(q.intents, (i) => VARIANT_INTENTS.has(i) && !r.intents.has(i));
      const variantMet = some(q.intents, (i) => VARIANT_INTENTS.has(i) && r.intents.has(i));
      f *= !questionSideOnly ? 1.3 : variantMissed && !variantMet ? BASE_FOR_PHRASE : 1;
    } else if (namesVariant) f *= 0.7;
    else if (some(q.intents, (i) => VARIANT_INTENTS.has(i))) f *= questionSideOnly ? BASE_FOR_PHRASE : 0.85;
  } else if (namesVariant && !questionSideOnly) f *= 0.85;
  return f;
}

/** ×0.5 for each thing the question says does not apply that the procedure's name holds. */
export function negationFactor(q: QueryCues, nameHas: (word: string) => boolean): number {
  let f = 1;
  for (const n of q.negated) if (n.split(' ').every(nameHas)) f *= 0.5;
  return f;
}

/** A key equal for two procedures exactly when their cues are equal (for caching factors per question). */
export function cueKey(c: Cues): string {
  return `${[...c.intents].sort().join(',')}|${[...c.subjects].sort().join(',')}`;
}

function some<T>(set: ReadonlySet<T>, test: (x: T) => boolean): boolean {
  for (const x of set) if (test(x)) return true;
  return false;
}

/** The level named by a question's folded tokens, when it names exactly one. */
export function levelCue(tokens: ReadonlyArray<string>): LevelCue | undefined {
  const found = read(tokens, LEVEL_WORDS);
  return found.size === 1 ? [...found][0] : undefined;
}

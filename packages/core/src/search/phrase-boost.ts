import type { IndexTables } from './index-tables.js';
import type { QueryAnalysis } from './query-analysis.js';
import { CUE_WORDS, cueFactor, type LevelCue } from './query-cues.js';
import {
  MAX_PHRASE_RESIDUAL,
  MIN_PHRASE_CUE_FACTOR,
  PHRASE_CONFIDENCE,
  PHRASE_FIT_MAX,
  PHRASE_OVERRIDE_COVERAGE,
  PHRASE_OVERRIDE_FIT,
  PHRASE_OVERRIDE_LEAD,
  PHRASE_YIELD_COVERAGE,
  PHRASE_YIELD_LEAD,
} from './ranking-weights.js';
import { expandSynonyms } from './synonyms.js';
import { containsSequence, tokenize } from './text.js';

/** What the curated-phrase step needs of one search: the text matches and how each fits the question. */
export type PhraseContext = {
  tables: IndexTables;
  a: QueryAnalysis;
  /** Documents matched by text. */
  hitDocs: ReadonlyArray<number>;
  /** The question's distinct meaningful words. */
  words: ReadonlyArray<string>;
  coverageAt: (i: number) => number;
  specialOf: (d: IndexTables['docs'][number]) => number;
  weightOf: (t: string) => number;
  idfTotal: number;
  /** The best text score: a phrase's procedures go above it. */
  best: number;
  /** The level the question names itself ("lên tỉnh", "UBND xã"), if one. */
  namedLevel?: LevelCue | undefined;
};

/**
 * Curated phrases: their procedures go first, the most specific phrase first, codes in the order listed.
 * A phrase gives way when the rest of the question points elsewhere or its cues contradict the procedure.
 * Returns each boosted document's bonus and how sure its phrase is (less when cues or other words are left
 * unexplained).
 */
export function curatedPhraseBoosts(ctx: PhraseContext) {
  const { tables, a, hitDocs, coverageAt, specialOf, weightOf, idfTotal, best } = ctx;
  const { docs, docIndex, familyOf, nameSets, postings } = tables;
  const complete = hitDocs.filter((i) => coverageAt(i) >= 0.999);
  const literal = (pattern: string[], own: ReadonlySet<number>) =>
    complete.some(
      (i) =>
        !own.has(i) &&
        pattern.every((w, k) => (k === 0 ? docs[i]!.unigrams.has(w) : docs[i]!.tf.has(`${pattern[k - 1]} ${w}`))),
    );
  const boosted = new Map<number, number>();
  /**
   * The best coverage of a procedure outside the phrase's own that holds one of the matched phrases word for word
   * and whose cues do not contradict the question.
   */
  const holds = (i: number, pattern: string[]) =>
    pattern.every((w, k) => docs[i]!.nameWords.has(w) && (k === 0 || docs[i]!.tf.has(`${pattern[k - 1]} ${w}`)));
  const outsideCoverage = (own: ReadonlySet<number>, patterns: string[][]) => {
    let c = 0;
    for (const i of hitDocs) {
      if (own.has(i) || coverageAt(i) <= c || specialOf(docs[i]!) < MIN_PHRASE_CUE_FACTOR) continue;
      if (patterns.some((p) => holds(i, p))) c = coverageAt(i);
    }
    return c;
  };
  /**
   * The phrase's words in the name in its order, a few words apart ("nhận chuyển nhượng, thuê quyền sử dụng đất"):
   * not scattered over the name ("xác nhận đăng ký … chủ lực" does not hold "xác nhận chữ ký").
   */
  const holdsApart = (i: number, pattern: string[]) => {
    if (!pattern.every((w) => docs[i]!.nameWords.has(w))) return false;
    return inOrderWithin(expandSynonyms(tokenize(docs[i]!.record.name)).tokens, pattern, 2 * pattern.length + 1);
  };
  /** Procedures outside the phrase's that hold nearly all of the question and the phrase's words (apart). */
  const nearlyAll = (own: ReadonlySet<number>, patterns: string[][]) =>
    hitDocs.filter(
      (i) => !own.has(i) && coverageAt(i) >= PHRASE_OVERRIDE_COVERAGE && patterns.some((p) => holdsApart(i, p)),
    );
  /** How sure each boosted procedure's phrase is: less when cues or other words are left unexplained. */
  const phraseSure = new Map<number, number>();
  // Words explained by a cue, not left over: the single-word cues and the words this question's own cues were
  // read from ("người Pháp"); not every word a longer pattern could use ("công" of "công ty" in "nhà ở công").
  // A grade's words ("cấp", "IV") are the topic of a construction question: not counted here.
  const cueWords = new Set([
    ...CUE_WORDS,
    ...[...a.cues.words].flatMap(([cue, w]) => (cue === 'gradeHigh' || cue === 'gradeLow' ? [] : [...w])),
  ]);
  a.intents.forEach((it, k) => {
    const own = new Set(it.codes.flatMap((c) => [docIndex.get(c)!, ...familyOf[docIndex.get(c)!]!]));
    const ownCovers = [...own].some((i) => coverageAt(i) >= 0.999);
    if (!ownCovers && it.matched.every((p) => literal(p, own))) return;
    const words = new Set(it.matched.flat());
    // (phrases of two words or more, found word for word in the question, held in the other procedure's name)
    const plain = it.matched.filter((p) => p.length > 1 && containsSequence(a.tokens, p));
    const listed = new Set(it.codes.map((c) => docIndex.get(c)!));
    const bestTextCoverage = outsideCoverage(listed, plain);
    const rivals = nearlyAll(listed, plain);
    it.codes.forEach((c, pos) => {
      let i = docIndex.get(c)!;
      // The variant of the procedure that the question's cues name ("kết hôn" asked "lưu động": that one).
      // Among variants that fit clearly better than the listed one, the best fit; on a tie the more general
      // (shorter) name ("khai sinh có yếu tố nước ngoài" before "… cho người đã có hồ sơ, giấy tờ cá nhân").
      const base = specialOf(docs[i]!) * 1.15;
      const variant = familyOf[i]!.filter((v) => specialOf(docs[v]!) > base).reduce<number | undefined>((b, v) => {
        if (b === undefined) return v;
        const [fv, fb] = [specialOf(docs[v]!), specialOf(docs[b]!)];
        if (fv > fb * 1.001) return v;
        return fv * 1.001 >= fb && nameSets[v]!.size < nameSets[b]!.size ? v : b;
      }, undefined);
      i = variant ?? i;
      const d = docs[i]!;
      const gate = cueFactor(a.cues, d.cues, true);
      if (gate < MIN_PHRASE_CUE_FACTOR) return;
      // A level the question names contradicts a phrase's procedure of another level ("tranh chấp đất … lên tỉnh").
      if (ctx.namedLevel && !d.record.levels.includes(ctx.namedLevel)) return;
      const residual = ctx.words
        .filter((t) => postings.has(t) && !words.has(t) && !d.unigrams.has(t) && !cueWords.has(t))
        .reduce((sum, t) => sum + weightOf(t), 0);
      if (it.gapped && idfTotal > 0 && residual / idfTotal > MAX_PHRASE_RESIDUAL) return;
      const outcovered = bestTextCoverage - coverageAt(i);
      if (bestTextCoverage >= PHRASE_YIELD_COVERAGE && outcovered >= PHRASE_YIELD_LEAD) return;
      // …or to one that holds the phrase's words apart and nearly all of the question, when the phrase's does not,
      // and whose cues fit the question clearly better (a company asking: the economic organisation's procedure).
      const fitHere = specialOf(d) * PHRASE_OVERRIDE_FIT;
      const overridden = rivals.some(
        (o) => coverageAt(o) - coverageAt(i) >= PHRASE_OVERRIDE_LEAD && specialOf(docs[o]!) >= fitHere,
      );
      if (overridden) return;
      // The special case the question names (lưu động, foreign element) counts among the phrase's procedures too.
      const fit = Math.min(PHRASE_FIT_MAX, Math.max(MIN_PHRASE_CUE_FACTOR, specialOf(d)));
      const bonus = (best + 1) * (1 - 0.02 * k - 0.05 * pos) * fit;
      if ((boosted.get(i) ?? 0) < bonus) boosted.set(i, bonus);
      const sure = PHRASE_CONFIDENCE * gate * (1 - (idfTotal > 0 ? residual / idfTotal : 0));
      phraseSure.set(i, Math.max(phraseSure.get(i) ?? 0, sure));
    });
  });
  return { boosted, phraseSure };
}

/** Whether `pattern` occurs in `tokens` in order within a span of at most `span` tokens. */
export function inOrderWithin(tokens: ReadonlyArray<string>, pattern: ReadonlyArray<string>, span: number): boolean {
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== pattern[0]) continue;
    let k = 1;
    for (let j = start + 1; j < tokens.length && j - start < span && k < pattern.length; j++) {
      if (tokens[j] === pattern[k]) k++;
    }
    if (k === pattern.length) return true;
  }
  return false;
}

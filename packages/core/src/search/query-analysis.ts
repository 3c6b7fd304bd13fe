import type { SearchCorrection } from '@mot-cua/contracts';
import { asksConversion } from './conversion.js';
import { NEGATORS } from './cue-words.js';
import type { IndexTables } from './index-tables.js';
import { INTENTS, type Intent } from './phrases.js';
import { type QueryCues, queryCues } from './query-cues.js';
import { expandSynonyms, synonymVocabulary } from './synonyms.js';
import { containsSequence, editDistance, matchesInOrder, STOP_BIGRAMS, STOPWORDS, tokenize } from './text.js';
import { findBridges, THESAURUS } from './thesaurus.js';

/**
 * Reading a question against the index's vocabulary: unknown words corrected against the catalog's words
 * (Damerau-Levenshtein, with neighbour context; two syllables typed together split), abbreviations and everyday
 * words rewritten, cues read, curated phrases (intents) matched, stopwords kept only inside catalog pairs, and
 * everyday words bridged to administrative terms (thesaurus.ts).
 */

type CompiledIntent = { id: string; patterns: string[][]; unless: string[][]; codes: string[] };

export function createQueryAnalyser({ docs, postings, docIndex }: IndexTables) {
  // Vocabulary for typo correction: catalog words (with document frequency) plus the words of curated rules.
  // (Words of the core text: name, results, field. A word found only among the documents of a few records is a
  // typo candidate, not a known word.)
  const catalogVocab = new Map<string, number>();
  for (const d of docs) for (const t of d.unigrams) catalogVocab.set(t, (catalogVocab.get(t) ?? 0) + 1);
  const hintWords = [...postings].filter(([t, list]) => !t.includes(' ') && list.length >= 3).map(([t]) => t);
  const compiledIntents: CompiledIntent[] = INTENTS.map((it: Intent) => ({
    id: it.id,
    patterns: it.patterns.map((p) => expandSynonyms(tokenize(p)).tokens),
    unless: (it.unless ?? []).map((p) => expandSynonyms(tokenize(p)).tokens),
    codes: it.codes.filter((c) => docIndex.has(c)),
  })).filter((it) => it.codes.length > 0);
  const knownWords = new Set<string>([...catalogVocab.keys(), ...hintWords, ...synonymVocabulary(), ...STOPWORDS]);
  for (const it of compiledIntents)
    for (const p of [...it.patterns, ...it.unless]) for (const w of p) knownWords.add(w);
  for (const e of THESAURUS) for (const w of e.everyday) knownWords.add(w);
  const vocabList = [...catalogVocab.keys()].filter((w) => w.length >= 2 && !/^\d+$/.test(w));
  const isBigram = (a: string, b: string) => postings.has(`${a} ${b}`);

  function correctToken(word: string, prev: string | undefined, next: string | undefined): string[] | null {
    // Two syllables typed together ("khaisinh").
    for (let k = 2; k <= word.length - 2; k++) {
      const a = word.slice(0, k);
      const b = word.slice(k);
      if (catalogVocab.has(a) && catalogVocab.has(b) && isBigram(a, b)) return [a, b];
    }
    // Short syllables are too close to each other to guess safely; typos keep their first letter.
    if (word.length < 4) return null;
    const max = word.length <= 6 ? 1 : 2;
    let best: { w: string; key: number[] } | null = null;
    for (const cand of vocabList) {
      if (cand[0] !== word[0] || Math.abs(cand.length - word.length) > max) continue;
      const d = editDistance(word, cand, max);
      if (d > max) continue;
      const context = (prev && isBigram(prev, cand) ? 1 : 0) + (next && isBigram(cand, next) ? 1 : 0);
      // Lower is better: distance (less for neighbour context), then more frequent; ties keep the first found.
      const key = [d - context * 0.6, -(catalogVocab.get(cand) ?? 0)];
      if (!best || key[0]! < best.key[0]! || (key[0] === best.key[0] && key[1]! < best.key[1]!))
        best = { w: cand, key };
    }
    return best ? [best.w] : null;
  }

  function analyse(query: string) {
    const raw = tokenize(query);
    const corrections: SearchCorrection[] = [];
    const guessed = new Set<string>();
    // Correct unknown words first (so rewritten phrases and intents see the corrected words).
    const corrected: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const w = raw[i]!;
      if (knownWords.has(w) || /\d/.test(w) || w.length < 2) {
        corrected.push(w);
        continue;
      }
      const prev = corrected[corrected.length - 1];
      const next = raw[i + 1] && knownWords.has(raw[i + 1]!) ? raw[i + 1] : undefined;
      const fix = correctToken(w, prev, next);
      if (fix) {
        corrections.push({ from: w, to: fix.join(' ') });
        corrected.push(...fix);
        for (const f of fix) guessed.add(f);
      } else corrected.push(w);
    }
    const { tokens } = expandSynonyms(corrected);
    const c1 = queryCues(corrected);
    const c2 = queryCues(tokens);
    const cueWords = new Map(c1.words);
    for (const [k, v] of c2.words) cueWords.set(k, new Set([...(cueWords.get(k) ?? []), ...v]));
    const cues: QueryCues = {
      intents: new Set([...c1.intents, ...c2.intents]),
      subjects: new Set([...c1.subjects, ...c2.subjects]),
      negated: [...new Set([...c1.negated, ...c2.negated])],
      words: cueWords,
    };
    const negatedWords = new Set(cues.negated.flatMap((n) => n.split(' ')));
    // Matched intents, the most specific (longest matching pattern) first; never one on words said not to apply.
    const intents = compiledIntents
      .flatMap((it) => {
        if (it.unless.some((u) => containsSequence(tokens, u))) return [];
        const hit = it.patterns.filter((p) => matchesInOrder(tokens, p) && !p.some((w) => negatedWords.has(w)));
        const len = Math.max(0, ...hit.map((p) => p.length));
        // A phrase found word for word is strong evidence; one found with other words between is weaker.
        const gapped = !hit.some((p) => containsSequence(tokens, p));
        return len > 0 ? [{ ...it, specificity: len, matched: hit, gapped }] : [];
      })
      .sort((x, y) => y.specificity - x.specificity);
    // Keep a stopword only when it forms a catalog pair with a neighbour ("dang ky", "the can cuoc", "ban sao").
    const keep = tokens.map((t, i) => {
      if (negatedWords.has(t) && cues.negated.some((n) => n.split(' ').includes(t))) return false;
      if (!STOPWORDS.has(t)) return true;
      const pairs = [i > 0 ? `${tokens[i - 1]} ${t}` : '', i + 1 < tokens.length ? `${t} ${tokens[i + 1]}` : ''];
      // Question framing ("thế nào", "ở đâu") wins over a chance pair on the other side ("lại thế").
      if (pairs.some((p) => STOP_BIGRAMS.has(p))) return false;
      return pairs.some((p) => p && postings.has(p));
    });
    const unigrams: string[] = [];
    const bigrams: string[] = [];
    tokens.forEach((t, i) => {
      if (!keep[i]) return;
      unigrams.push(t);
      if (i + 1 < tokens.length && keep[i + 1]) bigrams.push(`${t} ${tokens[i + 1]}`);
    });
    // Everyday words bridged to administrative terms (thesaurus.ts), found before and after the rewrites.
    const bridges = new Map<string, string[][]>();
    for (const list of [corrected, tokens]) {
      for (const b of findBridges(list)) {
        const words = list.slice(b.at, b.at + b.length);
        // A negation inside the everyday phrase is its meaning ("không có lương hưu" → social assistance).
        const negative = words.includes('khong');
        for (const w of words) {
          if (negatedWords.has(w) && !negative) continue;
          const alts = bridges.get(w) ?? [];
          for (const a of b.admin) if (!alts.some((x) => x.join(' ') === a.join(' '))) alts.push(a);
          bridges.set(w, alts);
        }
      }
    }
    // An everyday phrase bridged to a conversion ("nhận thêm người góp vốn" → "chuyển đổi công ty … một thành viên")
    // asks for one.
    for (const alts of bridges.values()) if (alts.some(asksConversion)) cues.intents.add('conversion');
    // Word pairs the question asks for itself (no negator in the three words before): a name that excludes one
    // ("… không phải xin phép") is the other case.
    const askedPairs = new Set<string>();
    tokens.forEach((t, i) => {
      const before = tokens.slice(Math.max(0, i - 3), i);
      if (i + 1 < tokens.length && !before.some((w) => NEGATORS.has(w))) askedPairs.add(`${t} ${tokens[i + 1]}`);
    });
    return { tokens, unigrams, bigrams, corrections, intents, guessed, cues, bridges, askedPairs };
  }

  return analyse;
}

export type QueryAnalysis = ReturnType<ReturnType<typeof createQueryAnalyser>>;

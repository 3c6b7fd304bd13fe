import type { CatalogProcedure, ProcedureLevel, SearchCorrection } from '@mot-cua/contracts';
import { EVERYDAY, FOLLOW_UPS, INTENTS, type Intent } from './phrases.js';
import { expandSynonyms, synonymVocabulary } from './synonyms.js';
import { editDistance, isProcedureCodeToken, looksLikeCodePrefix, STOP_BIGRAMS, STOPWORDS, tokenize } from './text.js';

/**
 * An in-memory index over catalog records, built once at start-up: BM25F over the procedure name, result
 * names and field, on folded syllables and syllable pairs; abbreviations and everyday words rewritten;
 * unknown words corrected against the catalog's vocabulary (Damerau-Levenshtein, with neighbour context);
 * curated everyday phrases; a prior so everyday commune procedures come first. Pure and deterministic.
 */

export type SearchFilters = {
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  /** Only these codes (e.g. the procedures enabled in a unit). */
  codes?: ReadonlySet<string> | undefined;
};

export type ScoredProcedure = {
  record: CatalogProcedure;
  score: number;
  /** Share of the query's meaningful words (IDF-weighted) found in this record's indexed text. */
  coverage: number;
  /** 0-1: how sure the match is (1 for a code, high for a curated phrase, else coverage and word pairs). */
  confidence: number;
  matchedBy: 'code' | 'phrase' | 'text';
};

export type SearchOutcome = {
  /** The query as understood (folded, rewritten, corrected, stopwords dropped). */
  understood: string;
  corrections: SearchCorrection[];
  /** Curated intents the query matched. */
  intents: string[];
  /** Meaningful query words; 0 means the query only framed a question ("tôi cần làm gì"). */
  termCount: number;
  /** Procedures whose text holds every meaningful query word: many means the query is too general to answer. */
  fullMatches: number;
  total: number;
  items: ScoredProcedure[];
};

export type SearchOptions = SearchFilters & { limit?: number; offset?: number };

type Doc = {
  record: CatalogProcedure;
  code: string;
  /** Weighted term frequencies. */
  tf: Map<string, number>;
  unigrams: Set<string>;
  length: number;
  prior: number;
  /** Indexes into QUALIFIERS of the special cases the name names. */
  qualifiers: number[];
};

type CompiledIntent = { id: string; patterns: string[][]; unless: string[][]; codes: string[] };

const FIELD_WEIGHTS = { name: 3, results: 1.2, field: 1 } as const;
const K1 = 1.2;
const B = 0.75;
const BIGRAM_WEIGHT = 1.5;
/** Name parts that narrow a procedure to a special case; a query that does not mention them prefers the general one. */
const QUALIFIERS: ReadonlyArray<{ inName: string; inQuery: string; factor: number }> = [
  { inName: 'yeu to nuoc ngoai', inQuery: 'nuoc ngoai', factor: 0.7 },
  { inName: 'khu vuc bien gioi', inQuery: 'bien gioi', factor: 0.8 },
  { inName: 'luu dong', inQuery: 'luu dong', factor: 0.8 },
  { inName: 'da co ho so giay to ca nhan', inQuery: 'ho so giay to', factor: 0.85 },
];
/** Share of a corrected word's rarity that counts toward coverage: a corrected word is a guess. */
const CORRECTED_WEIGHT = 0.5;
const PHRASE_CONFIDENCE = 0.9;
const CODE_PREFIX_CONFIDENCE = 0.8;
/** Share of the query's idf weight a text match must cover to be listed once some procedure covers it all. */
const MIN_TAIL_COVERAGE = 0.5;

export type SearchIndex = ReturnType<typeof buildSearchIndex>;

/** Build the index. Records with a duplicate code keep the first. */
export function buildSearchIndex(records: ReadonlyArray<CatalogProcedure>) {
  const docs: Doc[] = [];
  const byCode = new Map<string, Doc>();
  const everyday = new Set(EVERYDAY);
  for (const record of records) {
    if (byCode.has(record.code)) continue;
    const tf = new Map<string, number>();
    const unigrams = new Set<string>();
    let length = 0;
    const add = (text: string, weight: number) => {
      const toks = expandSynonyms(tokenize(text.replace(/^thủ tục\s+/i, ''))).tokens;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        unigrams.add(t);
        tf.set(t, (tf.get(t) ?? 0) + weight);
        if (i + 1 < toks.length) {
          const bg = `${t} ${toks[i + 1]}`;
          tf.set(bg, (tf.get(bg) ?? 0) + weight);
        }
      }
      length += toks.length * weight;
    };
    add(record.name, FIELD_WEIGHTS.name);
    for (const r of record.results) add(r.name, FIELD_WEIGHTS.results);
    add(record.field, FIELD_WEIGHTS.field);
    const commune = record.levels.includes('commune');
    const prior = 1 + (commune ? 0.25 : 0) + (everyday.has(record.code) ? 0.35 : 0);
    const doc: Doc = {
      record,
      code: record.code,
      tf,
      unigrams,
      length,
      prior,
      qualifiers: QUALIFIERS.flatMap((q, k) =>
        ` ${tokenize(record.name).join(' ')} `.includes(` ${q.inName} `) ? [k] : [],
      ),
    };
    docs.push(doc);
    byCode.set(record.code, doc);
  }

  const N = docs.length;
  const postings = new Map<string, Array<{ doc: number; tf: number }>>();
  docs.forEach((d, i) => {
    for (const [term, f] of d.tf) {
      const list = postings.get(term);
      if (list) list.push({ doc: i, tf: f });
      else postings.set(term, [{ doc: i, tf: f }]);
    }
  });
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, N);
  const norms = Float64Array.from(docs, (d) => K1 * (1 - B + (B * d.length) / avgLength));
  const docIndex = new Map(docs.map((d, i) => [d.code, i]));
  const idf = (term: string) => {
    const df = postings.get(term)?.length ?? 0;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };
  const maxIdf = Math.log(1 + (N + 0.5) / 0.5);

  // Vocabulary for typo correction: catalog words (with document frequency) plus the words of curated rules.
  const catalogVocab = new Map<string, number>();
  for (const [term, list] of postings) if (!term.includes(' ')) catalogVocab.set(term, list.length);
  const compiledIntents: CompiledIntent[] = INTENTS.map((it: Intent) => ({
    id: it.id,
    patterns: it.patterns.map((p) => expandSynonyms(tokenize(p)).tokens),
    unless: (it.unless ?? []).map((p) => expandSynonyms(tokenize(p)).tokens),
    codes: it.codes.filter((c) => docIndex.has(c)),
  })).filter((it) => it.codes.length > 0);
  const knownWords = new Set<string>([...catalogVocab.keys(), ...synonymVocabulary(), ...STOPWORDS]);
  for (const it of compiledIntents)
    for (const p of [...it.patterns, ...it.unless]) for (const w of p) knownWords.add(w);
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
    // Matched intents, the most specific (longest matching pattern) first.
    const intents = compiledIntents
      .flatMap((it) => {
        if (it.unless.some((u) => containsSequence(tokens, u))) return [];
        const len = Math.max(0, ...it.patterns.filter((p) => matchesInOrder(tokens, p)).map((p) => p.length));
        return len > 0 ? [{ ...it, specificity: len }] : [];
      })
      .sort((x, y) => y.specificity - x.specificity);
    // Keep a stopword only when it forms a catalog pair with a neighbour ("dang ky", "the can cuoc", "ban sao").
    const keep = tokens.map((t, i) => {
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
    return { tokens, unigrams, bigrams, corrections, intents, guessed };
  }

  function passes(d: Doc, f: SearchFilters): boolean {
    if (f.level && !d.record.levels.includes(f.level)) return false;
    if (f.field && d.record.field !== f.field) return false;
    if (f.codes && !f.codes.has(d.code)) return false;
    return true;
  }

  function search(query: string, options: SearchOptions = {}): SearchOutcome {
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    const a = analyse(query);
    const uniq = [...new Set(a.unigrams)];
    const scores = new Float64Array(N);
    const touched: number[] = [];
    const addTerm = (term: string, weight: number) => {
      const list = postings.get(term);
      if (!list) return;
      const w = weight * idf(term) * (K1 + 1);
      for (const p of list) {
        if (scores[p.doc] === 0) touched.push(p.doc);
        scores[p.doc]! += (w * p.tf) / (p.tf + norms[p.doc]!);
      }
    };
    const counts = new Map<string, number>();
    for (const t of a.unigrams) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) addTerm(t, Math.min(n, 2));
    // Share of the query's idf weight each document holds, accumulated from the same postings.
    const covered = new Float64Array(N);
    for (const t of counts.keys()) {
      const list = postings.get(t);
      if (!list) continue;
      const w = idf(t) * (a.guessed.has(t) ? CORRECTED_WEIGHT : 1);
      for (const p of list) covered[p.doc]! += w;
    }
    for (const bg of new Set(a.bigrams)) addTerm(bg, BIGRAM_WEIGHT);

    const idfTotal = uniq.reduce((s, t) => s + (postings.has(t) ? idf(t) : maxIdf), 0);
    const coverageAt = (i: number) => (idfTotal === 0 ? 0 : covered[i]! / idfTotal);
    // Confidence of a word match: coverage, discounted when the query's neighbouring words never occur together.
    const pairs = [...new Set(a.unigrams.slice(1).map((t, i) => `${a.unigrams[i]} ${t}`))];
    const confidenceOf = (d: Doc, coverage: number) => {
      if (pairs.length === 0) return coverage;
      const together = pairs.filter((p) => d.tf.has(p)).length / pairs.length;
      return coverage * (0.5 + 0.5 * together);
    };
    const mentioned = a.tokens.join(' ');
    const factors = QUALIFIERS.map((q) => (mentioned.includes(q.inQuery) ? 1 : q.factor));

    type Hit = { doc: number; score: number; matchedBy: ScoredProcedure['matchedBy'] };
    const hits = new Map<number, Hit>();
    let best = 0;
    for (const i of touched) {
      const d = docs[i]!;
      if (!passes(d, options)) continue;
      let score = scores[i]! * d.prior;
      for (const q of d.qualifiers) score *= factors[q]!;
      if (score > best) best = score;
      hits.set(i, { doc: i, score, matchedBy: 'text' });
    }

    // Curated phrases: their procedures go first, the most specific phrase first, codes in the order listed.
    const boosted = new Map<number, number>();
    a.intents.forEach((it, k) => {
      it.codes.forEach((c, pos) => {
        const i = docIndex.get(c)!;
        const bonus = (best + 1) * (1 - 0.02 * k - 0.05 * pos);
        if ((boosted.get(i) ?? 0) < bonus) boosted.set(i, bonus);
      });
    });
    for (const [i, bonus] of boosted) {
      if (!passes(docs[i]!, options)) continue;
      const h = hits.get(i);
      hits.set(i, { doc: i, score: (h?.score ?? 0) + bonus, matchedBy: 'phrase' });
    }

    // Codes: an exact code first, then code prefixes ("1.0011", "001193").
    for (const t of a.tokens) {
      const exact = isProcedureCodeToken(t) ? (docIndex.get(t) ?? docIndex.get(t.toUpperCase())) : undefined;
      if (exact !== undefined) {
        if (passes(docs[exact]!, options)) hits.set(exact, { doc: exact, score: 1e6, matchedBy: 'code' });
      } else if (looksLikeCodePrefix(t)) {
        docs.forEach((d, i) => {
          if ((d.code.startsWith(t) || d.code.slice(2).startsWith(t)) && passes(d, options)) {
            hits.set(i, { doc: i, score: Math.max(hits.get(i)?.score ?? 0, 1e5 * d.prior), matchedBy: 'code' });
          }
        });
      }
    }

    // The long tail: once some procedure contains every word asked, drop text matches that contain less than
    // half of the query's weight ("khai sinh" should not list "khai thác tài nguyên nước").
    const coverageByDoc = new Map<number, number>();
    let fullMatches = 0;
    for (const h of hits.values()) {
      if (h.matchedBy !== 'text') continue;
      const c = coverageAt(h.doc);
      coverageByDoc.set(h.doc, c);
      if (c >= 0.999) fullMatches++;
    }
    const kept = [...hits.values()].filter(
      (h) => h.matchedBy !== 'text' || fullMatches === 0 || (coverageByDoc.get(h.doc) ?? 0) >= MIN_TAIL_COVERAGE,
    );
    const sorted = kept.sort((x, y) => y.score - x.score || x.doc - y.doc);
    const items = sorted.slice(offset, offset + limit).map((h): ScoredProcedure => {
      const d = docs[h.doc]!;
      const coverage = h.matchedBy === 'code' ? 1 : coverageAt(h.doc);
      const confidence =
        h.matchedBy === 'code'
          ? h.score >= 1e6
            ? 1
            : CODE_PREFIX_CONFIDENCE
          : h.matchedBy === 'phrase'
            ? Math.max(PHRASE_CONFIDENCE, confidenceOf(d, coverage))
            : confidenceOf(d, coverage);
      return { record: d.record, score: h.score, coverage, confidence, matchedBy: h.matchedBy };
    });
    return {
      understood: a.unigrams.join(' '),
      corrections: a.corrections,
      intents: a.intents.map((i) => i.id),
      termCount: uniq.length,
      fullMatches,
      total: sorted.length,
      items,
    };
  }

  return {
    size: N,
    search,
    /** The record of a code, if indexed. */
    findRecord(code: string): CatalogProcedure | undefined {
      return byCode.get(code)?.record;
    },
    /** Curated follow-up procedures of a code that exist in the index. */
    followUps(code: string): CatalogProcedure[] {
      return (FOLLOW_UPS[code] ?? []).flatMap((c) => (byCode.has(c) ? [byCode.get(c)!.record] : []));
    },
    /** All procedure fields, for a filter list. */
    fields(): string[] {
      return [...new Set(docs.map((d) => d.record.field))].sort((x, y) => x.localeCompare(y, 'vi'));
    },
  };
}

/** Every word of `pattern` appears in `tokens` in order, with at most 3 other words between two of them. */
function matchesInOrder(tokens: ReadonlyArray<string>, pattern: ReadonlyArray<string>): boolean {
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

function containsSequence(tokens: ReadonlyArray<string>, seq: ReadonlyArray<string>): boolean {
  if (seq.length === 0) return false;
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

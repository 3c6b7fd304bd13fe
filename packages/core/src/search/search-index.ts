import type { CatalogProcedure, ProcedureLevel, SearchCorrection } from '@mot-cua/contracts';
import { EVERYDAY, FOLLOW_UPS, INTENTS, type Intent } from './phrases.js';
import {
  CUE_WORDS,
  type Cues,
  cueFactor,
  cueKey,
  levelCue,
  negationFactor,
  type QueryCues,
  queryCues,
  recordCues,
} from './query-cues.js';
import {
  B,
  BIGRAM_WEIGHT,
  BRIDGE_WEIGHT,
  CODE_PREFIX_CONFIDENCE,
  CORRECTED_WEIGHT,
  EXTRA_WEIGHTS,
  FIELD_WEIGHTS,
  FULL_COVERAGE,
  K1,
  LEVEL_ASKER,
  LEVEL_NAMED,
  MAX_HINT_SHARE,
  MAX_PHRASE_RESIDUAL,
  MIN_PHRASE_CUE_FACTOR,
  MIN_TAIL_COVERAGE,
  NAME_SPECIFICITY,
  NUMBER_WEIGHT,
  PHRASE_CONFIDENCE,
  PHRASE_FIT_MAX,
  PHRASE_YIELD_COVERAGE,
  PHRASE_YIELD_LEAD,
  QUALIFIERS,
} from './ranking-weights.js';
import { expandSynonyms, synonymVocabulary } from './synonyms.js';
import {
  containsSequence,
  editDistance,
  isProcedureCodeToken,
  looksLikeCodePrefix,
  matchesInOrder,
  STOP_BIGRAMS,
  STOPWORDS,
  tokenize,
} from './text.js';
import { findBridges, THESAURUS } from './thesaurus.js';

/**
 * An in-memory index over catalog records, built once at start-up: BM25F over the procedure name, result
 * names and field, on folded syllables and syllable pairs; abbreviations and everyday words rewritten;
 * unknown words corrected against the catalog's vocabulary (Damerau-Levenshtein, with neighbour context);
 * curated everyday phrases; a prior so everyday commune procedures come first. Pure and deterministic.
 */

export type SearchFilters = {
  level?: ProcedureLevel | undefined;
  /**
   * The level of the unit asking (a commune's or a province's portal): procedures of that level are preferred,
   * lightly; a level the question names itself ("UBND tỉnh", "cấp xã") weighs more.
   */
  askerLevel?: 'province' | 'commune' | undefined;
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
  /** Intent and subject cues of the name (query-cues.ts). */
  cues: Cues;
  cueKey: string;
  nameWords: Set<string>;
};

type CompiledIntent = { id: string; patterns: string[][]; unless: string[][]; codes: string[] };

export type SearchIndex = ReturnType<typeof buildSearchIndex>;

/** Build the index. Records with a duplicate code keep the first. */
export function buildSearchIndex(records: ReadonlyArray<CatalogProcedure>) {
  const docs: Doc[] = [];
  const hintsOf: Array<Map<string, number>> = [];
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
    // The rest of the record (who applies, conditions, documents) adds words to score with, lightly, but neither
    // to the length nor to what the record is said to cover (a word found only among the documents is a hint).
    const hints = new Map<string, number>();
    const hint = (text: string | null, weight: number) => {
      if (!text) return;
      for (const t of new Set(expandSynonyms(tokenize(text)).tokens)) {
        if (STOPWORDS.has(t) || t.length < 2) continue;
        hints.set(t, (hints.get(t) ?? 0) + weight);
      }
    };
    hint(record.applicantTypes.join(' '), EXTRA_WEIGHTS.applicants);
    hint(record.conditions?.slice(0, 2000) ?? null, EXTRA_WEIGHTS.conditions);
    hint(record.components.map((c) => c.name).join(' '), EXTRA_WEIGHTS.components);
    const commune = record.levels.includes('commune');
    const prior = 1 + (commune ? 0.25 : 0) + (everyday.has(record.code) ? 0.35 : 0);
    const rawName = tokenize(record.name);
    const expandedName = expandSynonyms(rawName).tokens;
    const a = recordCues(rawName);
    const b = recordCues(expandedName);
    const doc: Doc = {
      record,
      code: record.code,
      tf,
      unigrams,
      length,
      prior,
      cues: { intents: new Set([...a.intents, ...b.intents]), subjects: new Set([...a.subjects, ...b.subjects]) },
      cueKey: '',
      nameWords: new Set([...rawName, ...expandedName]),
      qualifiers: QUALIFIERS.flatMap((q, k) =>
        ` ${tokenize(record.name).join(' ')} `.includes(` ${q.inName} `) ? [k] : [],
      ),
    };
    doc.cueKey = cueKey(doc.cues);
    docs.push(doc);
    hintsOf.push(hints);
    byCode.set(record.code, doc);
  }

  const N = docs.length;
  // Hint words common to many records ("đơn", "bản sao", "giấy") tell nothing and would lengthen every posting
  // list: only the rarer ones are kept.
  const hintDf = new Map<string, number>();
  for (const h of hintsOf) for (const t of h.keys()) hintDf.set(t, (hintDf.get(t) ?? 0) + 1);
  docs.forEach((d, i) => {
    for (const [t, w] of hintsOf[i]!) {
      if ((hintDf.get(t) ?? 0) <= N * MAX_HINT_SHARE) d.tf.set(t, (d.tf.get(t) ?? 0) + w);
    }
  });
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
  const docsWithCue = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const c of [...d.cues.intents, ...d.cues.subjects]) docsWithCue.set(c, [...(docsWithCue.get(c) ?? []), i]);
  });
  // Variants of a procedure: same field, and the name holds every word of its name ("đăng ký kết hôn lưu động").
  const nameSets = docs.map((d) => new Set(tokenize(d.record.name).filter((w) => w !== 'thu' && w !== 'tuc')));
  // Each name's words other than stopwords as ids (stopwords count as asked), for `nameAsked`: typed arrays, as
  // it runs for every procedure a question touches.
  const nameWordId = new Map<string, number>();
  const nameContent = nameSets.map((set) =>
    Int32Array.from(
      [...set].filter((w) => !STOPWORDS.has(w)),
      (w) => nameWordId.get(w) ?? nameWordId.set(w, nameWordId.size).get(w)!,
    ),
  );
  const nameStops = nameSets.map((set, i) => set.size - nameContent[i]!.length);
  const byNameWord = new Map<string, number[]>();
  nameSets.forEach((set, i) => {
    for (const w of set) {
      const list = byNameWord.get(w);
      if (list) list.push(i);
      else byNameWord.set(w, [i]);
    }
  });
  const familyOf = docs.map((d, i) => {
    const words = [...nameSets[i]!];
    if (words.length === 0) return [];
    const rarest = words.reduce((x, y) => (byNameWord.get(y)!.length < byNameWord.get(x)!.length ? y : x));
    return byNameWord
      .get(rarest)!
      .filter((j) => j !== i && docs[j]!.record.field === d.record.field && words.every((w) => nameSets[j]!.has(w)));
  });

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
    return { tokens, unigrams, bigrams, corrections, intents, guessed, cues, bridges };
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
    // Administrative terms bridged from everyday words, beside them at a lower weight.
    const bridgeTerms = new Set<string>();
    for (const alts of a.bridges.values())
      for (const alt of alts) {
        alt.forEach((w, k) => {
          if (!counts.has(w) && !STOPWORDS.has(w)) bridgeTerms.add(w);
          if (k > 0) bridgeTerms.add(`${alt[k - 1]} ${w}`);
        });
      }
    for (const t of bridgeTerms) addTerm(t, t.includes(' ') ? BRIDGE_WEIGHT * BIGRAM_WEIGHT : BRIDGE_WEIGHT);
    // Share of the query's idf weight each document holds, accumulated from postings: a word counts once per
    // document, found itself or through one of its bridged administrative terms (all of whose words it holds).
    const covered = new Float64Array(N);
    const stamp = new Int32Array(N).fill(-1);
    const weightOf = (t: string) => {
      if (postings.has(t)) return idf(t);
      const alts = a.bridges.get(t);
      if (!alts) return maxIdf;
      return Math.max(...alts.map((alt) => Math.max(...alt.map((w) => (postings.has(w) ? idf(w) : 0)))));
    };
    let idfTotal = 0;
    [...counts.keys()].forEach((t, k) => {
      // A number in a question is mostly a detail (an age, a month, a year): it weighs little.
      const full = weightOf(t) * (/^\d+$/.test(t) ? NUMBER_WEIGHT : 1);
      const w = full * (a.guessed.has(t) ? CORRECTED_WEIGHT : 1);
      idfTotal += full;
      const credit = (doc: number) => {
        if (stamp[doc] === k) return;
        stamp[doc] = k;
        covered[doc]! += w;
      };
      for (const p of postings.get(t) ?? []) if (docs[p.doc]!.unigrams.has(t)) credit(p.doc);
      // A word that only marks a cue ("người Pháp", "chưa khởi công") is accounted for by a procedure with that cue.
      for (const [cue, words] of a.cues.words) {
        if (!words.has(t)) continue;
        for (const doc of docsWithCue.get(cue) ?? []) credit(doc);
      }
      for (const alt of a.bridges.get(t) ?? []) {
        const head = (alt.length > 1 && postings.get(`${alt[0]} ${alt[1]}`)) || postings.get(alt[0]!) || [];
        for (const p of head) if (alt.every((x) => docs[p.doc]!.unigrams.has(x))) credit(p.doc);
      }
    });
    for (const bg of new Set(a.bigrams)) addTerm(bg, BIGRAM_WEIGHT);

    const coverageAt = (i: number) => (idfTotal === 0 ? 0 : Math.min(1, covered[i]! / idfTotal));
    // Confidence of a word match: coverage, discounted when the query's neighbouring words never occur together.
    const pairs = [...new Set(a.unigrams.slice(1).map((t, i) => `${a.unigrams[i]} ${t}`))];
    const confidenceOf = (d: Doc, coverage: number) => {
      if (pairs.length === 0) return coverage;
      const together = pairs.filter((p) => d.tf.has(p)).length / pairs.length;
      return coverage * (0.5 + 0.5 * together);
    };
    const cueCache = new Map<string, number>();
    const negating = a.cues.negated.length > 0;
    const cueOf = (d: Doc) => {
      let f = cueCache.get(d.cueKey);
      if (f === undefined) {
        f = cueFactor(a.cues, d.cues);
        cueCache.set(d.cueKey, f);
      }
      return negating ? f * negationFactor(a.cues, (w) => d.nameWords.has(w)) : f;
    };
    const mentioned = a.tokens.join(' ');
    const named = levelCue(a.tokens);
    const level = named ?? options.askerLevel;
    const [agree, other] = named ? LEVEL_NAMED : LEVEL_ASKER;
    const levelOf = (d: Doc) => (!level ? 1 : d.record.levels.includes(level) ? agree : other);
    const factors = QUALIFIERS.map((q) => (mentioned.includes(q.inQuery) ? 1 : q.factor));
    /** Cues and qualifiers together: how well the special case a procedure names fits the question. */
    const specialOf = (d: Doc) => {
      let f = cueOf(d) * levelOf(d);
      for (const q of d.qualifiers) f *= factors[q]!;
      return f;
    };

    /** Share of a procedure's name words the question holds (itself or bridged): a name's unasked parts weigh. */
    const askedIds = new Uint8Array(nameWordId.size);
    for (const w of [...counts.keys(), ...bridgeTerms]) {
      const id = nameWordId.get(w);
      if (id !== undefined) askedIds[id] = 1;
    }
    const nameAsked = (i: number) => {
      const ids = nameContent[i]!;
      const size = ids.length + nameStops[i]!;
      if (size === 0) return 1;
      let asked = nameStops[i]!;
      for (let k = 0; k < ids.length; k++) asked += askedIds[ids[k]!]!;
      return asked / size;
    };
    type Hit = { doc: number; score: number; matchedBy: ScoredProcedure['matchedBy'] };
    /**
     * Scores before the coverage and name scaling: a curated phrase's procedures are ranked among themselves on
     * these (the phrase says what the question means; the order of its codes is curated).
     */
    const unscaled = new Map<number, number>();
    const hits = new Map<number, Hit>();
    let best = 0;
    for (const i of touched) {
      const d = docs[i]!;
      if (!passes(d, options)) continue;
      const held = Math.min(1, coverageAt(i) / FULL_COVERAGE);
      const raw = scores[i]! * d.prior * specialOf(d);
      const score = raw * held * (1 - NAME_SPECIFICITY + NAME_SPECIFICITY * nameAsked(i));
      unscaled.set(i, raw);
      if (score > best) best = score;
      hits.set(i, { doc: i, score, matchedBy: 'text' });
    }

    // Curated phrases: their procedures go first, the most specific phrase first, codes in the order listed.
    // A phrase gives way when the rest of the question points elsewhere or its cues contradict the procedure.
    const complete = [...hits.keys()].filter((i) => coverageAt(i) >= 0.999);
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
      for (const i of hits.keys()) {
        if (own.has(i) || coverageAt(i) <= c || specialOf(docs[i]!) < MIN_PHRASE_CUE_FACTOR) continue;
        if (patterns.some((p) => holds(i, p))) c = coverageAt(i);
      }
      return c;
    };
    /** How sure each boosted procedure's phrase is: less when cues or other words are left unexplained. */
    const phraseSure = new Map<number, number>();
    a.intents.forEach((it, k) => {
      const own = new Set(it.codes.flatMap((c) => [docIndex.get(c)!, ...familyOf[docIndex.get(c)!]!]));
      const ownCovers = [...own].some((i) => coverageAt(i) >= 0.999);
      if (!ownCovers && it.matched.every((p) => literal(p, own))) return;
      const words = new Set(it.matched.flat());
      // (phrases of two words or more, found word for word in the question, held in the other procedure's name)
      const plain = it.matched.filter((p) => p.length > 1 && containsSequence(a.tokens, p));
      const bestTextCoverage = outsideCoverage(new Set(it.codes.map((c) => docIndex.get(c)!)), plain);
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
        const residual = [...counts.keys()]
          .filter((t) => postings.has(t) && !words.has(t) && !d.unigrams.has(t) && !CUE_WORDS.has(t))
          .reduce((sum, t) => sum + weightOf(t), 0);
        if (it.gapped && idfTotal > 0 && residual / idfTotal > MAX_PHRASE_RESIDUAL) return;
        const outcovered = bestTextCoverage - coverageAt(i);
        if (bestTextCoverage >= PHRASE_YIELD_COVERAGE && outcovered >= PHRASE_YIELD_LEAD) return;
        // The special case the question names (lưu động, foreign element) counts among the phrase's procedures too.
        const fit = Math.min(PHRASE_FIT_MAX, Math.max(MIN_PHRASE_CUE_FACTOR, specialOf(d)));
        const bonus = (best + 1) * (1 - 0.02 * k - 0.05 * pos) * fit;
        if ((boosted.get(i) ?? 0) < bonus) boosted.set(i, bonus);
        const sure = PHRASE_CONFIDENCE * gate * (1 - (idfTotal > 0 ? residual / idfTotal : 0));
        phraseSure.set(i, Math.max(phraseSure.get(i) ?? 0, sure));
      });
    });
    for (const [i, bonus] of boosted) {
      if (!passes(docs[i]!, options)) continue;
      const h = hits.get(i);
      hits.set(i, { doc: i, score: (unscaled.get(i) ?? h?.score ?? 0) + bonus, matchedBy: 'phrase' });
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
            ? Math.max(phraseSure.get(h.doc) ?? PHRASE_CONFIDENCE, confidenceOf(d, coverage))
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

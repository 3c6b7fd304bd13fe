import type { CatalogProcedure } from '@mot-cua/contracts';
import { conversionFactor, conversionSource } from './conversion.js';
import { buildFieldModel } from './field-model.js';
import { buildIndexTables, type Doc } from './index-tables.js';
import { curatedPhraseBoosts } from './phrase-boost.js';
import { FOLLOW_UPS } from './phrases.js';
import { createQueryAnalyser } from './query-analysis.js';
import { cueFactor, levelCue, negationFactor } from './query-cues.js';
import {
  BIGRAM_WEIGHT,
  BRIDGE_WEIGHT,
  CODE_PREFIX_CONFIDENCE,
  CONVERSION,
  CORRECTED_WEIGHT,
  FIELD_MODEL_ALPHA,
  FIELD_MODEL_FLOOR,
  FIELD_MODEL_MU,
  FULL_COVERAGE,
  K1,
  LEVEL_ASKER,
  LEVEL_NAMED,
  MIN_TAIL_COVERAGE,
  NAME_EXCLUDES,
  NAME_SPECIFICITY,
  NUMBER_WEIGHT,
  PHRASE_CONFIDENCE,
  QUALIFIERS,
  VARIANT_UNASKED,
} from './ranking-weights.js';
import type { ScoredProcedure, SearchFilters, SearchOptions, SearchOutcome } from './search-types.js';
import { isProcedureCodeToken, looksLikeCodePrefix, STOPWORDS } from './text.js';

export type { ScoredProcedure, SearchFilters, SearchOptions, SearchOutcome } from './search-types.js';

/**
 * An in-memory index over catalog records, built once at start-up: BM25F over the procedure name, result
 * names and field, on folded syllables and syllable pairs; abbreviations and everyday words rewritten;
 * unknown words corrected against the catalog's vocabulary (Damerau-Levenshtein, with neighbour context);
 * curated everyday phrases; a prior so everyday commune procedures come first. Pure and deterministic.
 */

export type SearchIndex = ReturnType<typeof buildSearchIndex>;

/** Build the index (index-tables.ts); questions are read by query-analysis.ts. Records with a duplicate code keep the first. */
export function buildSearchIndex(records: ReadonlyArray<CatalogProcedure>) {
  const tables = buildIndexTables(records);
  const { N, docs, byCode, postings, norms, docIndex, idf, maxIdf, docsWithCue, nameWordId, nameContent, nameStops } =
    tables;
  const { variantWordId, variantExtraIds } = tables;
  const analyse = createQueryAnalyser(tables);
  const fieldModel = buildFieldModel(docs, {
    mu: FIELD_MODEL_MU,
    alpha: FIELD_MODEL_ALPHA,
    floor: FIELD_MODEL_FLOOR,
    bridgeWeight: BRIDGE_WEIGHT,
  });

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
    // Which fields the question's words are most likely about (field-model.ts), as a factor per procedure.
    const fieldFactor = fieldModel.factors(
      [...counts.keys()].filter((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t)),
      [...bridgeTerms].filter((t) => !t.includes(' ')),
    );
    const mentioned = a.tokens.join(' ');
    const named = levelCue(a.tokens);
    const level = named ?? options.askerLevel;
    const [agree, other] = named ? LEVEL_NAMED : LEVEL_ASKER;
    const levelOf = (d: Doc) => (!level ? 1 : d.record.levels.includes(level) ? agree : other);
    const factors = QUALIFIERS.map((q) => (mentioned.includes(q.inQuery) ? 1 : q.factor));
    const converting = conversionSource(a.tokens);
    /** A variant none of whose added words the question asks, while its base procedure exists (index-tables.ts). */
    const said = new Uint8Array(variantWordId.size);
    for (const w of [...a.tokens, ...bridgeTerms]) {
      const id = variantWordId.get(w);
      if (id !== undefined) said[id] = 1;
    }
    const unaskedVariant = (i: number) => {
      for (const extra of variantExtraIds[i]!) {
        let asked = false;
        for (let k = 0; k < extra.length && !asked; k++) asked = said[extra[k]!] === 1;
        if (!asked) return VARIANT_UNASKED;
      }
      return 1;
    };
    const excludedOf = (d: Doc) => (d.excludes.some((x) => a.askedPairs.has(x)) ? NAME_EXCLUDES : 1);
    /** Cues and qualifiers together: how well the special case a procedure names fits the question. */
    const specialOf = (d: Doc) => {
      let f = cueOf(d) * levelOf(d) * excludedOf(d) * conversionFactor(converting, d.converts, CONVERSION);
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
      const raw = scores[i]! * d.prior * specialOf(d) * fieldFactor(i) * unaskedVariant(i);
      const score = raw * held * (1 - NAME_SPECIFICITY + NAME_SPECIFICITY * nameAsked(i));
      unscaled.set(i, raw);
      if (score > best) best = score;
      hits.set(i, { doc: i, score, matchedBy: 'text' });
    }

    const { boosted, phraseSure } = curatedPhraseBoosts({
      tables,
      a,
      hitDocs: [...hits.keys()],
      words: [...counts.keys()],
      coverageAt,
      specialOf,
      weightOf,
      idfTotal,
      best,
      namedLevel: named,
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

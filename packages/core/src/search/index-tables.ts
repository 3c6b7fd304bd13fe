import type { CatalogProcedure } from '@mot-cua/contracts';
import { conversionSource } from './conversion.js';
import { EVERYDAY } from './phrases.js';
import { type Cues, cueKey, ENTITY_CUES, fieldEntityCues, recordCues } from './query-cues.js';
import { B, COMMUNE_PRIOR, EXTRA_WEIGHTS, FIELD_WEIGHTS, K1, MAX_HINT_SHARE, QUALIFIERS } from './ranking-weights.js';
import { expandSynonyms } from './synonyms.js';
import { STOPWORDS, tokenize } from './text.js';

/**
 * The index's tables, built once from the catalog records (search-index.ts searches them): each record's weighted
 * terms (BM25F over name, results and field on folded syllables and syllable pairs, plus the rarer words of its
 * applicants, conditions and documents), postings, length norms, cues, and the name tables used to tell variants
 * of one procedure apart (families, name words as ids).
 */

export type Doc = {
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
  /** Word pairs the name excludes ("… không phải xin phép"): a question asking for them means another procedure. */
  excludes: string[];
  /** What the name converts ("chuyển đổi … thành …"; conversion.ts), or null. */
  converts: ReadonlySet<string> | null;
};

/**
 * The word pairs a name puts after "không" / "không phải" ("chuyển mục đích sử dụng đất không phải xin phép", "giao
 * đất không đấu giá"): the case the procedure is not about.
 */
export function nameExclusions(nameTokens: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  nameTokens.forEach((t, i) => {
    if (t !== 'khong') return;
    let k = i + 1;
    while (k < nameTokens.length && (nameTokens[k] === 'phai' || nameTokens[k] === 'qua' || nameTokens[k] === 'thong'))
      k++;
    if (k + 1 < nameTokens.length) out.push(`${nameTokens[k]} ${nameTokens[k + 1]}`);
  });
  return out;
}

/** Build the tables. Records with a duplicate code keep the first. */
export function buildIndexTables(records: ReadonlyArray<CatalogProcedure>) {
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
    const prior = 1 + (commune ? COMMUNE_PRIOR : 0) + (everyday.has(record.code) ? 0.35 : 0);
    const rawName = tokenize(record.name);
    const expandedName = expandSynonyms(rawName).tokens;
    const a = recordCues(rawName);
    const b = recordCues(expandedName);
    const subjects = new Set([...a.subjects, ...b.subjects]);
    // A name that names no kind of business takes it from its field (query-cues.ts, fieldEntityCues).
    if (!ENTITY_CUES.some((c) => subjects.has(c)))
      for (const c of fieldEntityCues(tokenize(record.field))) subjects.add(c);
    const doc: Doc = {
      record,
      code: record.code,
      tf,
      unigrams,
      length,
      prior,
      cues: { intents: new Set([...a.intents, ...b.intents]), subjects },
      cueKey: '',
      nameWords: new Set([...rawName, ...expandedName]),
      excludes: nameExclusions(rawName),
      converts: conversionSource(expandedName, false),
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
  // The words each variant adds to a base procedure of its family ("… cho chi nhánh của …" over "Đăng ký hoạt động
  // của Trung tâm tư vấn pháp luật"); a variant that differs only by stopwords is none.
  const variantExtras: string[][][] = docs.map(() => []);
  familyOf.forEach((variants, base) => {
    for (const v of variants) {
      const extra = [...nameSets[v]!].filter((w) => !nameSets[base]!.has(w));
      if (extra.some((w) => !STOPWORDS.has(w))) variantExtras[v]!.push(extra);
    }
  });
  // The same as ids (stopwords included: a question's "cơ sở" asks for "… đối với cơ sở …"), checked per question
  // for every procedure it touches.
  const variantWordId = new Map<string, number>();
  const variantExtraIds = variantExtras.map((lists) =>
    lists.map((extra) =>
      Int32Array.from(extra, (w) => variantWordId.get(w) ?? variantWordId.set(w, variantWordId.size).get(w)!),
    ),
  );
  return {
    N,
    docs,
    variantExtras,
    variantWordId,
    variantExtraIds,
    byCode,
    postings,
    norms,
    docIndex,
    idf,
    maxIdf,
    docsWithCue,
    nameSets,
    nameWordId,
    nameContent,
    nameStops,
    familyOf,
  };
}

export type IndexTables = ReturnType<typeof buildIndexTables>;

import { expandSynonyms } from './synonyms.js';
import { STOPWORDS, tokenize } from './text.js';

/** A published feedback answer, findable by search and by the assistant as an FAQ card. */
export type FaqEntry = Readonly<{
  code: string;
  /** question, complaint, suggestion or report. */
  kind: string;
  question: string;
  answer: string;
  field: string | null;
  unitName: string | null;
  publishedAt: string;
}>;

export type FaqHit = FaqEntry & Readonly<{ score: number; coverage: number }>;

const K1 = 1.2;
const B = 0.75;
const QUESTION_WEIGHT = 2;

const terms = (s: string) => expandSynonyms(tokenize(s)).tokens.filter((t) => !STOPWORDS.has(t));

/**
 * A small BM25 index over published answers (question counted twice, answer and field once), with the catalog
 * search's folding and synonyms, so "lam giay khai sinh" finds a published answer about "giấy khai sinh".
 * `coverage` is the share of the query's distinct terms the entry contains; the assistant shows an FAQ card
 * only from a minimum coverage.
 */
export function buildFaqIndex(entries: ReadonlyArray<FaqEntry>) {
  const docs = entries.map((e) => {
    const tf = new Map<string, number>();
    const add = (text: string, w: number) => {
      for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + w);
    };
    add(e.question, QUESTION_WEIGHT);
    add(e.answer, 1);
    if (e.field) add(e.field, 1);
    let length = 0;
    for (const v of tf.values()) length += v;
    return { entry: e, tf, length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };

  return {
    size: docs.length,
    search(query: string, opts: { limit?: number; offset?: number; field?: string | undefined } = {}) {
      const q = [...new Set(terms(query))];
      const pool = opts.field ? docs.filter((d) => d.entry.field === opts.field) : docs;
      const scored: FaqHit[] = [];
      for (const d of pool) {
        if (q.length === 0) {
          scored.push({ ...d.entry, score: 0, coverage: 0 });
          continue;
        }
        let score = 0;
        let matched = 0;
        let weightAll = 0;
        for (const t of q) {
          const w = idf(t);
          weightAll += w;
          const f = d.tf.get(t);
          if (!f) continue;
          matched += w;
          score += (w * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / (avg || 1)));
        }
        if (score > 0) scored.push({ ...d.entry, score, coverage: weightAll ? matched / weightAll : 0 });
      }
      scored.sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt));
      const offset = opts.offset ?? 0;
      return { total: scored.length, items: scored.slice(offset, offset + (opts.limit ?? 20)) };
    },
  };
}
export type FaqIndex = ReturnType<typeof buildFaqIndex>;

/** Least coverage of the question's words for a published answer to be offered by the assistant. */
export const FAQ_CARD_MIN_COVERAGE = 0.5;

/** The assistant's FAQ cards for a question: at most `limit`, each covering enough of the question. */
export function faqCards(index: FaqIndex, question: string, limit = 3): FaqHit[] {
  return index.search(question, { limit }).items.filter((h) => h.coverage >= FAQ_CARD_MIN_COVERAGE);
}

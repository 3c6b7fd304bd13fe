import type { AnswerBody, Answerer, AnswerOptions } from './assistant.js';
import { answerFromOutcome } from './assistant.js';
import type { ScoredProcedure, SearchIndex } from './search-index.js';

/**
 * Sentence embeddings from somewhere (an ONNX model run in process by the api, a fake in tests). Vectors are
 * compared by cosine similarity, so they need not be normalised.
 */
export interface Embedder {
  readonly name: string;
  embed(texts: ReadonlyArray<string>): Promise<Float32Array[]>;
}

export type RerankOptions = {
  /** How many of the index's candidates are reranked. */
  depth?: number;
  /** Share of the final score given to semantic similarity (the rest: the index's score, scaled to the best). */
  weight?: number;
  /**
   * Text put before the question / before each procedure name when embedded, for models trained with such
   * markers (the e5 models: "query: " and "passage: "). None by default.
   */
  queryPrefix?: string;
  passagePrefix?: string;
};

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * An answerer that reranks the index's first candidates by the semantic similarity of the question to each
 * procedure's name, behind the same `Answerer` interface. Names are embedded once and kept.
 */
export function createRerankingAnswerer(index: SearchIndex, embedder: Embedder, opts: RerankOptions = {}): Answerer {
  const depth = opts.depth ?? 8;
  const weight = opts.weight ?? 0.5;
  const queryPrefix = opts.queryPrefix ?? '';
  const passagePrefix = opts.passagePrefix ?? '';
  const names = new Map<string, Float32Array>();
  const name = `retrieval+${embedder.name}`;

  async function rerank(question: string, items: ReadonlyArray<ScoredProcedure>): Promise<ScoredProcedure[]> {
    const missing = items.filter((i) => !names.has(i.record.code));
    const vectors = await embedder.embed([
      queryPrefix + question,
      ...missing.map((i) => passagePrefix + i.record.name),
    ]);
    missing.forEach((i, k) => {
      names.set(i.record.code, vectors[k + 1]!);
    });
    const q = vectors[0]!;
    const best = Math.max(...items.map((i) => i.score), 1e-9);
    return items
      .map((item, rank) => ({
        item,
        rank,
        value: (1 - weight) * (item.score / best) + weight * cosine(q, names.get(item.record.code)!),
      }))
      .sort((x, y) => y.value - x.value || x.rank - y.rank)
      .map((x) => x.item);
  }

  return {
    name,
    async answer(question: string, options: AnswerOptions = {}): Promise<AnswerBody> {
      const outcome = index.search(question, { codes: options.codes, askerLevel: options.level, limit: depth });
      if (outcome.items.length < 2 || outcome.items[0]!.matchedBy === 'code') {
        return answerFromOutcome(index, question, outcome, undefined, name);
      }
      return answerFromOutcome(index, question, outcome, await rerank(question, outcome.items), name);
    },
  };
}

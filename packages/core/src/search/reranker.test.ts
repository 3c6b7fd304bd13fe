import { describe, expect, it } from 'vitest';
import { createRetrievalAnswerer } from './assistant.js';
import { cosine, createRerankingAnswerer, type Embedder } from './reranker.js';
import { fixtureCatalog } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';
import { tokenize } from './text.js';

const index = buildSearchIndex(fixtureCatalog);

/** A fake embedder: one dimension per listed word, so similarity is word overlap on those words. */
function bagOfWords(words: string[]): Embedder & { calls: number } {
  const e = {
    name: 'bag',
    calls: 0,
    async embed(texts: ReadonlyArray<string>) {
      e.calls++;
      return texts.map((t) => Float32Array.from(words, (w) => (tokenize(t).includes(w) ? 1 : 0)));
    },
  };
  return e;
}

describe('createRerankingAnswerer', () => {
  it('orders the choices by semantic similarity, and keeps the calibrated confidence of the index', async () => {
    const question = 'con tôi mới sinh cần làm giấy tờ gì';
    const plain = await createRetrievalAnswerer(index).answer(question);
    expect(plain.status).toBe('suggest');
    // An embedder for which "giấy" (in the question and in "bản sao Giấy khai sinh") matters moves that one first.
    const reranked = await createRerankingAnswerer(index, bagOfWords(['giay']), { weight: 0.9 }).answer(question);
    expect(reranked.status).toBe('suggest');
    expect(reranked.confidence).toBe(plain.confidence);
    expect(reranked.candidates[0]?.code).toBe('2.000635');
    expect(plain.candidates[0]?.code).toBe('1.001193');
    expect(reranked.answerer).toBe('retrieval+bag');
  });

  it('turns an answer into choices when the reranker disagrees on the first procedure', async () => {
    const plain = await createRetrievalAnswerer(index).answer('làm giấy khai sinh');
    expect(plain.status).toBe('answered');
    const disagree = await createRerankingAnswerer(index, bagOfWords(['giay']), { weight: 0.9 }).answer(
      'làm giấy khai sinh',
    );
    expect(disagree.status).toBe('suggest');
    expect(disagree.candidates[0]?.code).toBe('2.000635');
    const agree = await createRerankingAnswerer(index, bagOfWords(['dang', 'ky']), { weight: 0.9 }).answer(
      'làm giấy khai sinh',
    );
    expect(agree.status).toBe('answered');
    expect(agree.cards[0]?.code).toBe(plain.cards[0]?.code);
  });

  it('puts the model\'s markers before the question and the names ("query: " / "passage: " for e5)', async () => {
    const seen: string[] = [];
    const recorder: Embedder = {
      name: 'rec',
      async embed(texts) {
        seen.push(...texts);
        return texts.map(() => Float32Array.of(1));
      },
    };
    await createRerankingAnswerer(index, recorder, { queryPrefix: 'query: ', passagePrefix: 'passage: ' }).answer(
      'khai sinh cho con',
    );
    expect(seen[0]).toBe('query: khai sinh cho con');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.slice(1).every((t) => t.startsWith('passage: '))).toBe(true);
  });

  it('embeds each procedure name once', async () => {
    const e = bagOfWords(['khai', 'sinh']);
    const answerer = createRerankingAnswerer(index, e);
    await answerer.answer('khai sinh cho con');
    const names = e.calls;
    await answerer.answer('khai sinh cho con');
    expect(e.calls).toBe(names + 1);
  });

  it('computes cosine similarity', () => {
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([2, 0]))).toBeCloseTo(1);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 3]))).toBeCloseTo(0);
    expect(cosine(Float32Array.from([0, 0]), Float32Array.from([1, 0]))).toBe(0);
  });
});
